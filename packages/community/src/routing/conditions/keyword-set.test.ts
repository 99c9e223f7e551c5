import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordSet } from './keyword-set.js';

function found(keywords: string[], text: string): string[] {
  const set = new KeywordSet();
  for (const k of keywords) set.add(k);
  set.seal();
  const ids: number[] = [];
  set.scan(text, ids);
  return ids.map((id) => set.keyword(id)).sort();
}

describe('KeywordSet', () => {
  it('finds every keyword present, overlapping or nested', () => {
    expect(found(['欠款', '拖欠', '拖欠款', '尾款'], '对方拖欠款项')).toEqual(['拖欠', '拖欠款', '欠款']);
    expect(found(['ab', 'bc', 'abc', 'c'], 'xabcx')).toEqual(['ab', 'abc', 'bc', 'c']);
    expect(found(['aa'], 'aaa')).toEqual(['aa']);
    expect(found(['欠款'], '没有问题')).toEqual([]);
  });

  it('ignores Latin case and treats regex characters literally', () => {
    expect(found(['Contract', 'a.b', '(x)'], 'CONTRACT axb (x)')).toEqual(['(x)', 'Contract']);
    expect(found(['a.b'], 'a.b')).toEqual(['a.b']);
  });

  it('gives repeated keywords one id, and refuses new ones once sealed', () => {
    const set = new KeywordSet();
    expect(set.add('尾款')).toBe(set.add('尾款'));
    set.seal();
    expect(() => set.add('欠款')).toThrow();
    expect(set.add('尾款')).toBe(0);
  });

  it('agrees with a lower-cased includes() for every keyword (property)', () => {
    const alphabet = fc.constantFrom('a', 'B', 'b', '欠', '款', '尾', '.', '*', ' ');
    const word = fc.array(alphabet, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 30 }).map((cs) => cs.join('')), (keywords, text) => {
        const expected = keywords.filter((k) => text.toLowerCase().includes(k.toLowerCase())).sort();
        expect(found(keywords, text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
