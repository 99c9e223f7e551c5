import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { FeedEntry, StorageAdapter, StorageSchema } from '@kechuang/community';
import { feedSchema } from './__fixtures__/feed-schema.js';
import { sqliteStorage } from './sqlite-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-sqlite-feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const child = fileURLToPath(new URL('./__fixtures__/feed-writer.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function runWriter(file: string, writer: string, transactions: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', child, file, writer, String(transactions)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) =>
      code === 0 ? resolve((JSON.parse(out.trim().split('\n').pop() ?? '{}') as { committed: string[] }).committed) : reject(new Error(`writer ${writer} exited ${code}: ${err}`))
    );
  });
}

async function readPage(storage: StorageAdapter, after: string | null, limit: number): Promise<FeedEntry[]> {
  if (!storage.readFeed) throw new Error('sqliteStorage must implement readFeed');
  return storage.readFeed({ model: 'event', after, limit });
}

const ids = (entries: readonly FeedEntry[]): string[] => entries.map((entry) => String(entry.row['id']));

describe('the SQLite feed', () => {
  it('delivers every row committed by several processes exactly once, in one order, to a reader polling meanwhile', { timeout: 120_000 }, async () => {
    const file = join(dir, 'shared.sqlite');
    const reader = sqliteStorage({ filename: file });
    await reader.init(feedSchema);
    try {
      let writing = true;
      const received: FeedEntry[] = [];
      const polling = (async () => {
        let after: string | null = null;
        while (writing) {
          const page = await readPage(reader, after, 5);
          received.push(...page);
          after = page.at(-1)?.position ?? after;
          await new Promise((resolve) => setTimeout(resolve, page.length === 0 ? 2 : 0));
        }
        return after;
      })();
      const committed = (await Promise.all(['a', 'b', 'c', 'd'].map((writer) => runWriter(file, writer, 60)))).flat();
      writing = false;
      let after = await polling;
      console.log(`[sqlite-feed] ${committed.length} rows committed by 4 processes; ${received.length} read while they wrote`);
      for (let page = await readPage(reader, after, 50); page.length > 0; page = await readPage(reader, after, 50)) {
        received.push(...page);
        after = page.at(-1)?.position ?? after;
      }
      expect([...ids(received)].sort(), 'every committed row exactly once, none of the rolled-back ones').toStrictEqual([...committed].sort());
      const fresh: FeedEntry[] = [];
      for (let from: string | null = null, page = await readPage(reader, null, 1000); page.length > 0; page = await readPage(reader, from, 1000)) {
        fresh.push(...page);
        from = page.at(-1)?.position ?? from;
      }
      expect(received, 'the reader saw the same order and positions as a read afterwards').toStrictEqual(fresh);
    } finally {
      await reader.close?.();
    }
  });

  it('migrates an existing table: its rows get positions in insertion order, new rows follow, and so do rows written while it was no feed', async () => {
    const file = join(dir, 'migrate.sqlite');
    const plainSchema: StorageSchema = { version: 1, models: { event: { fields: feedSchema.models['event']?.fields ?? {} } } };
    const write = async (schema: StorageSchema, version: number, rows: string[], drop: string[] = []): Promise<void> => {
      const storage = sqliteStorage({ filename: file });
      try {
        await storage.init({ ...schema, version });
        for (const id of rows) await storage.create({ model: 'event', data: { id, writer: 'w', n: 0 } });
        for (const id of drop) await storage.delete({ model: 'event', where: [{ field: 'id', value: id }] });
      } finally {
        await storage.close?.();
      }
    };
    await write(plainSchema, 1, ['old-b', 'old-a', 'old-c'], ['old-a']);
    await write(feedSchema, 2, ['new']);
    // Turned off and on again: rows written meanwhile come after every row with a position.
    await write(plainSchema, 3, ['off-2', 'off-1']);
    await write(feedSchema, 4, ['on']);
    const storage = sqliteStorage({ filename: file });
    try {
      await storage.init({ ...feedSchema, version: 4 });
      const entries = await readPage(storage, null, 10);
      expect(ids(entries)).toStrictEqual(['old-b', 'old-c', 'new', 'off-2', 'off-1', 'on']);
      expect(entries.map((entry) => entry.position)).toStrictEqual(['1', '2', '3', '4', '5', '6']);
      expect(entries.map((entry) => Object.keys(entry.row).sort())).toStrictEqual(Array.from({ length: 6 }, () => ['id', 'n', 'writer']));
    } finally {
      await storage.close?.();
    }
    // The order lives in a hidden column and a counter table that only grows.
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT "table_name", "last" FROM "kechuang_feed_counters"').all()).toStrictEqual([{ table_name: 'event', last: 6 }]);
    } finally {
      raw.close();
    }
  });

  it('keeps handing out new positions after the newest rows are deleted, and after reopening the file', async () => {
    const file = join(dir, 'reuse.sqlite');
    const first = sqliteStorage({ filename: file });
    await first.init(feedSchema);
    await first.createMany?.({ model: 'event', data: ['r1', 'r2', 'r3'].map((id) => ({ id, writer: 'w', n: 0 })) });
    const seen = await readPage(first, null, 10);
    await first.delete({ model: 'event', where: [] });
    await first.close?.();
    const second = sqliteStorage({ filename: file });
    try {
      await second.init(feedSchema);
      await second.create({ model: 'event', data: { id: 'r4', writer: 'w', n: 0 } });
      expect(ids(await readPage(second, seen.at(-1)?.position ?? null, 10)), 'a reader at r3 must still get r4').toStrictEqual(['r4']);
    } finally {
      await second.close?.();
    }
  });

  it('reads a filtered feed through the order index, so a poll reads only what is new', async () => {
    const file = join(dir, 'plan.sqlite');
    const statements: string[] = [];
    const schema: StorageSchema = {
      version: 1,
      models: { event: { feed: true, fields: { id: { type: 'string' }, office: { type: 'string' } }, indexes: [{ name: 'event_office', fields: ['office'] }] } },
    };
    const storage = sqliteStorage({ filename: file, driverOptions: { verbose: (sql) => statements.push(String(sql)) } });
    try {
      await storage.init(schema);
      await storage.createMany?.({ model: 'event', data: Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, office: `o${i % 5}` })) });
      await storage.readFeed?.({ model: 'event', where: [{ field: 'office', value: 'o3' }], after: '40', limit: 10 });
    } finally {
      await storage.close?.();
    }
    const read = statements.find((sql) => sql.includes('AS kc_feed'));
    expect(read).toBeDefined();
    const raw = new Database(file, { readonly: true });
    try {
      const plan = raw.prepare(`EXPLAIN QUERY PLAN ${read ?? ''}`).all() as { detail: string }[];
      expect(plan.map((step) => step.detail)).toStrictEqual(['SEARCH event USING INDEX kc_feed_event (_feed>?)']);
    } finally {
      raw.close();
    }
  });
});
