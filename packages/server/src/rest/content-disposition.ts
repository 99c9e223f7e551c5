// RFC 5987 attr-char: what may stand unescaped in `filename*`. encodeURIComponent leaves
// ' ( ) * unescaped too, which attr-char does not allow.
const NOT_ATTR_CHAR = /['()*]/g;

/**
 * A `Content-Disposition` header (RFC 6266) naming `filename`. A name that is not plain
 * ASCII (e.g. 梦创社区月报.csv) gets an ASCII stand-in in `filename` for old clients and the
 * real name, UTF-8 and percent-encoded, in `filename*`, which current browsers prefer.
 *
 * @example
 * ```ts
 * contentDisposition('monthly-report-2026-01.csv', 'attachment');
 * // attachment; filename="monthly-report-2026-01.csv"
 * contentDisposition('月报.csv', 'attachment');
 * // attachment; filename="__.csv"; filename*=UTF-8''%E6%9C%88%E6%8A%A5.csv
 * ```
 */
export function contentDisposition(filename: string, disposition: 'inline' | 'attachment'): string {
  // No directory parts and no control characters, whatever the name was built from.
  const name = filename.replace(/[\\/]/g, '_').replace(/[\u0000-\u001f\u007f]/g, '');
  const ascii = name.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/g, '_');
  if (ascii === name) return `${disposition}; filename="${ascii}"`;
  const encoded = encodeURIComponent(name).replace(NOT_ATTR_CHAR, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
