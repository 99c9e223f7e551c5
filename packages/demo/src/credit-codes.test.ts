import { checkCreditCode, isValidCreditCode } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { createCreditCodeFactory } from './credit-codes.js';
import { createRandom } from './random.js';

describe('createCreditCodeFactory', () => {
  it('issues valid, unique Yuhang enterprise codes', () => {
    const codes = createCreditCodeFactory(createRandom(1));
    const issued = Array.from({ length: 10_000 }, () => codes.next());
    expect(new Set(issued).size).toBe(issued.length);
    expect(codes.issued.size).toBe(issued.length);
    // Collect failures instead of asserting per code: one readable message, and fast.
    expect(issued.filter((code) => checkCreditCode(code) !== null)).toEqual([]);
    // 9 market regulation, 1 enterprise, 330110 余杭区, MA + 7, check character.
    expect(issued.filter((code) => !/^91330110MA[0-9A-HJ-NP-RTUW-Y]{8}$/.test(code))).toEqual([]);
  });

  it('is reproducible from the seed', () => {
    const a = createCreditCodeFactory(createRandom(2));
    const b = createCreditCodeFactory(createRandom(2));
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
  });

  it('takes another division code and refuses a malformed one', () => {
    const code = createCreditCodeFactory(createRandom(3), { division: '330106' }).next();
    expect(code.slice(0, 8)).toBe('91330106');
    expect(isValidCreditCode(code)).toBe(true);
    expect(() => createCreditCodeFactory(createRandom(3), { division: '3301' })).toThrow(RangeError);
  });
});
