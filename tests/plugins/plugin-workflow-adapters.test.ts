import { describe } from 'vitest';
import { legalReviewOffice, walkThroughLegalReview } from '../../packages/community/src/workflow/__fixtures__/legal-review.js';
import { itOnSqlAdapters, sqlAdapters } from './sql-adapters.js';

/**
 * The legal-review journey of `packages/community/src/workflow/plugin-workflow.test.ts` on the
 * SQL adapters: a plugin state is stored, read back and moved on like a core one, and its
 * timeline entries and events are the same as on the memory adapter.
 */
const adapters = await sqlAdapters('plugin-workflow-adapters.test.ts');

describe('a plugin transition end to end on SQL storage', () =>
  itOnSqlAdapters(adapters, async (storage) => {
    await walkThroughLegalReview(await legalReviewOffice({ storage }));
  }));
