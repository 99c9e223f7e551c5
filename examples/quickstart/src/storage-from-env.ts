/**
 * Where the examples keep their data: a SQLite file under ./.data/ by default, or PostgreSQL
 * when DATABASE_URL is a postgres:// URL. Either way the example starts from empty: the file
 * is recreated, or the example's own schema (kechuang_<name>) is dropped and created again.
 */
import { mkdirSync, rmSync } from 'node:fs';
import pg from 'pg';
import type { StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';

export interface ExampleStorage {
  storage: StorageAdapter;
  /** Where the data is, for the example to print. */
  where: string;
}

function redacted(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href;
}

export async function storageFromEnv(name: string): Promise<ExampleStorage> {
  const value = process.env['DATABASE_URL'];
  if (value === undefined || value === '') {
    const filename = `.data/${name}.sqlite`;
    mkdirSync('.data', { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(filename + suffix, { force: true });
    return { storage: sqliteStorage({ filename }), where: filename };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('DATABASE_URL is not a URL. Use postgres://user:password@host:5432/database, or unset it to use a SQLite file under .data/.');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must be a postgres:// URL, not ${url.protocol}//…. Unset it to use a SQLite file under .data/.`);
  }
  const schema = `kechuang_${name}`;
  const client = new pg.Client({ connectionString: value, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${redacted(url)}: ${error instanceof Error ? error.message : String(error)}. Start it, fix DATABASE_URL, or unset it to use SQLite.`);
  } finally {
    await client.end().catch(() => undefined);
  }
  return { storage: postgresStorage({ connectionString: value, schema }), where: `PostgreSQL ${redacted(url)}, schema ${schema}` };
}
