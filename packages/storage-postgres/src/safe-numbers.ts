import pg from 'pg';
import type { CustomTypesConfig } from 'pg';

/** PostgreSQL type OIDs parsed by {@link safeNumberTypes}. */
const INT8 = 20;
const NUMERIC = 1700;

function normalise(digits: string): string {
  const [whole = '', fraction = ''] = digits.split('.');
  const w = whole.replace(/^0+(?=\d)/, '');
  const f = fraction.replace(/0+$/, '');
  return f === '' ? w : `${w}.${f}`;
}

/**
 * Parses PostgreSQL `bigint` / `numeric` text to a JS number when that is exact: integers
 * within `Number.MAX_SAFE_INTEGER`, decimals whose number reads back as the same digits.
 * Anything else (too large, too precise, `NaN`, `Infinity`) throws rather than losing digits.
 *
 * @example
 * ```ts
 * parseSafeNumber('42'); // 42
 * parseSafeNumber('9007199254740993'); // throws: beyond the safe integer range
 * ```
 */
export function parseSafeNumber(text: string): number {
  const value = Number(text);
  const fail = (why: string): never => {
    throw new RangeError(`PostgreSQL returned the number ${text}, ${why}; cast it to text in SQL to read it exactly.`);
  };
  if (!/^-?\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) return fail('which is not a finite number');
  if (!text.includes('.') || Number.isInteger(value)) {
    if (!Number.isSafeInteger(value)) return fail('beyond the safe integer range of a JS number');
    if (normalise(text.replace(/^-/, '')) !== String(Math.abs(value))) return fail('which a JS number cannot hold exactly');
    return value;
  }
  const digits = text.replace(/^-/, '');
  const fractionDigits = (digits.split('.')[1] ?? '').length;
  if (fractionDigits > 100 || Math.abs(value) >= 1e21 || normalise(Math.abs(value).toFixed(fractionDigits)) !== normalise(digits)) {
    return fail('which a JS number cannot hold exactly');
  }
  return value;
}

/**
 * node-postgres type parsers that return `bigint` (int8, e.g. `count(*)`) and `numeric`
 * values as JS numbers where exact, and throw where not ({@link parseSafeNumber}). Dates
 * (`timestamptz`) keep node-postgres's default parsing to `Date`. {@link postgresStorage}
 * installs them on the pool it creates; pass them to a pool you create yourself.
 *
 * @example
 * ```ts
 * import pg from 'pg';
 * const pool = new pg.Pool({ connectionString, max: 20, types: safeNumberTypes });
 * ```
 */
export const safeNumberTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if ((oid === INT8 || oid === NUMERIC) && format !== 'binary') return parseSafeNumber;
    return format === undefined ? pg.types.getTypeParser(oid) : pg.types.getTypeParser(oid, format);
  }) as CustomTypesConfig['getTypeParser'],
};
