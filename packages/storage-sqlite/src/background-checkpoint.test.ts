import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoint } from './background-checkpoint.js';
import { sizeOf, waitFor } from './__fixtures__/bulk-notes.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-sqlite-checkpoint-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');

/** A WAL database whose connection never checkpoints, holding about 6 MB in its WAL. */
function walWithoutCheckpoints(name: string): { file: string; db: Database.Database } {
  const file = join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO note (text) VALUES (?)');
  db.transaction(() => {
    for (let i = 0; i < 300; i++) insert.run('x'.repeat(20_000));
  })();
  return { file, db };
}

/** Starts a checkpointer expected to fail, waits for its report, stops it, and returns every failure it reported. */
async function failuresUntilStopped(filename: string, driver: string): Promise<unknown[]> {
  const failures: unknown[] = [];
  let reported!: () => void;
  const failed = new Promise<void>((resolve) => (reported = resolve));
  const worker = startBackgroundCheckpoint({
    filename,
    driverPath: driver,
    intervalMs: 20,
    onFailure: (cause) => {
      failures.push(cause);
      reported();
    },
  });
  await failed;
  await worker.stop();
  return failures;
}

describe('startBackgroundCheckpoint', () => {
  it('copies the WAL into the database file from its own thread, and empties the WAL when stopped', async () => {
    const { file, db } = walWithoutCheckpoints('copies.sqlite');
    try {
      expect(sizeOf(file)).toBeLessThan(1_000_000);
      const failures: unknown[] = [];
      const worker = startBackgroundCheckpoint({ filename: file, driverPath, intervalMs: 20, onFailure: (cause) => failures.push(cause) });
      await waitFor(() => sizeOf(file) > 5_000_000, 'the database file to receive the WAL pages');
      await worker.stop();
      // The writer's connection is still open, so only the worker's TRUNCATE checkpoint shrank the WAL.
      expect(sizeOf(`${file}-wal`)).toBe(0);
      expect(db.prepare('SELECT count(*) AS n FROM note').get()).toEqual({ n: 300 });
      expect(failures).toEqual([]);
      await worker.stop();
    } finally {
      db.close();
    }
  });

  it('reports once when the worker cannot load the driver, and stops at once', async () => {
    const { file, db } = walWithoutCheckpoints('no-driver.sqlite');
    try {
      const failures = await failuresUntilStopped(file, join(dir, 'no-such-driver.js'));
      expect(failures).toHaveLength(1);
      expect(String(failures[0])).toContain('no-such-driver.js');
    } finally {
      db.close();
    }
  });

  it('reports once when the worker dies after starting, here on a file that is not a database', async () => {
    const file = join(dir, 'not-a-database.sqlite');
    writeFileSync(file, 'plain text, not SQLite pages '.repeat(400));
    const failures = await failuresUntilStopped(file, driverPath);
    expect(failures).toHaveLength(1);
    expect((failures[0] as { code?: unknown }).code).toBe('SQLITE_NOTADB');
  });
});
