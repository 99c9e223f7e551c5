import { storageError } from './storage-error.js';
import { checkGroupBy, checkWhere, describe, fieldOf } from './schema-checks.js';
import type { AggregateArgs, ModelDefinition } from './types.js';

/**
 * Checks an aggregate's `groupBy`, `where`, conditional `counts` and `percentiles` against the
 * model, so that every adapter refuses the same mistakes with the same messages.
 */
export function checkAggregate(model: string, definition: ModelDefinition, args: AggregateArgs): void {
  checkGroupBy(model, definition, args.groupBy);
  checkWhere(model, definition, args.where ?? []);
  for (const [name, where] of Object.entries(args.counts ?? {})) {
    if (!Array.isArray(where)) throw storageError(`Conditional count "${name}" on model "${model}" must be a where-clause (an array).`, { model, count: name });
    checkWhere(model, definition, where);
  }
  for (const [name, spec] of Object.entries(args.percentiles ?? {})) {
    if (fieldOf(model, definition, spec.field, `percentile "${name}"`).type !== 'number') {
      throw storageError(`Percentile "${name}" needs a number field; "${model}.${spec.field}" is not one.`, { model, field: spec.field });
    }
    if (!Number.isInteger(spec.permille) || spec.permille < 1 || spec.permille > 1000) {
      throw storageError(`Percentile "${name}" on model "${model}" must give "permille" as an integer from 1 to 1000 (500 = median; got ${describe(spec.permille)}).`, { model, field: spec.field });
    }
  }
}
