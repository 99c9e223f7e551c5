/**
 * A GBK encoder for tests, built from Node's own GBK decoder so that no conversion library is
 * needed: every two-byte sequence is decoded once and the table inverted.
 */

let table: Map<string, number> | undefined;

function gbkTable(): Map<string, number> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let char: string;
      try {
        char = decoder.decode(pair);
      } catch {
        continue;
      }
      // The first sequence wins, as in the encoder the standard describes.
      if (char.length === 1 && !table.has(char)) table.set(char, (lead << 8) | trail);
    }
  }
  return table;
}

/**
 * Encodes text as GBK, the way Excel in mainland China saves "CSV"; throws on a character
 * GBK cannot represent, so a fixture never silently loses data.
 *
 * @example
 * ```ts
 * await writeFile(file, encodeGbk('园区编码,园区名称\r\nP01,梦创园\r\n'));
 * ```
 */
export function encodeGbk(text: string): Uint8Array {
  const codes = gbkTable();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x80) {
      out[n++] = cp;
      continue;
    }
    const code = codes.get(char);
    if (code === undefined) throw new RangeError(`'${char}' (U+${cp.toString(16).toUpperCase()}) has no GBK encoding`);
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.subarray(0, n);
}
