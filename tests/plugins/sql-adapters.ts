import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';

/** One SQL adapter a scenario runs on, with the databases its test file makes there. */
export interface SqlAdapter {
  /** The adapter's factory, which names its tests: `sqliteStorage` or `postgresStorage`. */
  readonly name: 'sqliteStorage' | 'postgresStorage';
  /** The database it speaks to, for test titles. */
  readonly database: 'SQLite' | 'PostgreSQL';
  /** Why its tests are skipped (PostgreSQL unreachable outside CI), or null when they run. */
  readonly skipped: string | null;
  /** Names a new, empty database of the test file's own: a file (SQLite) or a schema (PostgreSQL). */
  newDatabase(): string;
  /** A storage on `database` (a name `newDatabase` gave); the caller closes it. */
  open(database: string): StorageAdapter;
  /** The columns of `table` in `database`, in order; none when there is no such table. */
  columns(database: string, table: string): Promise<string[]>;
  /** The rows of the core's migrations table in `database`, by version. */
  migrations(database: string): Promise<unknown[]>;
}

function sqlite(): SqlAdapter {
  let dir: string | undefined;
  let made = 0;
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const read = <T>(filename: string, run: (db: Database.Database) => T): T => {
    const db = new Database(filename, { readonly: true });
    try {
      return run(db);
    } finally {
      db.close();
    }
  };
  return {
    name: 'sqliteStorage',
    database: 'SQLite',
    skipped: null,
    newDatabase: () => join((dir ??= mkdtempSync(join(tmpdir(), 'kechuang-sql-adapters-'))), `db-${++made}.db`),
    open: (filename) => sqliteStorage({ filename }),
    columns: async (filename, table) => read(filename, (db) => (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((row) => row.name)),
    migrations: async (filename) => read(filename, (db) => db.prepare('SELECT * FROM kechuang_migrations ORDER BY version').all()),
  };
}

async function query<R>(text: string, values: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(text, values)).rows as R[];
  } finally {
    await client.end();
  }
}

function postgres(reachable: boolean): SqlAdapter {
  const schemas: string[] = [];
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });
  return {
    name: 'postgresStorage',
    database: 'PostgreSQL',
    skipped: reachable ? null : `PostgreSQL unreachable at ${connectionString}`,
    newDatabase: () => {
      const schema = freshSchemaName();
      schemas.push(schema);
      return schema;
    },
    open: (schema) => postgresStorage({ connectionString, schema }),
    columns: async (schema, table) => {
      const rows = await query<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', [schema, table]);
      return rows.map((row) => row.name);
    },
    migrations: (schema) => query(`SELECT * FROM "${schema.replace(/"/g, '""')}".kechuang_migrations ORDER BY version`, []),
  };
}

/**
 * SQLite and PostgreSQL, for a scenario the SQL adapters must both pass. Call it once, at the
 * top level of a test file (`file` names it in the skip warning): it probes PostgreSQL, which
 * skips loudly when unreachable and fails when `CI=true`, and removes the file's databases
 * after its tests.
 *
 * @example
 * ```ts
 * for (const adapter of await sqlAdapters('my-scenario.test.ts')) {
 *   it.skipIf(adapter.skipped !== null)(adapter.name, async () => {
 *     const storage = adapter.open(adapter.newDatabase());
 *     // ...
 *   });
 * }
 * ```
 */
export async function sqlAdapters(file: string): Promise<readonly SqlAdapter[]> {
  return [sqlite(), postgres(await probeDatabase(file))];
}

/**
 * One test per adapter of `adapters`, named after it, that runs `scenario` on a new database
 * of its own and closes the storage after it; PostgreSQL's is skipped, saying why, when
 * `sqlAdapters` found it unreachable.
 *
 * @example
 * ```ts
 * const adapters = await sqlAdapters('my-scenario.test.ts');
 * describe('my scenario on SQL storage', () => itOnSqlAdapters(adapters, async (storage) => {
 *   // ...
 * }));
 * ```
 */
export function itOnSqlAdapters(adapters: readonly SqlAdapter[], scenario: (storage: StorageAdapter) => Promise<void>): void {
  for (const adapter of adapters) {
    it.skipIf(adapter.skipped !== null)(adapter.skipped === null ? adapter.name : `${adapter.name} — SKIPPED: ${adapter.skipped}`, async () => {
      const storage = adapter.open(adapter.newDatabase());
      try {
        await scenario(storage);
      } finally {
        await storage.close?.();
      }
    });
  }
}
