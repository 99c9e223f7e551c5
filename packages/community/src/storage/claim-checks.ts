import type { KechuangError } from '../errors/index.js';
import { storageError } from './storage-error.js';
import { checkCount, checkOrdering, checkWhere, prepareUpdatePatch } from './schema-checks.js';
import type { ClaimArgs, ModelDefinition, Row } from './types.js';

/** A claim's arguments, checked: the `set` patch (a checked copy) and the fields to raise. */
export interface CheckedClaim {
  /** The checked copy of `set`. */
  patch: Row;
  /** The number fields to raise by one. */
  increment: readonly string[];
}

function claimError(model: string, message: string, details: Record<string, unknown> = {}): KechuangError {
  return storageError(`claim on model "${model}": ${message}`, { model, ...details });
}

/**
 * Checks every argument of a `claim` against the model before anything changes, so all
 * adapters refuse the same mistakes in the same words.
 */
export function prepareClaim(model: string, definition: ModelDefinition, args: ClaimArgs): CheckedClaim {
  const { where, orderBy, limit, set = {}, increment = [] } = args;
  checkWhere(model, definition, where);
  if (!Array.isArray(orderBy)) throw claimError(model, '"orderBy" must be an array of ordering terms; end it with { field: "id" }.');
  checkOrdering(model, definition, orderBy, undefined);
  if (limit === undefined) throw claimError(model, '"limit" is required: say how many rows to take at most.');
  checkCount(model, 'limit', limit);
  const patch = prepareUpdatePatch(model, definition, set);
  if (Object.hasOwn(patch, 'id')) throw claimError(model, '"set" cannot change the id of the rows it claims.', { field: 'id' });
  if (!Array.isArray(increment)) throw claimError(model, '"increment" must be an array of number field names.');
  const seen = new Set<string>();
  for (const field of increment) {
    const fieldDefinition = typeof field === 'string' && Object.hasOwn(definition.fields, field) ? definition.fields[field] : undefined;
    if (!fieldDefinition) throw claimError(model, `cannot increment the unknown field ${JSON.stringify(field)}.`, { field });
    if (fieldDefinition.type !== 'number' || fieldDefinition.nullable) {
      throw claimError(model, `"increment" only raises non-nullable number fields, but "${field}" is a ${fieldDefinition.nullable ? 'nullable ' : ''}${fieldDefinition.type} field.`, { field });
    }
    if (seen.has(field) || Object.hasOwn(patch, field)) throw claimError(model, `"${field}" is named twice in "set"/"increment"; name it once.`, { field });
    seen.add(field);
  }
  // A claim that changes nothing marks nothing as taken: the next claim would take the rows again.
  if (seen.size === 0 && Object.keys(patch).length === 0) {
    throw claimError(model, 'give "set" or "increment": a claim must change the rows it takes so that later claims skip them.');
  }
  return { patch, increment: [...seen] };
}
