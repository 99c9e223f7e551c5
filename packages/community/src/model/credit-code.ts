/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a
 * 31-character alphabet (digits and capitals without I, O, Z, S, V), the last one a check
 * character computed from the first 17 with fixed weights, modulo 31.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** Registration authority (position 1) codes in use: 1 institutions … 9 market regulation, Y others. */
const AUTHORITIES = '123456789ANY';

/** Why a credit code was refused; `check_character` means only the last character is wrong. */
export type CreditCodeProblem =
  | {
      /** The code does not have 18 characters. */
      kind: 'length';
      /** What is wrong, in English, for the person who typed it. */
      message: string;
    }
  | {
      /** A character outside the code's alphabet. */
      kind: 'character';
      /** What is wrong, in English, for the person who typed it. */
      message: string;
      /** Where the character is, counting from 1. */
      position: number;
    }
  | {
      /** The first character is not a registration authority code. */
      kind: 'authority';
      /** What is wrong, in English, for the person who typed it. */
      message: string;
    }
  | {
      /** Characters 3–8 are not a 6-digit administrative division code. */
      kind: 'division';
      /** What is wrong, in English, for the person who typed it. */
      message: string;
    }
  | {
      /** Only the last (check) character is wrong: most likely a typing mistake. */
      kind: 'check_character';
      /** What is wrong, in English, for the person who typed it. */
      message: string;
      /** The check character the first 17 characters require. */
      expected: string;
      /** The check character given. */
      actual: string;
    };

/**
 * The check character for the first 17 characters of a credit code.
 *
 * @example
 * ```ts
 * creditCodeCheckCharacter('91330110MA2XXXXX0'); // one character of '0123456789ABCDEFGHJKLMNPQRTUWXY'
 * ```
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckCharacter needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`'${first17.charAt(i)}' is not a credit-code character`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * Checks a unified social credit code and says precisely what is wrong with it, or returns
 * null when it is valid. Lower-case input is not accepted: normalise with `toUpperCase()`
 * first if your source is sloppy.
 *
 * @example
 * ```ts
 * const problem = checkCreditCode(code);
 * if (problem?.kind === 'check_character') console.log(`expected ${problem.expected}`);
 * ```
 */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) {
    return { kind: 'length', message: `A unified social credit code has 18 characters; this one has ${code.length}.` };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!ALPHABET.includes(ch)) {
      return {
        kind: 'character',
        position: i + 1,
        message: `Character ${i + 1} ('${ch}') is not allowed: use digits and capital letters except I, O, Z, S and V.`,
      };
    }
  }
  if (!AUTHORITIES.includes(code.charAt(0))) {
    return {
      kind: 'authority',
      message: `The first character ('${code.charAt(0)}') is not a registration authority code (1–9, A, N or Y).`,
    };
  }
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) {
    return { kind: 'division', message: 'Characters 3–8 must be the 6-digit administrative division code.' };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  const actual = code.charAt(17);
  if (expected !== actual) {
    return {
      kind: 'check_character',
      expected,
      actual,
      message: `The check character is '${actual}' but the first 17 characters require '${expected}': the code was probably mistyped.`,
    };
  }
  return null;
}

/** Whether `code` is a valid unified social credit code. */
export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code) === null;
}
