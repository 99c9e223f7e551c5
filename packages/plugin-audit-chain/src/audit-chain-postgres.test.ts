import { postgresStorage } from '@kechuang/storage-postgres';
import pg from 'pg';
import { describe, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../storage-postgres/src/pg-test-database.js';
import { sqlTamperSuite } from './__fixtures__/sql-tamper-suite.js';

const reachable = await probeDatabase('audit-chain-postgres.test.ts');

/** `?` placeholders as PostgreSQL's `$1, $2 …`. */
const numbered = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
};

if (reachable) {
  sqlTamperSuite('the audit chain on PostgreSQL, tampered with through pg, with two app instances', async () => {
    const schema = freshSchemaName();
    const storage = postgresStorage({ connectionString, schema });
    const second = postgresStorage({ connectionString, schema });
    const raw = new pg.Client({ connectionString });
    await raw.connect();
    await raw.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await raw.query(`SET search_path TO "${schema}"`);
    return {
      storage,
      second,
      sql: {
        run: async (text, params = []) => void (await raw.query(numbered(text), [...params])),
        rows: async (text, params = []) => (await raw.query<Record<string, unknown>>(numbered(text), [...params])).rows,
      },
      async close() {
        await raw.end();
        await Promise.all([storage.close?.(), second.close?.()]);
        await dropSchema(schema);
      },
    };
  });
} else {
  describe('the audit chain on PostgreSQL', () => {
    it.skip(`SKIPPED: PostgreSQL is unreachable at ${connectionString}`, () => undefined);
  });
}
