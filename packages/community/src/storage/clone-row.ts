import type { FieldValue, Row } from './types.js';

/**
 * A copy of `value` sharing nothing mutable with it: dates stay `Date`, JSON objects and arrays
 * are copied deeply. Adapters hand out and store copies so no caller can change stored state
 * by mutating a row it holds.
 */
export function cloneFieldValue(value: FieldValue): FieldValue {
  if (value instanceof Date) return new Date(value.getTime());
  if (value !== null && typeof value === 'object') return structuredClone(value);
  return value;
}

/** A copy of `row` in which every value went through {@link cloneFieldValue}. */
export function cloneRow(row: Row): Row {
  const copy: Row = {};
  for (const [field, value] of Object.entries(row)) copy[field] = cloneFieldValue(value);
  return copy;
}
