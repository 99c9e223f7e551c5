import type { Condition } from '../../config/config-schema.js';
import { conditionShape, conjuncts, isPlainObject, isScalar } from './condition-shape.js';

/**
 * What a rule's condition requires of the indexed fields: "this rule can only match requests
 * whose category is legal", or "… whose text contains 欠款 or 尾款" — read from equality, `in`
 * and keyword tests that must hold, i.e. at the top level or inside a top-level `all`. Tests
 * under `any` or `not` require nothing.
 */

/** The fields rules are indexed by. */
export const INDEXED_FIELDS = ['category', 'park', 'channel'] as const;
export type IndexedField = (typeof INDEXED_FIELDS)[number];
export type IndexKey = string | number | boolean;

/**
 * For each indexed field the rule constrains: the values it can match (any of them); and
 * keywords of which the request text must contain at least one.
 */
export type Requirements = Partial<Record<IndexedField, readonly IndexKey[]>> & { keywords?: readonly string[] };

const TEXT_FIELDS = new Set(['text', 'title', 'description']);

/**
 * Keywords a text test needs: `any` needs one of its keywords, `all_of` all of them (so in
 * particular its first). A keyword in the title or the description is in the text, so a test
 * on either is indexed like one on the text.
 */
function requiredKeywords(field: string, test: unknown): string[] | null {
  if (!TEXT_FIELDS.has(field) || !isPlainObject(test)) return null;
  let best: string[] | null = null;
  for (const operator of ['any', 'all_of']) {
    const list = test[operator];
    if (!Array.isArray(list) || list.length === 0 || !list.every((k) => typeof k === 'string')) continue;
    const keywords = operator === 'all_of' ? [list[0] as string] : (list as string[]);
    if (best === null || keywords.length < best.length) best = keywords;
  }
  return best;
}

function isIndexed(field: string): field is IndexedField {
  return (INDEXED_FIELDS as readonly string[]).includes(field);
}

function intersect(a: readonly IndexKey[], b: readonly IndexKey[]): IndexKey[] {
  return a.filter((value) => b.includes(value));
}

/** The values one field test allows, or null when it does not pin the field down. */
function allowedValues(field: IndexedField, test: unknown): IndexKey[] | null {
  if (isScalar(test)) return [test];
  if (!isPlainObject(test)) return null;
  const eq = isScalar(test['eq']) ? [test['eq']] : null;
  const inList = Array.isArray(test['in']) ? test['in'].filter(isScalar) : null;
  if (eq && inList) return combine(field, eq, inList);
  return eq ?? inList;
}

/**
 * Two requirements on the same field: both must hold. A park is matched by id OR code, so two
 * park values that differ may still name the same park; keep the narrower one instead of
 * intersecting (a requirement only has to be necessary, not exact).
 */
function combine(field: IndexedField, a: IndexKey[], b: IndexKey[]): IndexKey[] {
  if (field === 'park') return a.length <= b.length ? a : b;
  return intersect(a, b);
}

/**
 * The requirements of a condition on category, park and channel.
 *
 * @example
 * ```ts
 * requirementsOf({ all: [{ park: 'P01' }, { category: { in: ['facilities', 'property'] } }] });
 * // { park: ['P01'], category: ['facilities', 'property'] }
 * requirementsOf({ any: [{ category: 'legal' }, { text: { any: ['欠款'] } }] }); // {}
 * requirementsOf({ text: { any: ['欠款', '尾款'] } });                              // { keywords: ['欠款', '尾款'] }
 * ```
 */
export function requirementsOf(condition: Condition): Requirements {
  const found: Partial<Record<IndexedField, IndexKey[]>> & { keywords?: string[] } = {};
  for (const part of conjuncts(condition)) {
    const shape = conditionShape(part);
    if (shape.kind !== 'field') continue;
    const keywords = requiredKeywords(shape.field, shape.test);
    // Any one keyword requirement is necessary; keep the shortest list (the most selective).
    if (keywords !== null && (found.keywords === undefined || keywords.length < found.keywords.length)) found.keywords = [...new Set(keywords)];
    if (!isIndexed(shape.field)) continue;
    const values = allowedValues(shape.field, shape.test);
    if (values === null) continue;
    const prior = found[shape.field];
    found[shape.field] = prior ? combine(shape.field, prior, values) : [...new Set(values)];
  }
  return found;
}
