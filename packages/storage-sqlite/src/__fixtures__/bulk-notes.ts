import { existsSync, statSync } from 'node:fs';
import type { StorageAdapter, StorageSchema } from '@kechuang/community';

/** Notes with a long text each, to fill many pages with few rows. */
export const notesSchema: StorageSchema = { version: 1, models: { note: { fields: { id: { type: 'string' }, text: { type: 'string' } } } } };

/** Roughly what {@link writeBulk} adds to a database: 300 notes of 20,000 characters. */
export const BULK_BYTES = 300 * 20_000;

/**
 * Writes about 1,500 pages in one transaction: past SQLite's automatic checkpoint (1,000 WAL
 * pages) but well under the adapter's safety net (10,000).
 */
export async function writeBulk(storage: StorageAdapter, prefix = 'n'): Promise<void> {
  await storage.transaction(async (tx) => {
    for (let i = 0; i < 300; i++) await tx.create({ model: 'note', data: { id: `${prefix}${i}`, text: `${prefix}${i}`.padEnd(20_000, 'x') } });
  });
}

/** The size of a file in bytes, 0 when it does not exist. */
export function sizeOf(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** Resolves once `test()` holds, checking every 20 ms; rejects after `limitMs` with `what`. */
export async function waitFor(test: () => boolean, what: string, limitMs = 20_000): Promise<void> {
  const giveUp = Date.now() + limitMs;
  while (!test()) {
    if (Date.now() > giveUp) throw new Error(`Still waiting after ${limitMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
