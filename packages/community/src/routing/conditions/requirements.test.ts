import { describe, expect, it } from 'vitest';
import { requirementsOf } from './requirements.js';

describe('requirementsOf', () => {
  it('reads equality and in tests that must hold: top level and inside top-level all', () => {
    expect(requirementsOf({ category: 'legal' })).toEqual({ category: ['legal'] });
    expect(requirementsOf({ all: [{ park: 'P01' }, { all: [{ channel: { in: ['visit', 'phone'] } }] }] })).toEqual({ park: ['P01'], channel: ['visit', 'phone'] });
    expect(requirementsOf({ category: { eq: 'legal', ne: 'policy' } })).toEqual({ category: ['legal'] });
  });

  it('requires nothing under any or not', () => {
    expect(requirementsOf({ any: [{ category: 'legal' }, { park: 'P01' }] })).toEqual({});
    expect(requirementsOf({ not: { category: 'legal' } })).toEqual({});
    expect(requirementsOf({ category: { ne: 'legal' } })).toEqual({});
  });

  it('intersects category and channel requirements, but keeps one park requirement (id and code name the same park)', () => {
    expect(requirementsOf({ all: [{ category: { in: ['a', 'b'] } }, { category: { in: ['b', 'c'] } }] })).toEqual({ category: ['b'] });
    expect(requirementsOf({ all: [{ category: 'a' }, { category: 'b' }] })).toEqual({ category: [] });
    expect(requirementsOf({ all: [{ park: { in: ['P01', 'P02'] } }, { park: 'p-01' }] })).toEqual({ park: ['p-01'] });
  });

  it('reads the keywords a text test needs: any — one of them; all_of — its first; the shortest list wins', () => {
    expect(requirementsOf({ text: { any: ['欠款', '尾款'] } })).toEqual({ keywords: ['欠款', '尾款'] });
    expect(requirementsOf({ title: { all_of: ['合同', '违约'] } })).toEqual({ keywords: ['合同'] });
    expect(requirementsOf({ all: [{ text: { any: ['a', 'b', 'c'] } }, { description: { any: ['d'] } }] })).toEqual({ keywords: ['d'] });
    expect(requirementsOf({ tags: { any: ['VIP'] } })).toEqual({});
    expect(requirementsOf({ any: [{ text: { any: ['欠款'] } }, { category: 'legal' }] })).toEqual({});
  });
});
