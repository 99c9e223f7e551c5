/**
 * One monthly report over a year of 1,000,000 requests in one office (20 communities, 600
 * parks; bench/metrics-directory.ts and metrics-requests.ts describe the data):
 * `metrics.query({ period: { month: '2026-01' }, groupBy: ['park'] })`, run by an office staff
 * member (who sees every request), as of the end of the data so that every run computes the
 * same figures.
 *
 * - metrics.monthly-1m.sqlite: `evaluation: 'database'` on `sqliteStorage` (a WAL file);
 * - metrics.monthly-1m.postgres: the same on `postgresStorage`.
 *
 * Baseline: the same report with `evaluation: 'in_memory'`: the same plan, each query fetching
 * its rows with the same WHERE clauses through the same indexes, the figures computed in
 * JavaScript. No pre-aggregated tables on either side. Goals: PostgreSQL ≤ 1 s and SQLite
 * ≤ 2 s per report.
 *
 * Setup loads the data set, or reuses the cached one (bench/metrics-dataset.ts), prints how many
 * requests the month holds, and runs the report once each way: it throws unless both give
 * identical figures (everything but the `evaluation` field). Each report takes about a second
 * or more, so these run a fixed number of calls rather than the time budget.
 *
 * PostgreSQL at KECHUANG_TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test);
 * skipped with a warning when unreachable.
 */
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { createCommunity, type CommunitySession, type MetricsResult, type StorageAdapter } from '@kechuang/community';
import type { BenchmarkDefinition } from './harness.js';
import { openPostgresDataset, openSqliteDataset, type OpenDataset } from './metrics-dataset.js';

const connectionString = process.env['KECHUANG_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const MONTH = '2026-01';
/** The end of the data: a fixed moment, so that the snapshot figures never depend on today. */
const AS_OF = new Date('2026-03-01T00:00:00+08:00');

/** The first place two values differ, as a path, or null when they are deeply equal. */
function firstDifference(a: unknown, b: unknown, path = 'result'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !(a instanceof Date) && !(b instanceof Date)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
}

/** Throws unless the two evaluations agree on every figure. */
function assertSameFigures(database: MetricsResult, inMemory: MetricsResult): void {
  const difference = firstDifference({ ...database, evaluation: null }, { ...inMemory, evaluation: null });
  if (difference) throw new Error(`metrics: the database and in-memory evaluations differ at ${difference}`);
}

async function monthCounts(storage: StorageAdapter, officeId: string, result: MetricsResult): Promise<{ created: number; closed: number }> {
  const within = (field: string) => [
    { field: 'officeId', value: officeId },
    { field, op: 'gte' as const, value: result.period.start },
    { field, op: 'lt' as const, value: result.period.end },
  ];
  const [created, closed] = await Promise.all([storage.count({ model: 'request', where: within('createdAt') }), storage.count({ model: 'request', where: within('closedAt') })]);
  return { created, closed };
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

function monthlyReport(name: string, open: () => Promise<OpenDataset>): BenchmarkDefinition {
  let dataset: OpenDataset | undefined;
  let session: CommunitySession;
  const report = (evaluation: 'database' | 'in_memory'): Promise<MetricsResult> =>
    session.metrics.query({ period: { month: MONTH }, groupBy: ['park'], evaluation, asOf: AS_OF });

  return {
    name,
    fixedCalls: { rounds: 2, callsPerRound: 1 },
    async setup() {
      process.stdout.write('\n');
      dataset = await open();
      const { marker, storage } = dataset;
      console.log(
        dataset.reused
          ? `  ${name}: reusing the cached data set (${marker.requests.toLocaleString('en-US')} requests, loaded in ${marker.loadSeconds} s on ${marker.loadedAt.slice(0, 10)})`
          : `  ${name}: loaded ${marker.requests.toLocaleString('en-US')} requests and ${marker.parties.toLocaleString('en-US')} party rows in ${marker.loadSeconds} s`,
      );
      session = createCommunity({ storage }).as({ kind: 'member', officeId: marker.officeId, memberId: marker.reporterId });
      let started = performance.now();
      const database = await report('database');
      const databaseMs = performance.now() - started;
      started = performance.now();
      const inMemory = await report('in_memory');
      const inMemoryMs = performance.now() - started;
      assertSameFigures(database, inMemory);
      const month = await monthCounts(storage, marker.officeId, database);
      const total = database.total.counts;
      console.log(
        `  ${name}: ${MONTH} holds ${month.created.toLocaleString('en-US')} requests created and ${month.closed.toLocaleString('en-US')} closed ` +
          `(collected ${total.collected.toLocaleString('en-US')}, concluded ${total.concluded.toLocaleString('en-US')}, backlog ${total.backlog.toLocaleString('en-US')}); ` +
          `${database.rows.length} park rows. First report: database ${seconds(databaseMs)}, in memory ${seconds(inMemoryMs)}; figures identical.`,
      );
    },
    fn: async () => {
      await report('database');
    },
    baseline: {
      name: "evaluation 'in_memory' (same queries, rows fetched and computed in JS)",
      fn: async () => {
        await report('in_memory');
      },
    },
    async teardown() {
      await dataset?.close();
    },
  };
}

async function reachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch (error) {
    console.warn(`metrics.bench: PostgreSQL SKIPPED, ${connectionString} is unreachable (${error instanceof Error ? error.message : String(error)}).`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export const benchmarks: BenchmarkDefinition[] = [
  monthlyReport('metrics.monthly-1m.sqlite', openSqliteDataset),
  ...((await reachable()) ? [monthlyReport('metrics.monthly-1m.postgres', () => openPostgresDataset(connectionString))] : []),
];
