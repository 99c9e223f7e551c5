import type { ServiceRequest } from '../model/request.js';
import type { FieldDefinition, StorageOperations } from './types.js';

/**
 * Completes a request a command is committing with the values of the fields plugins add to
 * requests, read through `tx` once the transaction hooks have run. The core never writes
 * those fields (`requestToRow` leaves them out, so that a command cannot put back a value a
 * plugin has since changed), which makes the stored row the only place that knows them: the
 * command's result, its event and its `after` hooks then show what was committed, and a field
 * no plugin set yet reads null. Without plugin fields on requests it reads nothing.
 */
export async function completePluginFields(
  fields: Record<string, FieldDefinition> | undefined,
  tx: StorageOperations,
  request: ServiceRequest,
): Promise<void> {
  if (!fields) return;
  const row = await tx.findOne({ model: 'request', where: [{ field: 'officeId', value: request.officeId }, { field: 'id', value: request.id }] });
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(fields)) values[name] = row?.[name] ?? null;
  // In place: the command's result, its event and its after hooks all hold this object.
  Object.assign(request, values);
}
