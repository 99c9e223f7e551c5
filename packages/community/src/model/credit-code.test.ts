import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter, isValidCreditCode } from './credit-code.js';
import { createEnterpriseInput } from './enterprise.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts codes whose check character matches', () => {
    expect(isValidCreditCode('91330110MA2H3QXG0X')).toBe(true);
    expect(checkCreditCode('91330110MA2H3QXG0X')).toBeNull();
  });

  it('reports a wrong check character as exactly that, with the expected character', () => {
    const problem = checkCreditCode('91330110MA2H3QXG0Y');
    expect(problem).toMatchObject({ kind: 'check_character', expected: 'X', actual: 'Y' });
    expect(problem?.message).toContain("'X'");
  });

  it('reports length, alphabet, authority and division problems separately', () => {
    expect(checkCreditCode('9133011')?.kind).toBe('length');
    expect(checkCreditCode('91330110MA2H3QXGOX')).toMatchObject({ kind: 'character', position: 17 });
    expect(checkCreditCode('B1330110MA2H3QXG0X')?.kind).toBe('authority');
    expect(checkCreditCode('9133A110MA2H3QXG0X')?.kind).toBe('division');
  });

  it('the check character makes any 17-character body valid (property)', () => {
    const body = fc
      .tuple(fc.constantFrom(...'123456789ANY'), fc.constantFrom(...ALPHABET), fc.stringMatching(/^[0-9]{6}$/), fc.array(fc.constantFrom(...ALPHABET), { minLength: 9, maxLength: 9 }))
      .map(([a, t, div, org]) => `${a}${t}${div}${org.join('')}`);
    fc.assert(
      fc.property(body, (b) => {
        const code = b + creditCodeCheckCharacter(b);
        expect(isValidCreditCode(code)).toBe(true);
        // Changing the check character alone is always caught.
        const wrong = ALPHABET.charAt((ALPHABET.indexOf(code.charAt(17)) + 1) % 31);
        expect(checkCreditCode(b + wrong)?.kind).toBe('check_character');
      }),
      { numRuns: 500 },
    );
  });

  it('enterprise input reports the check character with issue code credit_code_check', () => {
    const result = createEnterpriseInput.safeParse({ creditCode: '91330110MA2H3QXG0Y', name: '测试', communityId: 'c1' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['creditCode'], params: { code: 'credit_code_check' } });
  });
});
