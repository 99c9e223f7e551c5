// Digits as people type them: ASCII or full width (a Chinese IME gives １３８…). Regex
// literals rather than RegExp(): nothing runs when the module loads.

/**
 * A resident ID number (居民身份证号): 17 digits and a check character (a digit or X), not
 * part of a longer run of digits.
 */
const ID_NUMBER = /(?<![0-9\uFF10-\uFF19])([0-9\uFF10-\uFF19]{6})[0-9\uFF10-\uFF19]{8}([0-9\uFF10-\uFF19]{3}[0-9\uFF10-\uFF19Xx\uFF38\uFF58])(?![0-9\uFF10-\uFF19])/g;

/**
 * A mainland mobile number: 1, 3–9, then 9 digits, optionally after +86/86 and written in
 * groups of 3-4-4 with spaces or hyphens, not part of a longer run of digits.
 */
const MOBILE =
  /(?<![0-9\uFF10-\uFF19])((?:\+?(?:86|\uFF18\uFF16)[ -]?)?)([1\uFF11][3-9\uFF13-\uFF19][0-9\uFF10-\uFF19])[ -]?[0-9\uFF10-\uFF19]{4}[ -]?([0-9\uFF10-\uFF19]{4})(?![0-9\uFF10-\uFF19])/g;

/**
 * Masks personal numbers in text bound for a chat or e-mail message (DOMAIN.md, Privacy):
 * mobile numbers as `138****1234`, resident ID numbers to their first 6 and last 4 characters
 * (`330106********1234`). Everything else is left as it is, and masking twice changes nothing.
 *
 * @example
 * ```ts
 * maskPersonalNumbers('联系人：张三 13812345678'); // '联系人：张三 138****5678'
 * maskPersonalNumbers('身份证 33010619900101123X'); // '身份证 330106********123X'
 * ```
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(ID_NUMBER, (_whole, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, (_whole, prefix: string, head: string, tail: string) => `${prefix}${head}****${tail}`);
}
