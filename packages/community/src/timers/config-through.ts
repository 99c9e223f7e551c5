import type { OfficeConfig } from '../config/config-schema.js';
import type { StoredConfig } from '../pipeline/office-config.js';
import type { StorageOperations } from '../storage/types.js';

/**
 * The office's config in force, read through `ops` — the transaction a timer fires or a
 * plugin writes in. Not through office-config.ts, for two reasons: its per-process cache may
 * be older than the office (a worker reads no office row), and a read outside an open
 * transaction waits for it to end on a single-connection adapter such as SQLite. (Importing
 * office-config.ts from the timer handlers would also split the modules every embedding loads
 * at start into more chunks.)
 */
export async function configThrough(ops: StorageOperations, officeId: string): Promise<StoredConfig | null> {
  const [row] = await ops.findMany({ model: 'office_config', where: [{ field: 'officeId', value: officeId }], orderBy: [{ field: 'version', direction: 'desc' }], limit: 1 });
  if (!row) return null;
  return { officeId, version: row['version'] as number, config: row['document'] as OfficeConfig, createdAt: row['createdAt'] as Date, createdById: row['createdById'] as string | null };
}
