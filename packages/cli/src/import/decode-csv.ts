/**
 * Turns the bytes of a CSV file into text. Offices keep their directories in Excel, and Excel
 * in mainland China saves "CSV" in GBK (code page 936) unless told to use UTF-8, so both have
 * to work without the user knowing which one they have.
 */

/** The encodings the importer reads. */
export type CsvEncoding = 'utf8' | 'gbk';

/** What {@link decodeCsv} found. */
export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Whether the file began with a UTF-8 byte-order mark (Excel's "CSV UTF-8" does). */
  bom: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

/**
 * Decodes a CSV file. Without `forced`: a BOM means UTF-8; bytes that are valid UTF-8 are
 * UTF-8 (GBK text with Chinese in it is practically never valid UTF-8); anything else is GBK.
 * Node's full ICU provides the GBK decoder, so no conversion library is needed.
 *
 * @example
 * ```ts
 * const { text, encoding } = decodeCsv(await readFile('企业名录.csv'));
 * encoding; // 'gbk' for a file saved by Excel as "CSV (逗号分隔)"
 * ```
 */
export function decodeCsv(bytes: Uint8Array, forced?: CsvEncoding): DecodedCsv {
  const bom = startsWithBom(bytes);
  const body = bom ? bytes.subarray(UTF8_BOM.length) : bytes;
  if (forced === 'gbk') return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk', bom };
  if (forced === 'utf8' || bom) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf8', bom };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf8', bom };
  } catch {
    return { text: new TextDecoder('gbk').decode(body), encoding: 'gbk', bom };
  }
}
