/**
 * The mainland mobile number in `address` (11 digits, optionally written with +86, spaces or
 * dashes), or null when it is something else: a platform user id, an e-mail address.
 *
 * @example
 * ```ts
 * mainlandMobile('+86 138-0013-8000'); // '13800138000'
 * mainlandMobile('manager4213');       // null
 * ```
 */
export function mainlandMobile(address: string | null): string | null {
  if (address === null) return null;
  const compact = address.replace(/[\s-]/g, '').replace(/^(?:\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(compact) ? compact : null;
}
