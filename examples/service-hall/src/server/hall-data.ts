/**
 * The service hall's data: one SQLite file that the first start fills with the Mengchuang
 * office, its 6,000 enterprises and its whole first year (2025-03 … 2026-02), and that later
 * starts open as they left it.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCommunity, type StorageAdapter } from '@kechuang/community';
import { generateMengchuang, runDemoYear, type DemoYearStage } from '@kechuang/demo';
import { sqliteStorage } from '@kechuang/storage-sqlite';

/** Options of {@link openHallData}. */
export interface HallDataOptions {
  /** Where the database lives. */
  directory: string;
  /** Start from an empty database even if one exists. */
  fresh?: boolean;
  /** Told how far a first start's load is. */
  onProgress?: (done: number, total: number, stage: DemoYearStage) => void;
}

/** The opened database and the demo office in it. */
export interface HallData {
  storage: StorageAdapter;
  officeId: string;
  /** The database file, for the start-up message. */
  filename: string;
  /** Whether this start loaded the demo (a first start) or reopened it. */
  loaded: boolean;
}

/**
 * Opens the hall's database, loading the demo on a first start. A load that was cut off (the
 * process killed half-way) leaves no completion mark, so the next start throws the partial
 * file away and loads again rather than serve half a year.
 */
export async function openHallData(options: HallDataOptions): Promise<HallData> {
  mkdirSync(options.directory, { recursive: true });
  const filename = join(options.directory, 'service-hall.sqlite');
  const mark = join(options.directory, 'service-hall.loaded');
  const officeCode = generateMengchuang({ enterprises: 1 }).office.code;

  if (!options.fresh && existsSync(filename) && existsSync(mark)) {
    const storage = sqliteStorage({ filename });
    const office = await createCommunity({ storage }).offices.findByCode(officeCode);
    if (office) return { storage, officeId: office.id, filename, loaded: false };
    await storage.close?.();
  }

  rmSync(mark, { force: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(filename + suffix, { force: true });
  const storage = sqliteStorage({ filename });
  const year = await runDemoYear({ storage, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
  writeFileSync(mark, `${new Date().toISOString()}\n`);
  return { storage, officeId: year.officeId, filename, loaded: true };
}
