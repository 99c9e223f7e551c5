import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import type { StorageAdapter } from '@kechuang/community';
import { kyselyStorage } from '@kechuang/storage-kysely';
import { safeNumberTypes } from './safe-numbers.js';

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
        pool?: undefined;
      }
    | {
        /**
         * A `pg.Pool` you own: the adapter does not end it on `close()`. Create it with
         * `types: safeNumberTypes` to get bigint/numeric as checked numbers.
         */
        pool: pg.Pool;
        connectionString?: undefined;
      }
  );

function quoteIdent(name: string): string {
  if (name === '' || name.includes('\0')) throw new Error('postgresStorage: "schema" must be a non-empty name.');
  return `"${name.replace(/"/g, '""')}"`;
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
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool,
      ...(schema === undefined
        ? {}
        : { onCreateConnection: async (connection) => void (await connection.executeQuery(CompiledQuery.raw(`SET search_path TO ${schema}`))) }),
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
