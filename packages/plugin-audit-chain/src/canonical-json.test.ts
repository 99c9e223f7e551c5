import { isKechuangError } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

const refusal = (value: unknown): unknown => {
  try {
    canonicalJson(value);
  } catch (error) {
    return error;
  }
  throw new Error('expected canonicalJson to refuse the value');
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}');
  });

  it('gives one text for one value, whatever order its keys were built in', () => {
    const one = { requestId: 'r1', text: '已电话联系企业', attachments: [] };
    const other = { attachments: [], text: '已电话联系企业', requestId: 'r1' };
    expect(canonicalJson(one)).toBe(canonicalJson(other));
  });

  it('writes dates as ISO strings and leaves out undefined members as JSON does', () => {
    expect(canonicalJson({ at: new Date('2026-03-02T01:00:00Z'), note: undefined, list: [undefined, 1] })).toBe('{"at":"2026-03-02T01:00:00.000Z","list":[null,1]}');
  });

  it('sorts by UTF-16 code units and escapes strings as JSON does', () => {
    expect(canonicalJson({ 梦创: 1, B: 2, a: 3, '\u00e9': 4 })).toBe('{"B":2,"a":3,"é":4,"梦创":1}');
    expect(canonicalJson('引号"与\n换行')).toBe('"引号\\"与\\n换行"');
  });

  it('writes numbers in their shortest form, and -0 as 0', () => {
    expect(canonicalJson([1.5, 1e21, -0, 0.1])).toBe('[1.5,1e+21,0,0.1]');
  });

  it('refuses NaN, Infinity, bigints and cycles, naming where they are', () => {
    const nan = refusal({ a: { b: Number.NaN } });
    expect(isKechuangError(nan, 'VALIDATION_FAILED')).toBe(true);
    expect((nan as Error).message).toContain("'a.b'");
    expect(isKechuangError(refusal([Infinity]), 'VALIDATION_FAILED')).toBe(true);
    expect(isKechuangError(refusal({ n: 1n }), 'VALIDATION_FAILED')).toBe(true);
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect((refusal(cyclic) as Error).message).toContain('cycle');
  });

  it('allows the same object twice when it is not its own ancestor', () => {
    const shared = { k: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
  });
});
