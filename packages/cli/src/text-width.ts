/**
 * Terminal column widths: East Asian wide and fullwidth characters (汉字, fullwidth
 * punctuation, Hangul, most emoji) take two columns, combining marks none, the rest one.
 * Enough for aligning tables of Chinese and Latin text; not a full Unicode width table.
 */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];

function charWidth(code: number): number {
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return 0;
  if ((code >= 0x300 && code <= 0x36f) || code === 0x200b || (code >= 0xfe00 && code <= 0xfe0f)) return 0;
  for (const [from, to] of WIDE) {
    if (code < from) return 1;
    if (code <= to) return 2;
  }
  return 1;
}

/**
 * How many terminal columns `text` takes.
 *
 * @example
 * ```ts
 * displayWidth('法律服务 legal'); // 14
 * ```
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char.codePointAt(0) ?? 0);
  return width;
}

/** `text` padded with spaces to `width` columns (longer text is left as it is). */
export function padDisplay(text: string, width: number): string {
  const missing = width - displayWidth(text);
  return missing > 0 ? text + ' '.repeat(missing) : text;
}

/**
 * Rows laid out in columns, each as wide as its widest cell (in terminal columns), separated
 * by two spaces; the last cell of each row is not padded and does not count towards its
 * column's width.
 *
 * @example
 * ```ts
 * formatTable([['规则', '命中'], ['legal_debts', '是']]);
 * // ['规则         命中', 'legal_debts  是']
 * ```
 */
export function formatTable(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  // A row's last cell is never padded, so a short row's long remark does not widen its column.
  for (const row of rows) row.forEach((cell, i) => i < row.length - 1 && (widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell))));
  return rows.map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : padDisplay(cell, widths[i] ?? 0))).join('  ').trimEnd());
}
