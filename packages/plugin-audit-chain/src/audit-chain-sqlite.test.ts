import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import Database from 'better-sqlite3';
import { sqlTamperSuite } from './__fixtures__/sql-tamper-suite.js';

sqlTamperSuite('the audit chain on SQLite, tampered with through better-sqlite3', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-audit-chain-'));
  const filename = join(dir, 'audit.db');
  const storage = sqliteStorage({ filename, checkpoint: 'auto' });
  // The adapter creates the tables on first use; the raw connection opens the same file.
  const raw = new Database(filename);
  raw.pragma('busy_timeout = 5000');
  return {
    storage,
    sql: {
      run: async (text, params = []) => void raw.prepare(text).run(...params),
      rows: async (text, params = []) => raw.prepare(text).all(...params) as Record<string, unknown>[],
    },
    async close() {
      raw.close();
      await storage.close?.();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
