/**
 * The import engine: bytes of a CSV file in, one API call per valid row that differs from
 * the directory, a tally and the rejected rows with their reasons out.
 */
import { isKechuangError } from '@kechuang/community';
import type { ColumnSpec, ImportKind } from './columns.js';
import { parseCsvTable, type CsvTable } from './csv-table.js';
import { decodeCsv, type CsvEncoding } from './decode-csv.js';
import { loadDirectory, type ImportSession } from './directory.js';
import { DirectoryWriter } from './directory-writer.js';
import { mapHeaders, type HeaderProblem } from './header-map.js';
import { buildingsHandler } from './kinds/buildings.js';
import { enterprisesHandler } from './kinds/enterprises.js';
import { membersHandler } from './kinds/members.js';
import { parksHandler } from './kinds/parks.js';
import type { RowHandler } from './kinds/row-handler.js';
import type { Reason } from './reasons.js';
import { RowReader } from './row-reader.js';

/** Options of {@link runImport}. */
export interface RunImportOptions {
  kind: ImportKind;
  /** The file's bytes, in UTF-8 (with or without BOM) or GBK. */
  bytes: Uint8Array;
  /** Forces an encoding instead of detecting it. */
  encoding?: CsvEncoding;
  /** A session allowed to manage the directory, e.g. the office's system actor. */
  session: ImportSession;
  /** Check every row and tell what would change, without writing. @default false */
  dryRun?: boolean;
  /** Called after each row with the rows done and the total. */
  onProgress?: (done: number, total: number) => void;
}

/** A row that was not imported, with every reason. */
export interface RejectedRow {
  line: number;
  cells: string[];
  reasons: Reason[];
}

/** What an import did (or, in a dry run, would do). */
export interface ImportResult {
  kind: ImportKind;
  encoding: CsvEncoding;
  dryRun: boolean;
  /** The header row as the file has it. */
  headers: string[];
  /** A column's header as the file writes it, for messages. */
  label(column: string): string;
  /** Data rows read (blank rows are not counted). */
  total: number;
  /** New records created. */
  accepted: number;
  /** Existing records changed. */
  updated: number;
  /** Rows equal to the stored record: nothing written. */
  unchanged: number;
  rejected: RejectedRow[];
  /** Codes of communities a parks file created. */
  createdCommunities: string[];
}

/** The header row does not fit the import: the file is refused before any row is read. */
export class ImportHeaderError extends Error {
  constructor(
    readonly kind: ImportKind,
    readonly problems: HeaderProblem[],
    readonly columns: readonly ColumnSpec[],
  ) {
    super(`The header row does not fit a ${kind} import`);
    this.name = 'ImportHeaderError';
  }
}

/** What a failed write means for the row, or null when it is not about the row (rethrown). */
function writeReasons(error: unknown, key: string): Reason[] | null {
  if (!isKechuangError(error)) return null;
  switch (error.code) {
    case 'CONFLICT':
      return [{ code: 'conflict' }];
    case 'DUPLICATE':
      return [{ code: 'duplicate_record', value: key }];
    case 'VALIDATION_FAILED': {
      const issues = error.details.issues ?? [];
      if (issues.length === 0) return [{ code: 'refused', message: error.message }];
      return issues.map((issue) => ({ code: 'refused', message: issue.message, path: issue.path.join('.') || undefined }));
    }
    case 'NOT_FOUND':
      // The record was removed while the import ran.
      return [{ code: 'refused', message: error.message }];
    default:
      return null;
  }
}

/** The rows of a decoded table through one kind's handler. */
async function importRows<K extends string, D>(handler: RowHandler<K, D>, table: CsvTable, options: RunImportOptions, encoding: CsvEncoding): Promise<ImportResult> {
  const { kind, session, dryRun = false, onProgress } = options;
  const mapping = mapHeaders(handler.columns, table.headers);
  if (!mapping.ok) throw new ImportHeaderError(kind, mapping.problems, handler.columns);
  const { map } = mapping;

  const directory = await loadDirectory(session, handler.needs);
  const communitiesBefore = new Set([...directory.communities.values()].map((c) => c.code));
  const writer = new DirectoryWriter(dryRun ? null : session, directory);
  const isColumn = (column: string): column is K => handler.columns.some((c) => c.key === column);
  const result: ImportResult = {
    kind,
    encoding,
    dryRun,
    headers: table.headers,
    label: (column) => (isColumn(column) ? map.label(column) : column),
    total: table.rows.length,
    accepted: 0,
    updated: 0,
    unchanged: 0,
    rejected: [],
    createdCommunities: [],
  };
  const firstLine = new Map<string, number>();

  let done = 0;
  for (const { line, cells } of table.rows) {
    const reader = new RowReader(map, cells, table.headers.length);
    const { key, draft } = handler.read(reader);
    const reasons = reader.reasons;
    if (key !== undefined) {
      const first = firstLine.get(key);
      if (first === undefined) firstLine.set(key, line);
      else reasons.push({ code: 'duplicate_in_file', column: handler.keyColumn, value: key, line: first });
    }
    const plan = handler.plan(draft, directory, reasons);
    if (!plan || reasons.length > 0) {
      result.rejected.push({ line, cells, reasons });
    } else if (plan.action === 'unchanged') {
      result.unchanged += 1;
    } else {
      try {
        await plan.write(writer);
        if (plan.action === 'create') result.accepted += 1;
        else result.updated += 1;
      } catch (error) {
        const why = writeReasons(error, key ?? '');
        if (!why) throw error;
        result.rejected.push({ line, cells, reasons: why });
      }
    }
    onProgress?.(++done, table.rows.length);
  }
  result.createdCommunities = [...directory.communities.values()].map((c) => c.code).filter((code) => !communitiesBefore.has(code));
  return result;
}

/**
 * Imports one CSV file into the office's directory: decodes it, maps its headers, checks
 * every row against the directory read up front, and writes each valid row that differs with
 * one create or update (atomic in the SDK). A row the SDK refuses at write time is rejected
 * with the reason, never retried; storage failures and bugs are thrown.
 *
 * @example
 * ```ts
 * const result = await runImport({ kind: 'enterprises', bytes: await readFile('企业.csv'), session });
 * console.log(result.accepted, result.updated, result.unchanged, result.rejected.length);
 * ```
 */
export async function runImport(options: RunImportOptions): Promise<ImportResult> {
  const { text, encoding } = decodeCsv(options.bytes, options.encoding);
  const table = parseCsvTable(text);
  switch (options.kind) {
    case 'parks':
      return importRows(parksHandler, table, options, encoding);
    case 'buildings':
      return importRows(buildingsHandler, table, options, encoding);
    case 'enterprises':
      return importRows(enterprisesHandler, table, options, encoding);
    case 'members':
      return importRows(membersHandler, table, options, encoding);
  }
}
