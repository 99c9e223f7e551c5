import { KechuangError } from '@kechuang/community';

/**
 * Writes `value` as canonical JSON: the JSON that `JSON.stringify` would write (so `toJSON`
 * is honoured and a `Date` becomes its ISO string; `undefined`, functions and symbols are left
 * out of objects and become `null` in arrays), with every object's keys sorted by UTF-16 code
 * units and no whitespace. The same value therefore always gives the same text, whatever
 * order its keys were built in, which is what a hash over it needs.
 *
 * A value JSON cannot hold faithfully is refused rather than silently changed: `NaN`,
 * `Infinity`, a `bigint` or a cycle throws VALIDATION_FAILED naming where it is.
 *
 * @example
 * ```ts
 * canonicalJson({ b: 1, a: [true, new Date('2026-03-02T01:00:00Z')] });
 * // '{"a":[true,"2026-03-02T01:00:00.000Z"],"b":1}'
 * ```
 */
export function canonicalJson(value: unknown): string {
  return write(value, '', [], new Set()) ?? 'null';
}

function refuse(path: (string | number)[], what: string): never {
  const where = path.length === 0 ? 'the value' : `'${path.join('.')}'`;
  const message = `Cannot write ${where} as canonical JSON: it is ${what}. Give a finite number, a string or a plain object instead.`;
  throw new KechuangError('VALIDATION_FAILED', message, { issues: [{ path, message, code: 'not_canonical_json' }] });
}

function hasToJson(value: object): value is { toJSON(key: string): unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** The canonical text of `value`, or undefined where JSON leaves the value out. */
function write(raw: unknown, key: string, path: (string | number)[], ancestors: Set<object>): string | undefined {
  const value = typeof raw === 'object' && raw !== null && hasToJson(raw) ? raw.toJSON(key) : raw;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(path, String(value));
      return JSON.stringify(value);
    case 'bigint':
      return refuse(path, 'a bigint');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    default:
      break;
  }
  if (value === null) return 'null';
  const object = value as object;
  if (ancestors.has(object)) refuse(path, 'a cycle (it contains itself)');
  ancestors.add(object);
  try {
    if (Array.isArray(object)) {
      const items = object.map((item: unknown, i) => write(item, String(i), [...path, i], ancestors) ?? 'null');
      return `[${items.join(',')}]`;
    }
    const record = object as Record<string, unknown>;
    const members: string[] = [];
    // The default sort compares UTF-16 code units, the order RFC 8785 prescribes too.
    for (const name of Object.keys(record).sort()) {
      const text = write(record[name], name, [...path, name], ancestors);
      if (text !== undefined) members.push(`${JSON.stringify(name)}:${text}`);
    }
    return `{${members.join(',')}}`;
  } finally {
    ancestors.delete(object);
  }
}
