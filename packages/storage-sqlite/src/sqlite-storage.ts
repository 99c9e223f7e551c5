import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import { KechuangError, type StorageAdapter } from '@kechuang/community';
import { kyselyStorage } from '@kechuang/storage-kysely';
import { startBackgroundCheckpoint } from './background-checkpoint.js';
import { resolveCheckpoint, type SqliteCheckpointOption } from './checkpoint-options.js';
import { ImmediateSqliteDialect } from './immediate-transactions.js';
import { withStatementCache } from './statement-cache.js';

/** Options of {@link sqliteStorage}. */
export interface SqliteStorageOptions {
  /** The database file, created if missing; `':memory:'` for a private in-memory database (tests). */
  filename: string;
  /**
   * How long a write waits for another process's lock before failing, in milliseconds.
   * @default 5000
   */
  busyTimeoutMs?: number;
  /**
   * The adapter's `id`, used in messages.
   * @default 'sqlite'
   */
  id?: string;
  /**
   * Options handed to better-sqlite3 when it opens the file, e.g. `{ verbose }` to log every
   * statement. @default {}
   */
  driverOptions?: Database.Options;
  /**
   * Who copies the WAL back into the database file. In `'background'` mode a worker thread does
   * it, so commits no longer pay for checkpoints (about half the time of a typical command's
   * write). Ignored for `':memory:'`, which has no WAL, and for read-only connections.
   * @default 'background' (every 1000 ms)
   */
  checkpoint?: SqliteCheckpointOption;
}

/** Seams for this package's tests; not part of the public API. */
export interface SqliteStorageInternals {
  /** better-sqlite3's entry as the checkpoint worker loads it. */
  driverPath?: string;
  /** Replaces the worker starter, e.g. to see whether one starts. */
  startCheckpoint?: typeof startBackgroundCheckpoint;
}

// SQLite's own default for wal_autocheckpoint.
const AUTO_CHECKPOINT_PAGES = 1000;
/*
 * With the worker running, commits only checkpoint past this many WAL pages. Not 0 (never):
 * a WAL only starts over from its beginning when a write begins with every frame already
 * copied, and under a steady stream of commits the worker's checkpoints never catch up with
 * the last one, so the WAL would grow for as long as the stream lasts (1.2 GB in 3 s in a raw
 * test). This bound caps the WAL near 40 MB (4 KiB pages) while a commit pays for a checkpoint
 * ten times less often than with SQLite's 1000, and then mostly for the fsyncs, the worker
 * having already copied most of the pages.
 */
const SAFETY_NET_PAGES = 10_000;

/**
 * The embedded SQLite storage, on better-sqlite3 through {@link kyselyStorage}. Opens the file
 * with WAL journaling (not for `:memory:`), `synchronous=NORMAL` (durable across process
 * crashes; the last transactions may be lost on power failure), `foreign_keys=ON` and a busy
 * timeout. Transactions run one at a time on the single connection and take the write lock
 * when they begin (`BEGIN IMMEDIATE`), so several processes sharing the file wait for one
 * another (up to the busy timeout) instead of failing.
 *
 * WAL checkpoints run by default on a worker thread with a connection of its own (see
 * {@link SqliteStorageOptions.checkpoint}); the thread never keeps the process alive, and
 * `close()` stops it after a last checkpoint that empties the WAL.
 *
 * @example
 * ```ts
 * import { createCommunity } from '@kechuang/community';
 * import { sqliteStorage } from '@kechuang/storage-sqlite';
 *
 * const storage = sqliteStorage({ filename: './.data/kechuang.db' });
 * const community = createCommunity({ storage });
 * // On shutdown. Commits are durable without it; close() also empties the WAL.
 * await storage.close?.();
 * ```
 */
export function sqliteStorage(options: SqliteStorageOptions): StorageAdapter {
  return openSqliteStorage(options, {});
}

/** {@link sqliteStorage} with test seams. */
export function openSqliteStorage(options: SqliteStorageOptions, internals: SqliteStorageInternals): StorageAdapter {
  const checkpoint = resolveCheckpoint(options.checkpoint);
  const driverOptions = options.driverOptions ?? {};
  const database = new Database(options.filename, driverOptions);
  const wal = options.filename !== ':memory:' && options.filename !== '' && database.pragma('journal_mode = WAL', { simple: true }) === 'wal';
  database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
  const adapter = kyselyStorage({ db, dialect: 'sqlite', id: options.id ?? 'sqlite' });
  if (!wal || checkpoint.mode === 'auto' || driverOptions.readonly === true) return adapter;

  const filename = resolve(options.filename);
  database.pragma(`wal_autocheckpoint = ${SAFETY_NET_PAGES}`);
  const background = (internals.startCheckpoint ?? startBackgroundCheckpoint)({
    filename,
    intervalMs: checkpoint.intervalMs,
    driverPath: internals.driverPath ?? createRequire(import.meta.url).resolve('better-sqlite3'),
    ...(typeof driverOptions.nativeBinding === 'string' ? { nativeBinding: driverOptions.nativeBinding } : {}),
    onFailure: (cause) => {
      if (database.open) database.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
      const reason = cause instanceof Error ? cause.message : String(cause);
      checkpoint.onError(
        new KechuangError(
          'STORAGE_ERROR',
          `The background WAL checkpoint of ${filename} stopped (${reason}); commits checkpoint it again, as SQLite does by default. ` +
            "Check that better-sqlite3 loads in a worker thread, or pass checkpoint: 'auto' to sqliteStorage.",
          { adapter: adapter.id, filename },
          { cause }
        )
      );
    },
  });
  return {
    ...adapter,
    close: async () => {
      // The adapter's connection closes first: the worker's is then the file's last one
      // (unless other processes use it), and its close empties the WAL off this thread.
      try {
        await adapter.close?.();
      } finally {
        await background.stop();
      }
    },
  };
}
