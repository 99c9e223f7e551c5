import { rejectsColumns, type ColumnSpec } from './columns.js';

/** Where each known column is in the file, and what the file calls it. */
export interface HeaderMap<K extends string> {
  /** The cell index of each column the file has. */
  readonly index: ReadonlyMap<K, number>;
  /** The header as written in the file, for messages; the usual name when the file lacks it. */
  label(key: K): string;
}

/** Why a header row was refused. */
export type HeaderProblem<K extends string = string> =
  | { kind: 'unknown'; header: string }
  | { kind: 'missing'; key: K }
  | { kind: 'duplicate'; key: K; headers: [string, string] }
  | { kind: 'empty' };

export type HeaderMapping<K extends string> = { ok: true; map: HeaderMap<K> } | { ok: false; problems: HeaderProblem<K>[] };

/**
 * Normalises a header for matching: drops BOMs and zero-width characters, a required-marker
 * `*` and a trailing note in brackets (templates write `类型（园区/厂区）`), then compares
 * English case-insensitively with spaces and hyphens read as `_`.
 */
export function normaliseHeader(header: string): string {
  return header
    .replace(/[\uFEFF\u200B-\u200D]/g, '')
    .trim()
    .replace(/[*＊]+$/, '')
    .replace(/\s*[(（][^()（）]*[)）]\s*$/, '')
    .replace(/[*＊]+$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const ignored = new Set([rejectsColumns.line.zh, rejectsColumns.line.en, rejectsColumns.reason.zh, rejectsColumns.reason.en].map(normaliseHeader));

/**
 * Matches a file's header row against the columns of one import. Every header must be known
 * (a typo would otherwise silently drop a column) and every required column present; the
 * rejects file's 行号/line and 原因/reason columns and blank headers are ignored.
 *
 * @example
 * ```ts
 * const mapping = mapHeaders(parkColumns, ['园区编码', 'name', '所属社区编码']);
 * if (mapping.ok) mapping.map.index.get('name'); // 1
 * ```
 */
export function mapHeaders<K extends string>(columns: readonly ColumnSpec<K>[], headers: readonly string[]): HeaderMapping<K> {
  if (headers.every((h) => h.trim() === '')) return { ok: false, problems: [{ kind: 'empty' }] };
  const byName = new Map<string, ColumnSpec<K>>();
  for (const column of columns) for (const name of [...column.zh, ...column.en]) byName.set(normaliseHeader(name), column);

  const index = new Map<K, number>();
  const written = new Map<K, string>();
  const problems: HeaderProblem<K>[] = [];
  headers.forEach((header, i) => {
    const name = normaliseHeader(header);
    if (name === '' || ignored.has(name)) return;
    const column = byName.get(name);
    if (!column) {
      problems.push({ kind: 'unknown', header });
      return;
    }
    const first = written.get(column.key);
    if (first !== undefined) {
      problems.push({ kind: 'duplicate', key: column.key, headers: [first, header] });
      return;
    }
    index.set(column.key, i);
    written.set(column.key, header.trim());
  });
  for (const column of columns) if (column.required && !index.has(column.key)) problems.push({ kind: 'missing', key: column.key });
  if (problems.length > 0) return { ok: false, problems };

  const usual = new Map(columns.map((c) => [c.key, c.zh[0] ?? c.key]));
  return { ok: true, map: { index, label: (key) => written.get(key) ?? usual.get(key) ?? key } };
}
