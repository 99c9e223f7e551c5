import type { ColumnSpec, ImportKind } from '../columns.js';
import type { Directory, DirectoryPart } from '../directory.js';
import type { DirectoryWriter } from '../directory-writer.js';
import type { Reason } from '../reasons.js';
import type { RowReader } from '../row-reader.js';

/** What a valid row comes to: nothing to do, or one write. */
export type RowPlan = { action: 'unchanged' } | { action: 'create' | 'update'; write(writer: DirectoryWriter): Promise<unknown> };

/**
 * One kind of import. `read` takes the cells apart (problems go to the reader's reasons) and
 * names the row's stable key; `plan` checks references against the directory, adds its own
 * reasons, and says what to write when there are none.
 */
export interface RowHandler<K extends string, D> {
  kind: ImportKind;
  columns: readonly ColumnSpec<K>[];
  /** The column holding the stable key (a code, or the credit code). */
  keyColumn: K;
  /** What the import must read from the directory first. */
  needs: readonly DirectoryPart[];
  read(row: RowReader<K>): { key: string | undefined; draft: D };
  plan(draft: D, directory: Directory, reasons: Reason[]): RowPlan | undefined;
}

/** Zod-style issues from the core's own input schema, as reasons. */
export function schemaReasons(result: { success: true } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): Reason[] {
  if (result.success) return [];
  return result.error.issues.map((issue): Reason => ({ code: 'refused', message: issue.message, path: issue.path.map(String).join('.') || undefined }));
}

/** Whether two lists hold the same values, ignoring order. */
export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sorted = [...b].sort();
  return [...a].sort().every((v, i) => v === sorted[i]);
}

/** The archived or missing record behind a code, as a reason; null when it is usable. */
export function refReason(record: { archivedAt: Date | null } | undefined, column: string, model: Extract<Reason, { code: 'unknown_ref' }>['model'], value: string): Reason | null {
  if (!record) return { code: 'unknown_ref', column, model, value };
  if (record.archivedAt) return { code: 'archived_ref', column, model, value };
  return null;
}
