import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import type { StorageAdapter } from '@kechuang/community';
import { kyselyStorage } from '@kechuang/storage-kysely';
import { safeNumberTypes } from './safe-numbers.js';

/**
 * What both forms of {@link PostgresStorageOptions} take.
 *
 * @inline
 */
interface CommonOptions {
  /**
   * The PostgreSQL schema that holds the tables; created on `init()` if missing and set as
   * each connection's `search_path`. Use one per tenant deployment or per test file. A pool
   * you pass in with a schema must not be shared with code that sets another `search_path`.
   * @default the connection's own search_path (usually `public`)
   */
  schema?: string;
  /**
   * The adapter's `id`, used in messages.
   * @default 'postgres'
   */
  id?: string;
  /**
   * Server settings for the adapter's connections, each `SET name = value` once per new
   * connection. The defaults suit the SDK on SSD storage. Metrics read one month of rows
   * through the index of one event field; with PostgreSQL's default `random_page_cost` of 4,
   * which is tuned for spinning disks, the planner reads the whole table instead. On a million
   * requests that takes 2.1 s per report instead of 0.8 s. JIT compilation costs about 0.1 s
   * per metrics statement and saves nothing on them. Give `{}` to keep the server's own
   * settings.
   * @default { jit: 'off', random_page_cost: 1.1 } for a pool the adapter creates; {} for yours
   */
  settings?: Readonly<Record<string, string | number | boolean>>;
}

/**
 * Options of {@link postgresStorage}: a connection string (the adapter creates and owns a
 * `pg.Pool`) or a pool of your own (the adapter never ends it).
 *
 * Pool sizing: every app instance holds up to `max` connections, and a transaction keeps one
 * for its whole duration. Keep `instances × max` below the server's `max_connections`
 * (100 by default) minus what other clients need; 10 suits most instances, and more rarely
 * helps beyond the database's CPU count.
 */
export type PostgresStorageOptions = CommonOptions &
  (
    | {
        /** A `postgres://user:password@host:port/database` URL. */
        connectionString: string;
        /**
         * The most connections the created pool opens at once.
         * @default 10
         */
        max?: number;
        /** Not with `connectionString`. */
        pool?: undefined;
      }
    | {
        /**
         * A `pg.Pool` you own: the adapter does not end it on `close()`. Create it with
         * `types: safeNumberTypes` to get bigint/numeric as checked numbers.
         */
        pool: pg.Pool;
        /** Not with `pool`. */
        connectionString?: undefined;
      }
  );

function quoteIdent(name: string): string {
  if (name === '' || name.includes('\0')) throw new Error('postgresStorage: "schema" must be a non-empty name.');
  return `"${name.replace(/"/g, '""')}"`;
}

const DEFAULT_SETTINGS: Readonly<Record<string, string | number | boolean>> = { jit: 'off', random_page_cost: 1.1 };

/** `SET name = value`, refusing names and values that are not plain settings. */
function setStatement(name: string, value: string | number | boolean): string {
  if (!/^[a-z_][a-z0-9_.]*$/i.test(name)) throw new Error(`postgresStorage: "${name}" is not a setting name; use names like random_page_cost.`);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`postgresStorage: setting "${name}" must be a finite number.`);
  const text = typeof value === 'string' ? `'${value.replace(/'/g, "''")}'` : String(value);
  return `SET ${name} = ${text}`;
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/**
 * PostgreSQL storage on `pg` (node-postgres) through {@link kyselyStorage}: strings as
 * `text COLLATE "C"`, dates as `timestamptz`, JSON as `jsonb`, bigint/numeric results as
 * numbers when exact (else an error). Transactions run on one pooled connection each, at
 * READ COMMITTED; guarded updates stay correct under concurrent writers from any number of
 * app instances.
 *
 * @example
 * ```ts
 * import { createCommunity } from '@kechuang/community';
 * import { postgresStorage } from '@kechuang/storage-postgres';
 *
 * const community = createCommunity({
 *   storage: postgresStorage({ connectionString: process.env.DATABASE_URL ?? '', max: 10 }),
 * });
 * ```
 */
export function postgresStorage(options: PostgresStorageOptions): StorageAdapter {
  const owned = options.pool === undefined;
  const pool =
    options.pool ?? new pg.Pool({ connectionString: options.connectionString, max: options.max ?? 10, types: safeNumberTypes });
  const schema = options.schema === undefined ? undefined : quoteIdent(options.schema);
  const setup = [
    ...(schema === undefined ? [] : [`SET search_path TO ${schema}`]),
    ...Object.entries(options.settings ?? (owned ? DEFAULT_SETTINGS : {})).map(([name, value]) => setStatement(name, value)),
  ];
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool,
      ...(setup.length === 0
        ? {}
        : {
            onCreateConnection: async (connection) => {
              for (const statement of setup) await connection.executeQuery(CompiledQuery.raw(statement));
            },
          }),
    }),
  });
  const adapter = kyselyStorage({ db, dialect: 'postgres', id: options.id ?? 'postgres', destroyOnClose: owned });
  if (schema === undefined) return adapter;
  return {
    ...adapter,
    init: async (next) => {
      try {
        await db.executeQuery(CompiledQuery.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`));
      } catch (error) {
        // Two instances creating the schema at once: one wins, the other sees a duplicate.
        if (errorCode(error) !== '23505' && errorCode(error) !== '42P06') throw error;
      }
      await adapter.init(next);
    },
  };
}
