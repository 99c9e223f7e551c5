/**
 * The metrics data set in a database, loaded once and cached: a SQLite file
 * (bench/.data/metrics-1m.sqlite) and a PostgreSQL schema (kechuang_bench_metrics_1m). Each
 * holds a marker row naming the generator version, seed, row count and a fingerprint of the
 * core schema; a database whose marker matches is reused as it is, anything else is dropped
 * and loaded afresh. The marker is written last, after ANALYZE (and on PostgreSQL VACUUM), so
 * an interrupted load never passes for a complete one.
 *
 * Loading goes through the adapter: the directory through the public API
 * (metrics-directory.ts), the requests and their party rows with `createMany`, 5,000 requests
 * per transaction, one progress line per 100,000 on stderr.
 *
 * `KECHUANG_BENCH_METRICS_ROWS` loads another number of requests (into its own file and schema),
 * e.g. 50000 for a quick try; the benchmarks are about the default, 1,000,000.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { coreModels, type Row, type StorageAdapter } from '@kechuang/community';
import { createWorkingCalendar } from '@kechuang/community/calendar';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { postgresStorage, safeNumberTypes } from '@kechuang/storage-postgres';
import { loadDirectory } from './metrics-directory.js';
import { insertRows } from './metrics-insert.js';
import { GENERATOR_VERSION, generateRequests } from './metrics-requests.js';

export const METRICS_SEED = 20260131;
export const METRICS_ROWS = Number(process.env['KECHUANG_BENCH_METRICS_ROWS'] ?? 1_000_000);
if (!Number.isSafeInteger(METRICS_ROWS) || METRICS_ROWS < 1000) throw new Error(`KECHUANG_BENCH_METRICS_ROWS must be a whole number ≥ 1000, got ${process.env['KECHUANG_BENCH_METRICS_ROWS']}`);

/** `metrics-1m` for the default size, `metrics-50000` for another. */
export const DATASET_NAME = METRICS_ROWS === 1_000_000 ? 'metrics-1m' : `metrics-${METRICS_ROWS}`;
const MARKER_TABLE = 'bench_dataset';
const CHUNK = 5000;
const PROGRESS_EVERY = 100_000;
/** When the directory was set up, before the first request. */
const DIRECTORY_AT = new Date('2025-02-20T09:00:00+08:00');

/** What a loaded database says about itself. */
export interface DatasetMarker {
  generator: number;
  seed: number;
  rows: number;
  /** A hash of the core models (fields and indexes): a schema change means a reload. */
  schema: string;
  officeId: string;
  /** The office staff member the reports run as. */
  reporterId: string;
  requests: number;
  parties: number;
  loadSeconds: number;
  loadedAt: string;
}

/** A database holding the data set, and whether it was reused from an earlier run. */
export interface OpenDataset {
  storage: StorageAdapter;
  marker: DatasetMarker;
  reused: boolean;
  close(): Promise<void>;
}

function schemaFingerprint(): string {
  return createHash('sha256').update(JSON.stringify(coreModels)).digest('hex').slice(0, 16);
}

function matches(marker: Partial<DatasetMarker> | null): marker is DatasetMarker {
  return marker !== null && marker.generator === GENERATOR_VERSION && marker.seed === METRICS_SEED && marker.rows === METRICS_ROWS && marker.schema === schemaFingerprint();
}

const log = (line: string): void => void process.stderr.write(`  ${DATASET_NAME}: ${line}\n`);

