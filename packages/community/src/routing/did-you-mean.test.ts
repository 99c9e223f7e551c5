import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, editDistance } from './did-you-mean.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps, ignoring case', () => {
    expect(editDistance('category', 'category')).toBe(0);
    expect(editDistance('catgory', 'category')).toBe(1);
    expect(editDistance('gtee', 'gte')).toBe(1);
    expect(editDistance('chanel', 'channel')).toBe(1);
    expect(editDistance('prioirty', 'priority')).toBe(1);
    expect(editDistance('PARK', 'park')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is symmetric and at most the longer length (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        expect(d).toBe(editDistance(b, a));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe('closest', () => {
  const fields = ['category', 'channel', 'priority', 'park', 'text', 'tags', 'enterprise.tags'];
  const operators = ['eq', 'ne', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'any', 'all_of', 'regex', 'includes', 'exists'];

  it('suggests the closest plausible candidate', () => {
    expect(closest('catgory', fields)).toBe('category');
    expect(closest('gtee', operators)).toBe('gte');
    expect(closest('notin', operators)).toBe('not_in');
    expect(closest('enterprise.tag', fields)).toBe('enterprise.tags');
    expect(closest('regx', operators)).toBe('regex');
    expect(closest('Category', fields)).toBe('category');
  });

  it('suggests nothing for unrelated words, exact matches or very long input', () => {
    expect(closest('colour', fields)).toBeUndefined();
    expect(closest('category', ['category'])).toBeUndefined();
    expect(closest('x'.repeat(500), fields)).toBeUndefined();
    expect(closest('anything', [])).toBeUndefined();
  });

  it('prefers the earlier candidate on a tie', () => {
    expect(closest('lt', ['gt', 'lte'])).toBe('gt');
  });
});
