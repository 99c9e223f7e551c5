import type { Row, StorageOperations } from './types.js';

/**
 * Inserts rows of one model through `ops`: in one `createMany` where the adapter has it (one
 * statement instead of one per row), else row by row.
 */
export async function createRows(ops: StorageOperations, model: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  if (rows.length > 1 && ops.createMany) {
    await ops.createMany({ model, data: rows });
    return;
  }
  for (const data of rows) await ops.create({ model, data });
}
