import type { StorageAdapter } from '@kechuang/community';
import { describe, expect } from 'vitest';
import { PERSONAS, directoryWorld, leakedDetails, persona, readEverything } from '../packages/community/src/__fixtures__/directory-personas.js';
import { itOnSqlAdapters, sqlAdapters } from './plugins/sql-adapters.js';

/**
 * The directory-access matrix of `packages/community/src/auth/directory-access.test.ts` on
 * the SQL adapters: the policy's where-conditions (an `in` list of enterprise ids, and of
 * member ids for the members it lets an enterprise contact read) are pushed down to SQL,
 * where list pages must stay full and cursors walk to the end without gaps or repeats.
 */

const adapters = await sqlAdapters('directory-access-adapters.test.ts');

async function everyPersona(storage: StorageAdapter): Promise<void> {
  const world = await directoryWorld({ storage });
  for (const name of PERSONAS) {
    const { memberId, sight } = persona(world, name);
    const received = await readEverything(world, memberId, sight);
    if (sight.withheld && memberId !== null) expect(await leakedDetails(world, memberId, received), `${name} saw others' details`).toEqual([]);
  }
}

describe('what each persona reads of the directory, on SQL storage', () => itOnSqlAdapters(adapters, everyPersona));
