import { parse } from 'csv-parse/sync';

/** One data row of a CSV file: the line it starts on (the header is line 1) and its cells. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A parsed CSV file: its header cells and its non-empty data rows. */
export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

/** The file is not well-formed CSV (e.g. a quote that is never closed). */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    /** The line the parser stopped at, when it knows. */
    readonly line: number | undefined,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

function isParsedRecord(value: unknown): value is ParsedRecord {
  if (typeof value !== 'object' || value === null || !('record' in value) || !('info' in value)) return false;
  const { record, info } = value;
  return Array.isArray(record) && typeof info === 'object' && info !== null && 'lines' in info && typeof info.lines === 'number';
}

function lineOfError(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'lines' in error && typeof error.lines === 'number') return error.lines;
  return undefined;
}

/**
 * Parses CSV text: the first record is the header; rows whose cells are all blank are
 * skipped, as Excel leaves them behind. Line breaks are normalised first (CRLF and lone CR
 * become LF), so line numbers count the way an editor does, also across quoted cells that
 * hold a line break.
 *
 * @example
 * ```ts
 * const { headers, rows } = parseCsvTable('园区编码,园区名称\r\nP01,梦创科技园\r\n');
 * rows[0]; // { line: 2, cells: ['P01', '梦创科技园'] }
 * ```
 */
export function parseCsvTable(text: string): CsvTable {
  let parsed: unknown[];
  try {
    // With `info`, csv-parse returns { record, info } objects, which its types do not say.
    parsed = parse(text.replace(/\r\n?/g, '\n'), { info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false });
  } catch (error) {
    throw new CsvSyntaxError(error instanceof Error ? error.message : String(error), lineOfError(error));
  }
  const records = parsed.filter(isParsedRecord);
  const [header, ...data] = records;
  if (!header) return { headers: [], rows: [] };
  const rows: CsvRow[] = [];
  let previousEnd = header.info.lines;
  for (const { record, info } of data) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.every((cell) => cell.trim() === '')) continue;
    rows.push({ line, cells: record });
  }
  return { headers: header.record, rows };
}
