import type { QueryExecutorProvider } from 'kysely';
import type { StorageSchema } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';
import { storageError } from './storage-error.js';
import { tableMap, type TableMap } from './query-sql.js';
import { execute, ident } from './sql-text.js';
import { feedStrategy, migrateFeed } from './feed-columns.js';

/** The table that records applied schema versions. */
export const MIGRATIONS_TABLE = 'kechuang_migrations';

function fingerprint(schema: StorageSchema): string {
  return JSON.stringify(schema);
}

async function existingColumns(db: QueryExecutorProvider, dialect: SqlDialectDescription, table: string): Promise<Set<string>> {
  const [before = '', after = ''] = dialect.listColumnsSql.split('?');
  const result = await execute<{ name: string }>(db, dialect, (q) => `${before}${q.bind(table)}${after}`);
  return new Set(result.rows.map((row) => row.name));
}

async function migrateTable(db: QueryExecutorProvider, dialect: SqlDialectDescription, map: TableMap): Promise<void> {
  const run = (text: string) => execute(db, dialect, () => text);
  const columnSql = (field: string): string => {
    const definition = map.definition.fields[field];
    if (!definition) throw storageError(`Unknown field "${field}".`);
    const primary = field === 'id' ? ' PRIMARY KEY' : '';
    return `${ident(map.columns[field] ?? field)} ${dialect.columnType(definition.type)}${definition.nullable ? '' : ' NOT NULL'}${primary}`;
  };
  const fields = Object.keys(map.definition.fields);
  await run(`CREATE TABLE IF NOT EXISTS ${ident(map.table)} (${fields.map(columnSql).join(', ')})`);
  const present = await existingColumns(db, dialect, map.table);
  for (const field of fields) {
    if (present.has(map.columns[field] ?? field)) continue;
    if (!map.definition.fields[field]?.nullable) {
      throw storageError(
        `Cannot add the required field "${map.model}.${field}" to the existing table "${map.table}": existing rows have no value. ` +
          'Add it as nullable, backfill, then make it required in a later version.',
        { model: map.model, field }
      );
    }
    await run(`ALTER TABLE ${ident(map.table)} ADD COLUMN ${columnSql(field)}`);
  }
  const cols = (list: string[]): string => list.map((f) => ident(map.columns[f] ?? f)).join(', ');
  for (const unique of map.definition.unique ?? []) {
    // Rows with a null in the constraint take no part in it, so where the database allows, the
    // index leaves them out: most requests have no idempotency key or ticket, and their inserts
    // then skip those indexes. (Databases created before keep their full indexes: same meaning.)
    const nullable = unique.fields.filter((f) => map.definition.fields[f]?.nullable);
    const partial = nullable.length > 0 && dialect.partialIndexes !== false ? ` WHERE ${nullable.map((f) => `${ident(map.columns[f] ?? f)} IS NOT NULL`).join(' AND ')}` : '';
    await run(`CREATE UNIQUE INDEX IF NOT EXISTS ${ident(unique.name)} ON ${ident(map.table)} (${cols(unique.fields)})${partial}`);
  }
  for (const index of map.definition.indexes ?? []) {
    await run(`CREATE INDEX IF NOT EXISTS ${ident(index.name)} ON ${ident(map.table)} (${cols(index.fields)})`);
  }
  const strategy = feedStrategy(dialect, map);
  if (strategy) await migrateFeed((build) => execute(db, dialect, build), strategy, map, present);
}

/**
 * Brings the database to `schema`, inside the caller's transaction: creates missing tables,
 * nullable columns, unique indexes and indexes, the hidden columns of `feed: true` models
 * (see `FeedStrategy`), then records the version in
 * {@link MIGRATIONS_TABLE}. The same version and schema again is a no-op. Changes a database
 * cannot make safely (a new required column on an existing table) throw STORAGE_ERROR; any
 * database error propagates.
 */
export async function migrate(db: QueryExecutorProvider, dialect: SqlDialectDescription, schema: StorageSchema): Promise<void> {
  const table = ident(MIGRATIONS_TABLE);
  const lock = dialect.migrationLockSql;
  if (lock !== undefined) await execute(db, dialect, () => lock);
  await execute(db, dialect, () => `CREATE TABLE IF NOT EXISTS ${table} (version INTEGER NOT NULL, fingerprint TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const last = await execute<{ version: number; fingerprint: string }>(
    db,
    dialect,
    () => `SELECT version, fingerprint FROM ${table} ORDER BY version DESC LIMIT 1`
  );
  const applied = last.rows[0];
  const print = fingerprint(schema);
  if (applied && Number(applied.version) === schema.version && applied.fingerprint === print) return;
  if (applied && Number(applied.version) > schema.version) {
    throw storageError(
      `The database is at schema version ${String(applied.version)}, newer than this code's ${schema.version}. Upgrade the code.`,
      { found: Number(applied.version), expected: schema.version }
    );
  }
  for (const [model, definition] of Object.entries(schema.models)) await migrateTable(db, dialect, tableMap(model, definition));
  await execute(db, dialect, (q) => `DELETE FROM ${table} WHERE version = ${q.bind(schema.version)}`);
  await execute(
    db,
    dialect,
    (q) => `INSERT INTO ${table} (version, fingerprint, applied_at) VALUES (${q.bind(schema.version)}, ${q.bind(print)}, ${q.bind(new Date().toISOString())})`
  );
}
