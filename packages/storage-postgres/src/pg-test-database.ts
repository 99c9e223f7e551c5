import pg from 'pg';

/** The test database URL: `KECHUANG_TEST_DATABASE_URL`, else the local default. */
export const connectionString = process.env['KECHUANG_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

const HOW_TO_START =
  'Start PostgreSQL (e.g. `.ci/run` starts it, or `docker run -e POSTGRES_HOST_AUTH_METHOD=trust -p 5432:5432 postgres:15`) ' +
  'or point KECHUANG_TEST_DATABASE_URL at a reachable database.';

/**
 * Probes the test database. Unreachable: throws when `CI=true` (CI must test PostgreSQL for
 * real), else warns and returns false so the file skips with a stated reason.
 */
export async function probeDatabase(file: string): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch (error) {
    const reason = `PostgreSQL at ${connectionString} is unreachable (${error instanceof Error ? error.message : String(error)}).`;
    if (process.env['CI'] === 'true') throw new Error(`${reason} CI=true requires it. ${HOW_TO_START}`);
    console.warn(`[${file}] SKIPPING PostgreSQL tests: ${reason} ${HOW_TO_START}`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh schema name, unique per call, for test isolation. */
export function freshSchemaName(): string {
  return `kechuang_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

/** Drops `schema` with everything in it. */
export async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '""')}" CASCADE`);
  } finally {
    await client.end();
  }
}
