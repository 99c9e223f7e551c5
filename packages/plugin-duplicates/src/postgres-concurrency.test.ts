import { postgresStorage } from '@kechuang/storage-postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../storage-postgres/src/pg-test-database.js';
import { concurrentRepeats } from './__fixtures__/concurrent-repeats.js';

const reachable = await probeDatabase('plugin-duplicates/postgres-concurrency.test.ts');
const schemas: string[] = [];
afterAll(async () => {
  if (reachable) for (const schema of schemas) await dropSchema(schema);
});

/** A PostgreSQL adapter in a schema of its own, with a pool large enough to run the submissions side by side. */
function storage() {
  const schema = freshSchemaName();
  schemas.push(schema);
  return postgresStorage({ connectionString, schema, max: 8 });
}

// PostgreSQL runs the transactions side by side, so here the guard row's lock is what keeps
// the count: without it every submission would count only what committed before it began.
describe.skipIf(!reachable)(
  reachable ? 'identical submissions at the same time (PostgreSQL)' : `identical submissions at the same time (PostgreSQL) — SKIPPED: PostgreSQL unreachable at ${connectionString}`,
  () => {
    it('six at once from scratch: three commit, three are refused', async () => {
      const adapter = storage();
      try {
        expect(await concurrentRepeats(adapter, { already: 0, together: 6 })).toEqual({ committed: 3, refused: 3, stored: 3, merged: 2, reported: [] });
      } finally {
        await adapter.close?.();
      }
    });

    it('four at once after two: one commits, three are refused', async () => {
      const adapter = storage();
      try {
        expect(await concurrentRepeats(adapter, { already: 2, together: 4 })).toEqual({ committed: 1, refused: 3, stored: 3, merged: 2, reported: [] });
      } finally {
        await adapter.close?.();
      }
    });
  },
);
