import type { Row, StorageOperations } from '@kechuang/community';

/**
 * Inserts `rows` of `model` with one `createMany` where the adapter has it (every built-in
 * one does), else row by row.
 *
 * @example
 * ```ts
 * await storage.transaction((tx) => insertRows(tx, 'request', rows));
 * ```
 */
export async function insertRows(on: StorageOperations, model: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (on.createMany) {
    await on.createMany({ model, data: rows });
    return;
  }
  for (const data of rows) await on.create({ model, data });
}
