import { KechuangError } from '../../errors/kechuang-error.js';
import type { WhereCondition, WhereOrGroup } from '../../storage/types.js';

/**
 * A directory list's `search` as where-conditions storage understands, so that narrowing
 * happens in storage and list pages stay full. A record matches when its `name` contains every
 * word of the search, or its `code` starts with the whole search. Full-width letters and
 * digits are folded first (NFKC), and each word is tried as typed, upper- and lower-cased,
 * because storage compares case-sensitively and names keep their Latin letters as typed.
 * Blank means no search; longer than 100 characters, or not a string, is VALIDATION_FAILED.
 *
 * @example
 * ```ts
 * searchWhere('数像 abc');
 * // [{ or: [name contains '数像', code starts with '数像 ABC'] },
 * //  { or: [name contains 'abc' | 'ABC', code starts with '数像 ABC'] }]
 * ```
 */
export function searchWhere(search: unknown): WhereOrGroup[] {
  if (typeof search !== 'string' || search.length > 100) {
    const message = typeof search === 'string' ? 'use at most 100 characters' : 'give the text to search for as a string';
    throw new KechuangError('VALIDATION_FAILED', `Invalid search: ${message}.`, { issues: [{ path: ['search'], message, code: typeof search === 'string' ? 'too_big' : 'invalid_type' }] });
  }
  const text = search.normalize('NFKC').trim();
  // (every word in the name) or (code prefix), spread over the words: storage ORs only conditions.
  const code: WhereCondition = { field: 'code', op: 'starts_with', value: text.toUpperCase() };
  return (text.match(/\S+/g) ?? []).map((word) => ({
    or: [...new Set([word, word.toUpperCase(), word.toLowerCase()])].map((value): WhereCondition => ({ field: 'name', op: 'contains', value })).concat(code),
  }));
}
