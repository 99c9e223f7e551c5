/**
 * A short key for a normalised text, stored on each request so that identical texts can be
 * found with an equality query: an FNV-1a hash, a second one with another multiplier (64 bits
 * together) and the length. A collision only makes a candidate that the full comparison of
 * the texts then rules out.
 *
 * @example
 * ```ts
 * textKey('40余个项目尾款未结'); // e.g. '3f1c0a9e7b2d4c61-9'
 * ```
 */
export function textKey(normalized: string): string {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  for (let i = 0; i < normalized.length; i++) {
    const code = normalized.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x9e3779b1);
  }
  const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}-${normalized.length}`;
}
