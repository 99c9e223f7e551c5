/**
 * `text` cut to at most `maxBytes` UTF-8 bytes on a character boundary, ending in `…` when cut.
 * Chat platforms limit message size in bytes, and a Chinese character takes three.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).byteLength <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - encoder.encode(ellipsis).byteLength;
  let used = 0;
  let cut = '';
  for (const char of text) {
    const size = encoder.encode(char).byteLength;
    if (used + size > budget) break;
    used += size;
    cut += char;
  }
  return cut + ellipsis;
}
