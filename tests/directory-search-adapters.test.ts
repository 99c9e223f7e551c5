import { describe } from 'vitest';
import { expectSearchSemantics, searchWorld } from '../packages/community/src/__fixtures__/directory-search-world.js';
import { itOnSqlAdapters, sqlAdapters } from './plugins/sql-adapters.js';

/**
 * The directory search scenario of `packages/community/src/commands/directory/directory-search.test.ts`
 * on the SQL adapters: the name and code conditions are pushed down to SQL, where `%` and `_`
 * must stay literal, Latin letters must match case-sensitively (SQLite's LIKE would not), and
 * pages of two must stay full and walk to the end in code order.
 */

const adapters = await sqlAdapters('directory-search-adapters.test.ts');

describe('directory search, on SQL storage', () => itOnSqlAdapters(adapters, async (storage) => expectSearchSemantics(await searchWorld({ storage }))));
