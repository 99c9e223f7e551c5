/**
 * Contact details that are valid in format but obviously fake, so demo data can be mailed,
 * texted and masked by the SDK without ever reaching a real person.
 */

/**
 * Every demo mobile number is `1380000` + four digits (13800000001 …). Mainland China has no
 * official fiction range, so the demo keeps to one small block next to the well-known
 * example number 13800138000 and documents it; a test checks nothing else appears.
 */
export const DEMO_MOBILE_PREFIX = '1380000';

/** E-mail domain reserved for examples by RFC 2606: mail to it can never be delivered. */
export const DEMO_EMAIL_DOMAIN = 'mengchuang.example';

/**
 * The `n`-th demo mobile number (1 ≤ n ≤ 9999).
 *
 * @example
 * ```ts
 * demoMobile(12); // '13800000012'
 * ```
 */
export function demoMobile(n: number): string {
  if (!Number.isSafeInteger(n) || n < 1 || n > 9999) throw new RangeError(`Demo mobile numbers are numbered 1–9999, not ${n}`);
  return `${DEMO_MOBILE_PREFIX}${String(n).padStart(4, '0')}`;
}

/**
 * Whether `mobile` is one of the demo's fake numbers.
 *
 * @example
 * ```ts
 * isDemoMobile('13800000012'); // true
 * isDemoMobile('13912345678'); // false
 * ```
 */
export function isDemoMobile(mobile: string): boolean {
  return mobile.length === 11 && mobile.startsWith(DEMO_MOBILE_PREFIX) && /^[0-9]{4}$/.test(mobile.slice(7)) && mobile !== `${DEMO_MOBILE_PREFIX}0000`;
}

/**
 * The demo e-mail address for a member code.
 *
 * @example
 * ```ts
 * demoEmail('MC-S001'); // 'mc-s001@mengchuang.example'
 * ```
 */
export function demoEmail(memberCode: string): string {
  return `${memberCode.toLowerCase()}@${DEMO_EMAIL_DOMAIN}`;
}
