import { storageError } from './storage-error.js';
import { isOrGroup, type FieldValue, type Row, type Where, type WhereCondition, type WhereOperator } from './types.js';

const OPERATORS: ReadonlySet<string> = new Set<WhereOperator>([
  'eq',
  'ne',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'not_in',
  'contains',
  'starts_with',
  'is_null',
  'is_not_null',
]);


function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'date';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

// UTF-16 surrogates (D800–DFFF) encode code points above FFFF, so they must rank above
// E000–FFFF. Shifting them makes code-unit comparison agree with code-point order, which is
// the byte order of UTF-8 that SQLite's BINARY and PostgreSQL's COLLATE "C" use.
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit <= 0xdfff ? unit + 0x2000 : unit - 0x800;
}

function compareStrings(a: string, b: string): number {
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return Math.sign(codePointRank(x) - codePointRank(y));
  }
  return Math.sign(a.length - b.length);
}

/**
 * Orders two field values the way the SQL adapters do, so the in-memory adapter and the SQL
 * ones page through the same rows in the same order.
 *
 * - strings: binary, by Unicode code point (UTF-8 byte order, like SQLite `BINARY` and
 *   PostgreSQL `COLLATE "C"`): case-sensitive, `'B' < 'a'`, no locale rules;
 * - numbers numerically, dates by time, booleans `false < true`;
 * - `null` sorts before every other value (only relevant for plain sorting: keyset cursors
 *   never involve nullable fields).
 *
 * Values of different kinds, and JSON objects or arrays, cannot be compared: that throws
 * `STORAGE_ERROR`, because it always means the query does not match the field's type.
 *
 * @returns a negative number, 0 or a positive number.
 * @example
 * ```ts
 * rows.sort((a, b) => compareFieldValues(a.title ?? null, b.title ?? null));
 * compareFieldValues('B', 'a'); // -1 (binary order, not alphabetical)
 * ```
 */
export function compareFieldValues(a: FieldValue, b: FieldValue): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareStrings(a, b);
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  const kindA = describeKind(a);
  const kindB = describeKind(b);
  if (kindA === kindB) {
    throw storageError(
      `Cannot compare two ${kindA} values: JSON objects and arrays cannot be compared or sorted. ` +
        'Filter JSON fields only with is_null/is_not_null, and order by a scalar field instead.'
    );
  }
  throw storageError(
    `Cannot compare a ${kindA} with a ${kindB}. Pass a value of the field's own type ` +
      '(a Date for date fields, a number for number fields, …).'
  );
}

/** Checks the shape of one condition: a known operator with a value of the right kind (never null for eq/ne). */
export function checkCondition(condition: WhereCondition): void {
  const op = condition.op ?? 'eq';
  const { field, value } = condition;
  if (!OPERATORS.has(op)) {
    throw storageError(`Unknown where operator "${String(op)}" on field "${field}". Use one of: ${[...OPERATORS].join(', ')}.`, {
      field,
    });
  }
  switch (op) {
    case 'in':
    case 'not_in':
      if (!Array.isArray(value)) {
        throw storageError(`Operator "${op}" on field "${field}" needs an array value (got ${describeKind(value)}).`, { field });
      }
      if ((value as readonly FieldValue[]).some((item) => item === null || item === undefined)) {
        throw storageError(
          `Operator "${op}" on field "${field}" got null in its list; SQL never matches null that way. ` +
            'Remove it and add an OR group with is_null instead.',
          { field }
        );
      }
      return;
    case 'is_null':
    case 'is_not_null':
      if (value !== undefined && value !== null) {
        throw storageError(`Operator "${op}" on field "${field}" takes no value; remove the value.`, { field });
      }
      return;
    case 'contains':
    case 'starts_with':
      if (typeof value !== 'string') {
        throw storageError(`Operator "${op}" on field "${field}" needs a string value (got ${describeKind(value)}).`, { field });
      }
      return;
    default:
      if (value === null || value === undefined) {
        const hint =
          op === 'eq' ? 'use op "is_null"' : op === 'ne' ? 'use op "is_not_null"' : 'comparing with null never matches in SQL';
        throw storageError(`Operator "${op}" on field "${field}" got ${describeKind(value ?? null)} as its value: ${hint}.`, {
          field,
        });
      }
      if (Array.isArray(value)) {
        throw storageError(`Operator "${op}" on field "${field}" takes a single value; use "in" to match a list.`, { field });
      }
  }
}

