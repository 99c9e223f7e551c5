import type { FieldValue, JsonValue, Row } from './types.js';

/**
 * A copy of `value` sharing nothing mutable with it: dates stay `Date`, JSON objects and arrays
 * are copied deeply. Adapters hand out and store copies so no caller can change stored state
 * by mutating a row it holds.
 */
export function cloneFieldValue(value: FieldValue): FieldValue {
  if (value instanceof Date) return new Date(value.getTime());
  if (value !== null && typeof value === 'object') return cloneJson(value);
  return value;
}

// Values reaching here were checked to be JSON (plain objects, arrays, primitives), for which
// a direct copy is several times faster than structuredClone.
function cloneJson(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cloneJson);
  const copy: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) {
    const item = cloneJson(value[key] as JsonValue);
    // A plain assignment to "__proto__" would replace the copy's prototype instead of adding the key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

/** A copy of `row` in which every value went through {@link cloneFieldValue}. */
export function cloneRow(row: Row): Row {
  const copy: Row = {};
  for (const [field, value] of Object.entries(row)) copy[field] = cloneFieldValue(value);
  return copy;
}
