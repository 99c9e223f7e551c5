/**
 * Whole `submit` commands per second through `postgresStorage`, from 8 concurrent submitters
 * sharing one pool of 8 connections: postgres.submit into an office without a config,
 * postgres.submit-routed into the demo office with its config (routing, SLA clock and timers),
 * as in sqlite.bench.ts.
 *
 * Baseline: hand-written minimal SQL through the same driver (pg), 8 concurrent clients on a
 * pool of 8, persisting the very rows the SDK wrote for this submission (request, timeline
 * entries, timers) with fresh ids: BEGIN, one INSERT per table, COMMIT. Both run with the
 * server's durability settings untouched (synchronous_commit stays on). Statements per submit
 * are counted on both sides.
 *
 * Needs PostgreSQL at KECHUANG_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 * each run uses fresh schemas and drops them afterwards.
 */
import pg from 'pg';
import { coreModels, type CommunitySession, type Row, type StorageAdapter } from '@kechuang/community';
import { postgresStorage, safeNumberTypes } from '@kechuang/storage-postgres';
import { demoOffice, plainOffice, type DemoOffice } from './demo-office.js';
import type { BenchmarkDefinition } from './harness.js';
import { columnsOf, freshCopy, storedSubmit, type SubmitRows } from './submit-rows.js';

const connectionString = process.env['KECHUANG_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const SUBMITTERS = 8;
const PER_SUBMITTER = 8;

/** Runs `SUBMITTERS` loops of `PER_SUBMITTER` calls at once. */
async function concurrently(one: () => Promise<unknown>): Promise<void> {
  await Promise.all(
    Array.from({ length: SUBMITTERS }, async () => {
      for (let i = 0; i < PER_SUBMITTER; i++) await one();
    }),
  );
}

const encode = (value: unknown): unknown => (value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);

function insertSql(model: 'request' | 'timeline_entry' | 'timer', rows: readonly Row[]): { text: string; values: unknown[] } {
  const { fields, columns, table } = columnsOf(model);
  const values: unknown[] = [];
  const tuples = rows.map((row) => `(${fields.map((f) => `$${values.push(encode(row[f] ?? null))}`).join(', ')})`);
  return { text: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${tuples.join(', ')}`, values };
}

function postgresSubmit(name: string, office: (storage: StorageAdapter) => Promise<DemoOffice>): BenchmarkDefinition {
  const suffix = `${process.pid}_${Date.now().toString(36)}_${name.replace(/\W/g, '_')}`;
  const sdkSchema = `kechuang_bench_sdk_${suffix}`;
  const rawSchema = `kechuang_bench_raw_${suffix}`;
  let counting = false;
  let statements = 0;
  let sdkPool: pg.Pool | undefined;
  let rawPool: pg.Pool | undefined;
  let storage: StorageAdapter | undefined;
  let session: CommunitySession;
  let input: Record<string, unknown>;
  let template: SubmitRows;

  async function setup(): Promise<void> {
    sdkPool = new pg.Pool({ connectionString, max: SUBMITTERS, types: safeNumberTypes });
    sdkPool.on('connect', (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        if (counting) statements++;
        return query(...args);
      };
    });
    storage = postgresStorage({ pool: sdkPool, schema: sdkSchema });
    ({ session, input } = await office(storage));
    await session.requests.submit(input as never);
    counting = true;
    statements = 0;
    const request = await session.requests.submit(input as never);
    counting = false;
    template = await storedSubmit(storage, request.id);
    const inserts = [template.entries, template.timers].filter((rows) => rows.length > 0).length + 1;
    console.log(`\n  ${name}: ${statements} statements per submit; baseline ${inserts + 2} (BEGIN, ${inserts} INSERTs, COMMIT)`);
  }

  // ---- the baseline: the same rows, by hand ----------------------------------------------
  async function baselineSetup(): Promise<void> {
    // The same tables and indexes, created by the adapter in another schema; then only raw SQL.
    const tables = postgresStorage({ connectionString, schema: rawSchema });
    await tables.init({ version: 1, models: { request: coreModels['request']!, timeline_entry: coreModels['timeline_entry']!, timer: coreModels['timer']! } });
    await tables.close?.();
    rawPool = new pg.Pool({ connectionString, max: SUBMITTERS, options: `-c search_path=${rawSchema}` });
  }

  async function bareSubmit(): Promise<void> {
    const rows = freshCopy(template);
    const client = await rawPool!.connect();
    try {
      await client.query('BEGIN');
      for (const [model, list] of [['request', [rows.request]], ['timeline_entry', rows.entries], ['timer', rows.timers]] as const) {
        if (list.length === 0) continue;
        const { text, values } = insertSql(model, list);
        await client.query(text, values);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    name,
    setup,
    fn: () => concurrently(() => session.requests.submit(input as never)),
    opsPerCall: SUBMITTERS * PER_SUBMITTER,
    baseline: { name: 'hand-written SQL, same driver and rows, 8 clients', setup: baselineSetup, fn: () => concurrently(bareSubmit), opsPerCall: SUBMITTERS * PER_SUBMITTER },
    async teardown() {
      await storage?.close?.();
      await sdkPool?.end().catch(() => undefined);
      await rawPool?.end().catch(() => undefined);
      const client = new pg.Client({ connectionString });
      await client.connect();
      try {
        for (const schema of [sdkSchema, rawSchema]) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    console.warn(`postgres.bench: SKIPPED, PostgreSQL at ${connectionString} is unreachable (${error instanceof Error ? error.message : String(error)}).`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const benchmarks: BenchmarkDefinition[] = (await reachable())
  ? [postgresSubmit('postgres.submit', plainOffice), postgresSubmit('postgres.submit-routed', demoOffice)]
  : [];
