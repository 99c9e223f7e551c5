/**
 * Whole `submit` commands per second through `sqliteStorage` on a WAL file (synchronous=NORMAL
 * on both sides):
 * - sqlite.submit: into an office without a config: validated, checked against the directory,
 *   stored with its timeline entry in one transaction;
 * - sqlite.submit-routed: into the demo office with its config: also routed by the rules (the
 *   legal station's lawyer), with its SLA clock and reminder/escalation timers.
 *
 * Baseline: hand-written minimal SQL through the same driver (better-sqlite3), on a file with
 * the same tables and indexes, persisting the same result — the very rows the SDK wrote for
 * this submission (request, timeline entries, timers), with fresh ids — in one transaction
 * with prepared statements. Statements per submit are counted on both sides.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { coreModels, type CommunitySession, type Row, type StorageAdapter } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { demoOffice, plainOffice, type DemoOffice } from './demo-office.js';
import type { BenchmarkDefinition } from './harness.js';
import { columnsOf, freshCopy, storedSubmit, type SubmitRows } from './submit-rows.js';

function sqliteSubmit(name: string, office: (storage: StorageAdapter) => Promise<DemoOffice>): BenchmarkDefinition {
  const dir = mkdtempSync(join(tmpdir(), 'kechuang-bench-'));
  let statements = 0;
  let storage: StorageAdapter;
  let session: CommunitySession;
  let input: Record<string, unknown>;
  let template: SubmitRows;
  let raw: Database.Database;
  let persist: (rows: SubmitRows) => void;

  async function setup(): Promise<void> {
    // Count one submit's statements on a database of its own: better-sqlite3's verbose hook
    // expands every statement's SQL, which would slow the measured side.
    const counting = sqliteStorage({ filename: join(dir, 'count.sqlite'), driverOptions: { verbose: () => void statements++ } });
    const probe = await office(counting);
    await probe.session.requests.submit(probe.input as never);
    statements = 0;
    const counted = await probe.session.requests.submit(probe.input as never).then(() => statements);
    await counting.close?.();

    storage = sqliteStorage({ filename: join(dir, 'sdk.sqlite') });
    ({ session, input } = await office(storage));
    const request = await session.requests.submit(input as never);
    template = await storedSubmit(storage, request.id);
    const rows = 1 + template.entries.length + template.timers.length;
    console.log(`\n  ${name}: ${counted} statements per submit; baseline ${rows + 2} (BEGIN, ${rows} INSERTs, COMMIT)`);
  }

  // ---- the baseline: the same rows, by hand ----------------------------------------------
  async function baselineSetup(): Promise<void> {
    // The same tables and indexes, created by the adapter on another file; then only raw SQL.
    const file = join(dir, 'raw.sqlite');
    const tables = sqliteStorage({ filename: file });
    await tables.init({ version: 1, models: { request: coreModels['request']!, timeline_entry: coreModels['timeline_entry']!, timer: coreModels['timer']! } });
    await tables.close?.();
    raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    const insert = (model: 'request' | 'timeline_entry' | 'timer'): ((row: Row) => void) => {
      const { fields, columns, table } = columnsOf(model);
      const statement = raw.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`);
      return (row) => statement.run(fields.map((f) => encode(row[f] ?? null)));
    };
    const [request, entry, timer] = [insert('request'), insert('timeline_entry'), insert('timer')];
    persist = raw.transaction((rows: SubmitRows) => {
      request(rows.request);
      rows.entries.forEach(entry);
      rows.timers.forEach(timer);
    });
  }

  return {
    name,
    setup,
    fn: async () => {
      await session.requests.submit(input as never);
    },
    baseline: { name: 'hand-written SQL, same driver and rows', setup: baselineSetup, fn: () => persist(freshCopy(template)) },
    async teardown() {
      await storage?.close?.();
      raw?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const encode = (value: unknown): unknown =>
  value instanceof Date ? value.getTime() : value !== null && typeof value === 'object' ? JSON.stringify(value) : typeof value === 'boolean' ? Number(value) : value;

export const benchmarks: BenchmarkDefinition[] = [sqliteSubmit('sqlite.submit', plainOffice), sqliteSubmit('sqlite.submit-routed', demoOffice)];
