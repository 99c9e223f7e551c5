/**
 * Unified social credit codes (统一社会信用代码) for generated enterprises.
 *
 * A code is: registration authority `9` (market regulation) + type `1` (enterprise) + the
 * 6-digit division code + a 9-character organization code + the check character. The check
 * character comes from the core's own implementation, so a generated code is valid by the
 * exact rule the SDK will apply to it.
 */
import { creditCodeCheckCharacter } from '@kechuang/community';
import type { Random } from './random.js';

/** The 31 characters a credit code may contain (no I, O, Z, S, V). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Administrative division code of 余杭区, 杭州市 (Yuhang District), where 仓前街道 lies. */
export const YUHANG_DIVISION_CODE = '330110';

/** Options of {@link createCreditCodeFactory}. */
export interface CreditCodeFactoryOptions {
  /**
   * Six-digit administrative division code.
   * @default '330110' (余杭区)
   */
  division?: string;
}

/** Issues credit codes that are valid and never repeat within one factory. */
export interface CreditCodeFactory {
  /** The next unused, valid credit code. */
  next(): string;
  /** Every code issued so far. */
  readonly issued: ReadonlySet<string>;
}

/**
 * Creates a factory of valid credit codes, unique within the factory.
 *
 * The organization-code part starts with `MA`, as codes assigned since the 2015 reform do,
 * followed by 7 random characters: 31^7 ≈ 2.7 × 10^10 combinations, so a clash is rare and
 * is simply drawn again.
 *
 * @example
 * ```ts
 * const codes = createCreditCodeFactory(createRandom(1));
 * const code = codes.next(); // e.g. '91330110MA7K2PQX4C' — 18 characters, valid check character
 * isValidCreditCode(code);   // true
 * ```
 */
export function createCreditCodeFactory(random: Random, options: CreditCodeFactoryOptions = {}): CreditCodeFactory {
  const division = options.division ?? YUHANG_DIVISION_CODE;
  if (!/^[0-9]{6}$/.test(division)) throw new RangeError(`The division code must be 6 digits, not '${division}'`);
  const issued = new Set<string>();
  const prefix = `91${division}MA`;

  return {
    issued,
    next(): string {
      for (let attempt = 0; attempt < 1000; attempt++) {
        let body = prefix;
        for (let i = 0; i < 7; i++) body += CREDIT_CODE_ALPHABET.charAt(random.int(0, CREDIT_CODE_ALPHABET.length - 1));
        const code = body + creditCodeCheckCharacter(body);
        if (!issued.has(code)) {
          issued.add(code);
          return code;
        }
      }
      // Unreachable in practice (the space is ~10^10); fail loudly rather than spin.
      throw new RangeError('Could not find an unused credit code');
    },
  };
}
