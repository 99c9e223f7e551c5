import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, it } from 'vitest';
import { legalReviewOffice, walkThroughLegalReview } from '../../packages/community/src/workflow/__fixtures__/legal-review.js';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';

/**
 * The legal-review journey of `packages/community/src/workflow/plugin-workflow.test.ts` on the
 * SQL adapters: a plugin state is stored, read back and moved on like a core one, and its
 * timeline entries and events are the same as on the memory adapter.
 */
describe('a plugin transition end to end on SQL storage', () => {
  it('sqliteStorage', async () => {
    const storage = sqliteStorage({ filename: ':memory:' });
    try {
      await walkThroughLegalReview(await legalReviewOffice({ storage }));
    } finally {
      await storage.close?.();
    }
  });

  const schema = freshSchemaName();
  const reachable = probeDatabase('plugin-workflow-adapters.test.ts');
  afterAll(async () => {
    if (await reachable) await dropSchema(schema);
  });

  it('postgresStorage', async (ctx) => {
    if (!(await reachable)) return ctx.skip();
    const storage = postgresStorage({ connectionString, schema });
    try {
      await walkThroughLegalReview(await legalReviewOffice({ storage }));
    } finally {
      await storage.close?.();
    }
  });
});