function matchesCondition(row: Row, condition: WhereCondition): boolean {
  const op = condition.op ?? 'eq';
  const actual = row[condition.field] ?? null;
  if (op === 'is_null') return actual === null;
  if (op === 'is_not_null') return actual !== null;
  if (op === 'not_in') {
    const list = condition.value as readonly FieldValue[];
    // An empty not_in matches every row (nulls included), as the contract says.
    if (list.length === 0) return true;
    return actual !== null && list.every((item) => compareFieldValues(actual, item) !== 0);
  }
  // SQL three-valued logic: any comparison with a null field is unknown, i.e. not a match.
  if (actual === null) return false;
  const value = condition.value as FieldValue;
  switch (op) {
    case 'eq':
      return compareFieldValues(actual, value) === 0;
    case 'ne':
      return compareFieldValues(actual, value) !== 0;
    case 'lt':
      return compareFieldValues(actual, value) < 0;
    case 'lte':
      return compareFieldValues(actual, value) <= 0;
    case 'gt':
      return compareFieldValues(actual, value) > 0;
    case 'gte':
      return compareFieldValues(actual, value) >= 0;
    case 'in':
      return (condition.value as readonly FieldValue[]).some((item) => compareFieldValues(actual, item) === 0);
    case 'contains':
    case 'starts_with': {
      if (typeof actual !== 'string') {
        throw storageError(
          `Operator "${op}" only works on string fields, but "${condition.field}" holds a ${describeKind(actual)}.`,
          {
            field: condition.field,
          }
        );
      }
      return op === 'contains' ? actual.includes(value as string) : actual.startsWith(value as string);
    }
    default:
      return false;
  }
}

/**
 * Checks every condition of `where` once and returns a predicate for rows. Checking up front
 * means a malformed condition fails even when there are no rows to test it against.
 *
 * @example
 * ```ts
 * const open = compileWhere([{ field: 'status', op: 'in', value: ['assigned', 'accepted'] }]);
 * const openRows = rows.filter(open);
 * ```
 */
export function compileWhere(where: Where): (row: Row) => boolean {
  for (const entry of where) {
    if (isOrGroup(entry)) entry.or.forEach(checkCondition);
    else checkCondition(entry);
  }
  return (row) =>
    where.every((entry) =>
      // An OR group with no conditions has none that holds, so it matches nothing.
      isOrGroup(entry) ? entry.or.some((condition) => matchesCondition(row, condition)) : matchesCondition(row, entry)
    );
}

/**
 * Whether `row` satisfies `where` with SQL semantics: conditions and OR groups are ANDed; a
 * comparison with a null field is false except `is_null` (and an empty `not_in`); an empty
 * `in` matches nothing; `contains`/`starts_with` are case-sensitive and take `%` and `_`
 * literally. Comparing with `eq`/`ne` against null throws `STORAGE_ERROR`.
 *
 * The rules are the storage contract's (see `WhereCondition`); this is the reference
 * implementation the in-memory adapter uses.
 *
 * @example
 * ```ts
 * matchesWhere(
 *   { id: 'r1', status: 'assigned', assigneeId: 'm1', teamId: null },
 *   [
 *     { field: 'status', op: 'ne', value: 'closed' },
 *     { or: [{ field: 'assigneeId', value: 'm1' }, { field: 'teamId', value: 't1' }] },
 *   ],
 * ); // true
 * ```
 */
export function matchesWhere(row: Row, where: Where): boolean {
  return compileWhere(where)(row);
}
