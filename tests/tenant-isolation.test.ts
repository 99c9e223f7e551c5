import fc from 'fast-check';
import { memoryStorage, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../packages/storage-postgres/src/pg-test-database.js';
import { attacksFrom } from './tenant-isolation-attacks.js';
import { runAttack } from './tenant-isolation-run.js';
import { dumpDifferences, dumpStorage, snapshotOffice } from './tenant-isolation-snapshot.js';
import { buildTwoOffices, type BuildOptions, type OfficeWorld, type TwoOfficeWorld } from './tenant-isolation-world.js';

/**
 * Tenant isolation through the public API: two offices share one storage, and actors of each
 * (every role, and the system) try random reads, lists, cursors and commands on the other
 * office's records. Every attempt must be refused the way the contract says (NOT_FOUND for
 * another office's id, VALIDATION_FAILED for a reference to one, FORBIDDEN for a borrowed
 * identity) or return rows of the actor's own office only, and nothing may be written.
 */

const NUM_RUNS = 200;
const MAX_ATTACKS_PER_RUN = 5;

async function isolation(adapter: string, storage: StorageAdapter, options?: BuildOptions): Promise<void> {
  const world = await buildTwoOffices(storage, options);
  const before = await dumpStorage(storage, world.schema);
  const snapshots = { A: await snapshotOffice(world.A), B: await snapshotOffice(world.B) };
  const outcomes = new Map<string, number>();
  const kinds = new Map<string, number>();
  let attempts = 0;

  await fc.assert(
    fc.asyncProperty(fc.array(fc.oneof(attacksFrom(world, 'A'), attacksFrom(world, 'B')), { minLength: 1, maxLength: MAX_ATTACKS_PER_RUN }), async (attacks) => {
      for (const attack of attacks) {
        const outcome = await runAttack(world, attack);
        attempts += 1;
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        kinds.set(attack.kind, (kinds.get(attack.kind) ?? 0) + 1);
      }
      // Every attack is refused or only reads, so storage must be exactly as it was, row for row.
      const written = dumpDifferences(before, await dumpStorage(storage, world.schema));
      if (written.length > 0) throw new Error(`The attacks changed storage:\n${written.slice(0, 10).join('\n')}`);
    }),
    { numRuns: NUM_RUNS },
  );

  expect(await snapshotOffice(world.A)).toEqual(snapshots.A);
  expect(await snapshotOffice(world.B)).toEqual(snapshots.B);
  const refused = [...outcomes].filter(([o]) => o !== 'own rows only' && o !== 'empty' && o !== 'null').reduce((n, [, c]) => n + c, 0);
  const noTheirRows = attempts - refused;
  console.log(
    `[tenant-isolation] ${adapter}: ${attempts} cross-office operations in ${NUM_RUNS} runs; ${refused} refused, ${noTheirRows} answered with 0 rows of the other office ` +
      `(${[...outcomes].sort(([a], [b]) => a.localeCompare(b)).map(([o, c]) => `${o} ${c}`).join(', ')})`,
  );
  console.log(`[tenant-isolation] ${adapter} operations by kind: ${[...kinds].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => `${k} ${c}`).join(', ')}`);

  await sameKeysMakeNewRecords(world);
}

/**
 * The other office's idempotency key, 12345 ticket and visit key, used in our office, are
 * unknown here: they make new records of ours instead of returning (or refusing with) theirs.
 */
async function sameKeysMakeNewRecords(world: TwoOfficeWorld): Promise<void> {
  for (const [us, them] of [[world.A, world.B], [world.B, world.A]] as [OfficeWorld, OfficeWorld][]) {
    const theirs = await snapshotOffice(them);
    const communityId = us.directory.communities[0]?.id ?? '';
    const enterpriseId = us.directory.enterprises[0]?.id ?? '';
    const submitted = await us.system.requests.submit({ communityId, channel: 'hotline_12345', category: 'other', title: '重复键测试', idempotencyKey: them.idempotencyKey, externalRef: them.externalRef });
    expect(submitted.title).toBe('重复键测试');
    expect(submitted.officeId).toBe(us.office.id);
    expect(them.requests.map((r) => r.id)).not.toContain(submitted.id);
    const visited = await us.system.visits.record({ enterpriseId, summary: '重复键测试', idempotencyKey: them.visitIdempotencyKey });
    expect(visited.visit.officeId).toBe(us.office.id);
    expect(them.visits.map((v) => v.id)).not.toContain(visited.visit.id);
    expect(await snapshotOffice(them)).toEqual(theirs);
  }
}

describe('tenant isolation between two offices on one storage', () => {
  it('memoryStorage', async () => {
    await isolation('memory', memoryStorage());
  });

  it('sqliteStorage (:memory:)', async () => {
    const storage = sqliteStorage({ filename: ':memory:' });
    try {
      await isolation('sqlite', storage);
    } finally {
      await storage.close?.();
    }
  });
});

describe('an identity no office issued', () => {
  // Every other session call loads the member in the session's office first (FORBIDDEN when
  // it is not there); the office itself must not be readable with a borrowed member id either.
  it('session.office.get() refuses a member of another office', async () => {
    const world = await buildTwoOffices(memoryStorage());
    const theirMember = world.A.actors.find((a) => a.memberId !== null)?.memberId ?? '';
    const borrowed = world.as({ kind: 'member', officeId: world.B.office.id, memberId: theirMember });
    await expect(borrowed.requests.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(borrowed.office.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

const reachable = await probeDatabase('tenant-isolation.test.ts');
const schema = freshSchemaName();
afterAll(async () => {
  if (reachable) await dropSchema(schema);
});

describe.skipIf(!reachable)(reachable ? 'tenant isolation on postgresStorage' : `tenant isolation on postgresStorage — SKIPPED: PostgreSQL unreachable at ${connectionString}`, () => {
  it('postgresStorage (fresh schema)', async () => {
    const storage = postgresStorage({ connectionString, schema });
    try {
      await isolation('postgres', storage);
    } finally {
      await storage.close?.();
    }
  });
});