/** Loads the directory and every request into an empty `storage`. */
async function fill(storage: StorageAdapter): Promise<Omit<DatasetMarker, 'loadSeconds' | 'loadedAt'>> {
  const started = performance.now();
  const world = await loadDirectory(storage, METRICS_SEED, DIRECTORY_AT);
  const n = (x: number): string => x.toLocaleString('en-US');
  log(`directory loaded (${world.communities.length} communities, ${world.parks.length} parks, ${n(world.enterprises)} enterprises, ${n(world.members)} members) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const calendar = createWorkingCalendar({});
  let requests: Row[] = [];
  let parties: Row[] = [];
  let count = 0;
  let partyCount = 0;
  const flush = async (): Promise<void> => {
    const [r, p] = [requests, parties];
    [requests, parties] = [[], []];
    await storage.transaction(async (tx) => {
      await insertRows(tx, 'request', r);
      await insertRows(tx, 'request_party', p);
    });
  };
  for (const item of generateRequests(world, calendar, METRICS_SEED, METRICS_ROWS)) {
    requests.push(item.request);
    parties.push(...item.parties);
    partyCount += item.parties.length;
    if (requests.length === CHUNK) await flush();
    if (++count % PROGRESS_EVERY === 0) log(`${count.toLocaleString('en-US')} / ${METRICS_ROWS.toLocaleString('en-US')} requests (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }
  if (requests.length > 0) await flush();
  return { generator: GENERATOR_VERSION, seed: METRICS_SEED, rows: METRICS_ROWS, schema: schemaFingerprint(), officeId: world.officeId, reporterId: world.reporterId, requests: count, parties: partyCount };
}

// ---- SQLite -----------------------------------------------------------------------------

const dataDir = fileURLToPath(new URL('.data/', import.meta.url));

function readSqliteMarker(file: string): Partial<DatasetMarker> | null {
  if (!existsSync(file)) return null;
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      const row = db.prepare(`SELECT data FROM ${MARKER_TABLE}`).get() as { data: string } | undefined;
      return row ? (JSON.parse(row.data) as Partial<DatasetMarker>) : null;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** The data set in bench/.data/<name>.sqlite, loaded unless a matching one is there. */
export async function openSqliteDataset(): Promise<OpenDataset> {
  const file = join(dataDir, `${DATASET_NAME}.sqlite`);
  const found = readSqliteMarker(file);
  let marker: DatasetMarker;
  const reused = matches(found);
  if (reused) marker = found;
  else {
    log(found ? 'cached SQLite file was made by another generator, seed, size or schema: rebuilding' : `no cached SQLite file: loading ${file}`);
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    mkdirSync(dataDir, { recursive: true });
    const started = performance.now();
    const loading = sqliteStorage({ filename: file });
    const filled = await fill(loading);
    await loading.close?.();
    const db = new Database(file);
    try {
      const analyzing = performance.now();
      db.exec('ANALYZE');
      log(`ANALYZE took ${((performance.now() - analyzing) / 1000).toFixed(1)} s`);
      marker = { ...filled, loadSeconds: Math.round((performance.now() - started) / 100) / 10, loadedAt: new Date().toISOString() };
      db.exec(`CREATE TABLE ${MARKER_TABLE} (data TEXT NOT NULL)`);
      db.prepare(`INSERT INTO ${MARKER_TABLE} (data) VALUES (?)`).run(JSON.stringify(marker));
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    log(`loaded ${marker.requests.toLocaleString('en-US')} requests in ${marker.loadSeconds} s`);
  }
  // A fresh connection, so that the planner reads the statistics ANALYZE wrote.
  const storage = sqliteStorage({ filename: file });
  return { storage, marker, reused, close: async () => void (await storage.close?.()) };
}

// ---- PostgreSQL -------------------------------------------------------------------------

export const POSTGRES_SCHEMA = `kechuang_bench_${DATASET_NAME.replace('-', '_')}`;

async function readPostgresMarker(pool: pg.Pool): Promise<Partial<DatasetMarker> | null> {
  try {
    const result = await pool.query<{ data: Partial<DatasetMarker> }>(`SELECT data FROM "${POSTGRES_SCHEMA}".${MARKER_TABLE}`);
    return result.rows[0]?.data ?? null;
  } catch {
    return null;
  }
}

/** The data set in the schema kechuang_bench_metrics_1m, loaded unless a matching one is there. */
export async function openPostgresDataset(connectionString: string): Promise<OpenDataset> {
  const pool = new pg.Pool({ connectionString, max: 10, types: safeNumberTypes });
  try {
    const found = await readPostgresMarker(pool);
    let marker: DatasetMarker;
    const reused = matches(found);
    if (reused) marker = found;
    else {
      log(found ? `schema ${POSTGRES_SCHEMA} was made by another generator, seed, size or schema: rebuilding` : `no cached schema: loading ${POSTGRES_SCHEMA}`);
      await pool.query(`DROP SCHEMA IF EXISTS "${POSTGRES_SCHEMA}" CASCADE`);
      const started = performance.now();
      const loading = postgresStorage({ pool, schema: POSTGRES_SCHEMA });
      const filled = await fill(loading);
      await loading.close?.();
      const analyzing = performance.now();
      // What autovacuum would have done on a database that grew over a year: statistics, and
      // a visibility map so that index-only scans can skip the heap.
      const tables = await pool.query<{ name: string }>('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1', [POSTGRES_SCHEMA]);
      for (const { name } of tables.rows) await pool.query(`VACUUM (ANALYZE) "${POSTGRES_SCHEMA}"."${name}"`);
      log(`VACUUM (ANALYZE) took ${((performance.now() - analyzing) / 1000).toFixed(1)} s`);
      marker = { ...filled, loadSeconds: Math.round((performance.now() - started) / 100) / 10, loadedAt: new Date().toISOString() };
      await pool.query(`CREATE TABLE "${POSTGRES_SCHEMA}".${MARKER_TABLE} (data jsonb NOT NULL)`);
      await pool.query(`INSERT INTO "${POSTGRES_SCHEMA}".${MARKER_TABLE} (data) VALUES ($1)`, [JSON.stringify(marker)]);
      log(`loaded ${marker.requests.toLocaleString('en-US')} requests in ${marker.loadSeconds} s`);
    }
    await pool.end();
    // Measured as a host app would run it: the adapter's own pool, with its default settings.
    const storage = postgresStorage({ connectionString, schema: POSTGRES_SCHEMA });
    return {
      storage,
      marker,
      reused,
      close: async () => {
        await storage.close?.();
      },
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
