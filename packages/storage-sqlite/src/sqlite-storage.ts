import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { StorageAdapter } from '@kechuang/community';
import { kyselyStorage } from '@kechuang/storage-kysely';
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
}

/**
 * The embedded SQLite storage, on better-sqlite3 through {@link kyselyStorage}. Opens the file
 * with WAL journaling (not for `:memory:`), `synchronous=NORMAL` (durable across process
 * crashes; the last transactions may be lost on power failure), `foreign_keys=ON` and a busy
 * timeout. Transactions run one at a time on the single connection and take the write lock
 * when they begin (`BEGIN IMMEDIATE`), so several processes sharing the file wait for one
 * another (up to the busy timeout) instead of failing.
 *
 * @example
 * ```ts
 * import { createCommunity } from '@kechuang/community';
 * import { sqliteStorage } from '@kechuang/storage-sqlite';
 *
 * const community = createCommunity({ storage: sqliteStorage({ filename: './.data/kechuang.db' }) });
 * ```
 */
export function sqliteStorage(options: SqliteStorageOptions): StorageAdapter {
  const database = new Database(options.filename, options.driverOptions ?? {});
  if (options.filename !== ':memory:' && options.filename !== '') database.pragma('journal_mode = WAL');
  database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? 5000))}`);
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<unknown>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }) });
  return kyselyStorage({ db, dialect: 'sqlite', id: options.id ?? 'sqlite' });
}
