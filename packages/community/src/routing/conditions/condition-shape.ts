import type { Condition } from '../../config/config-schema.js';

/**
 * Reading a condition node: `{ all: [...] }`, `{ any: [...] }`, `{ not: ... }` or a
 * single-field test `{ <field>: <test> }`. The checker, the compiler and the rule index all
 * read conditions through this one function, so they never disagree about what a node is.
 */
export type ConditionShape =
  | { kind: 'all' | 'any'; items: readonly unknown[] }
  | { kind: 'not'; item: unknown }
  | { kind: 'field'; field: string; test: unknown }
  | { kind: 'invalid'; why: string };

/**
 * A plain object (not null, not a list).
 *
 * @example
 * ```ts
 * isPlainObject({ in: ['a'] }); // true
 * isPlainObject(['a']);         // false
 * ```
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A value a field can be compared with: a string, a finite number or a boolean.
 *
 * @example
 * ```ts
 * isScalar('legal'); // true
 * isScalar(NaN);     // false
 * ```
 */
export function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean';
}

/**
 * What kind of node `condition` is. Checked configs only hold valid nodes; anything else is
 * `invalid`, with a message saying what a node should look like.
 *
 * @example
 * ```ts
 * conditionShape({ all: [{ category: 'legal' }] }); // { kind: 'all', items: [...] }
 * conditionShape({ park: 'P01' });                  // { kind: 'field', field: 'park', test: 'P01' }
 * ```
 */
export function conditionShape(condition: Condition | unknown): ConditionShape {
  if (!isPlainObject(condition)) {
    return { kind: 'invalid', why: 'a condition is an object: { all: [...] }, { any: [...] }, { not: ... } or { <field>: <test> }' };
  }
  const keys = Object.keys(condition);
  const key = keys[0];
  if (keys.length !== 1 || key === undefined) {
    return {
      kind: 'invalid',
      why: keys.length === 0 ? 'an empty condition tests nothing: name a field, or use all/any/not' : `a condition names exactly one field (or all/any/not), not ${keys.length} (${keys.join(', ')}); combine several with all: [...]`,
    };
  }
  const value = condition[key];
  if (key === 'all' || key === 'any') {
    if (!Array.isArray(value) || value.length === 0) return { kind: 'invalid', why: `${key} needs a non-empty list of conditions` };
    return { kind: key, items: value };
  }
  if (key === 'not') return { kind: 'not', item: value };
  return { kind: 'field', field: key, test: value };
}

/**
 * The conditions that must ALL hold for `condition` to hold: the node itself, or the items of
 * a top-level `all` (recursively, since an `all` inside an `all` is still a conjunction).
 *
 * @example
 * ```ts
 * conjuncts({ all: [{ park: 'P01' }, { all: [{ category: 'legal' }] }] }); // [{ park: 'P01' }, { category: 'legal' }]
 * conjuncts({ any: [{ park: 'P01' }] });                                   // [{ any: [...] }]
 * ```
 */
export function conjuncts(condition: unknown): unknown[] {
  const shape = conditionShape(condition);
  return shape.kind === 'all' ? shape.items.flatMap(conjuncts) : [condition];
}
