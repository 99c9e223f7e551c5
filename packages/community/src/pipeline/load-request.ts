import type { ResolvedActor } from '../auth/actor.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { ServiceRequest } from '../model/request.js';
import { rowToRequest } from '../storage/records.js';
import type { StorageOperations } from '../storage/types.js';
import type { Runtime } from './runtime.js';

/** Ids of members and teams assisting on a request (from its party rows). */
export function partyIdsOf(request: ServiceRequest): Set<string> {
  const ids = new Set<string>();
  for (const a of request.assists) {
    if (a.memberId !== null) ids.add(a.memberId);
    if (a.teamId !== null) ids.add(a.teamId);
  }
  return ids;
}

/**
 * The request as `actor` may see it, or null. Another office's request and one the actor
 * may not see are indistinguishable from a missing one.
 */
export async function findVisibleRequest(
  runtime: Runtime,
  actor: ResolvedActor,
  id: string,
  ops: StorageOperations = runtime.storage,
): Promise<ServiceRequest | null> {
  const row = await ops.findOne({
    model: 'request',
    where: [
      { field: 'officeId', value: actor.officeId },
      { field: 'id', value: id },
    ],
  });
  if (!row) return null;
  const request = rowToRequest(row);
  return runtime.policy.canSee(actor, request, partyIdsOf(request)) ? request : null;
}

/** Like {@link findVisibleRequest}, but NOT_FOUND when there is none. */
export async function loadVisibleRequest(runtime: Runtime, actor: ResolvedActor, id: string): Promise<ServiceRequest> {
  const request = await findVisibleRequest(runtime, actor, id);
  if (!request) throw notFound('request', id);
  return request;
}

export function notFound(model: string, id: string): KechuangError {
  return new KechuangError('NOT_FOUND', `No ${model} '${id}' that you can see. Check the id, and that you are signed in to the right office.`, {
    model,
    id,
  });
}

export function conflict(model: string, id: string, expectedVersion: number, actualVersion?: number): KechuangError {
  return new KechuangError(
    'CONFLICT',
    `The ${model} '${id}' changed since version ${expectedVersion} was read${actualVersion ? ` (it is now at version ${actualVersion})` : ''}. Reload it and try again.`,
    actualVersion === undefined ? { model, id, expectedVersion } : { model, id, expectedVersion, actualVersion },
  );
}
