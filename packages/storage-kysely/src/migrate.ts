import { sql, type QueryExecutorProvider } from 'kysely';
import type { StorageSchema } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';
import { storageError } from './storage-error.js';
import { tableMap, type TableMap } from './query-sql.js';

/** The table that records applied schema versions. */
export const MIGRATIONS_TABLE = 'kechuang_migrations';

function fingerprint(schema: StorageSchema): string {
  return JSON.stringify(schema);
}

async function existingColumns(db: QueryExecutorProvider, dialect: SqlDialectDescription, table: string): Promise<Set<string>> {
  const [before = '', after = ''] = dialect.listColumnsSql.split('?');
  const result = await sql<{ name: string }>`${sql.raw(before)}${table}${sql.raw(after)}`.execute(db);
  return new Set(result.rows.map((row) => row.name));
}

async function migrateTable(db: QueryExecutorProvider, dialect: SqlDialectDescription, map: TableMap): Promise<void> {
  const columnSql = (field: string): string => {
    const definition = map.definition.fields[field];
    if (!definition) throw storageError(`Unknown field "${field}".`);
    const primary = field === 'id' ? ' PRIMARY KEY' : '';
    return `"${map.columns[field]}" ${dialect.columnType(definition.type)}${definition.nullable ? '' : ' NOT NULL'}${primary}`;
  };
  const fields = Object.keys(map.definition.fields);
  await sql.raw(`CREATE TABLE IF NOT EXISTS "${map.table}" (${fields.map(columnSql).join(', ')})`).execute(db);
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
    await sql.raw(`ALTER TABLE "${map.table}" ADD COLUMN ${columnSql(field)}`).execute(db);
  }
  const cols = (list: string[]): string => list.map((f) => `"${map.columns[f] ?? f}"`).join(', ');
  for (const unique of map.definition.unique ?? []) {
    await sql.raw(`CREATE UNIQUE INDEX IF NOT EXISTS "${unique.name}" ON "${map.table}" (${cols(unique.fields)})`).execute(db);
  }
  for (const index of map.definition.indexes ?? []) {
    await sql.raw(`CREATE INDEX IF NOT EXISTS "${index.name}" ON "${map.table}" (${cols(index.fields)})`).execute(db);
  }
}

/**
 * Brings the database to `schema`, inside the caller's transaction: creates missing tables,
 * nullable columns, unique indexes and indexes, then records the version in
 * {@link MIGRATIONS_TABLE}. The same version and schema again is a no-op. Changes a database
 * cannot make safely (a new required column on an existing table) throw STORAGE_ERROR; any
 * database error propagates.
 */
export async function migrate(db: QueryExecutorProvider, dialect: SqlDialectDescription, schema: StorageSchema): Promise<void> {
  if (dialect.migrationLockSql !== undefined) await sql.raw(dialect.migrationLockSql).execute(db);
  await sql
    .raw(
      `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" (version INTEGER NOT NULL, fingerprint TEXT NOT NULL, applied_at TEXT NOT NULL)`
    )
    .execute(db);
  const last = await sql
    .raw<{ version: number; fingerprint: string }>(`SELECT version, fingerprint FROM "${MIGRATIONS_TABLE}" ORDER BY version DESC LIMIT 1`)
    .execute(db);
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
  await sql`DELETE FROM ${sql.table(MIGRATIONS_TABLE)} WHERE version = ${schema.version}`.execute(db);
  await sql`INSERT INTO ${sql.table(MIGRATIONS_TABLE)} (version, fingerprint, applied_at) VALUES (${schema.version}, ${print}, ${new Date().toISOString()})`.execute(
    db
  );
}
