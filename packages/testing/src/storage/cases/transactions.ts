import { expect, it } from 'vitest';
import type { StorageOperations } from '@kechuang/community';
import {
  account,
  byId,
  createAccounts,
  expectKechuangError,
  expectSameRow,
  ids,
  sortedIds,
  type ConformanceContext,
} from '../conformance-helpers.js';
import { ACCOUNT } from '../conformance-schema.js';

const WORKERS = 10;
const MAX_ATTEMPTS = 100;

class RollbackProbe extends Error {
  constructor() {
    super('thrown on purpose by the conformance kit to roll back a transaction');
    this.name = 'RollbackProbe';
  }
}

/** Creates, updates and deletes one row each: the three kinds of write a rollback must undo. */
async function writeAll(tx: StorageOperations): Promise<void> {
  await tx.create({ model: ACCOUNT, data: account('new', { balance: 1 }) });
  await tx.update({ model: ACCOUNT, where: byId('keep'), data: { balance: 999, version: 2 } });
  await tx.delete({ model: ACCOUNT, where: byId('gone') });
}

/** Commit, rollback, read-your-writes and concurrent transactions. */
export function transactionCases(ctx: ConformanceContext): void {
  const keep = account('keep', { balance: 10 });
  const gone = account('gone', { scope: 'scope-2', balance: 20 });

  it('commits every write when fn resolves, and returns what fn returned', async () => {
    await createAccounts(ctx.adapter, [keep, gone]);
    const result = await ctx.adapter.transaction(async (tx) => {
      await writeAll(tx);
      return { done: true };
    });
    expect(result).toStrictEqual({ done: true });
    expect(sortedIds(await ctx.adapter.findMany({ model: ACCOUNT }))).toStrictEqual(['keep', 'new']);
    expect((await ctx.adapter.findOne({ model: ACCOUNT, where: byId('keep') }))?.['balance']).toBe(999);
  });

  it('rolls back every write when fn throws, and re-throws the same error unchanged', async () => {
    await createAccounts(ctx.adapter, [keep, gone]);
    const probe = new RollbackProbe();
    let caught: unknown;
    try {
      await ctx.adapter.transaction(async (tx) => {
        await writeAll(tx);
        throw probe;
      });
    } catch (error) {
      caught = error;
    }
    expect(caught, 'transaction() must reject with the very error fn threw').toBe(probe);
    expect(sortedIds(await ctx.adapter.findMany({ model: ACCOUNT })), 'the create and the delete must be undone').toStrictEqual([
      'gone',
      'keep',
    ]);
    expectSameRow(await ctx.adapter.findOne({ model: ACCOUNT, where: byId('keep') }), keep);
    expectSameRow(await ctx.adapter.findOne({ model: ACCOUNT, where: byId('gone') }), gone);
  });

  it('rolls back earlier writes when a UNIQUE_VIOLATION escapes fn', async () => {
    await createAccounts(ctx.adapter, [account('a1', { scope: 's', code: 'C' })]);
    await expectKechuangError(
      ctx.adapter.transaction(async (tx) => {
        await tx.create({ model: ACCOUNT, data: account('a2', { scope: 's', code: 'D' }) });
        await tx.create({ model: ACCOUNT, data: account('a3', { scope: 's', code: 'C' }) });
      }),
      'UNIQUE_VIOLATION',
      'a transaction whose second create violates a unique constraint'
    );
    expect(sortedIds(await ctx.adapter.findMany({ model: ACCOUNT }))).toStrictEqual(['a1']);
  });

  it('reads inside a transaction see its own writes', async () => {
    await createAccounts(ctx.adapter, [keep, gone]);
    await ctx.adapter.transaction(async (tx) => {
      await writeAll(tx);
      expect((await tx.findOne({ model: ACCOUNT, where: byId('new') }))?.['balance']).toBe(1);
      expect((await tx.findOne({ model: ACCOUNT, where: byId('keep') }))?.['balance']).toBe(999);
      expect(await tx.findOne({ model: ACCOUNT, where: byId('gone') })).toBeNull();
      expect(ids(await tx.findMany({ model: ACCOUNT, orderBy: [{ field: 'id' }] }))).toStrictEqual(['keep', 'new']);
      expect(await tx.count({ model: ACCOUNT })).toBe(2);
      const guarded = await tx.update({
        model: ACCOUNT,
        where: [
          { field: 'id', value: 'keep' },
          { field: 'version', value: 2 },
        ],
        data: { version: 3 },
      });
      expect(guarded?.['version'], 'a guarded update inside the transaction sees the version it wrote').toBe(3);
    });
  });

  it('an empty transaction resolves with fn’s value and changes nothing', async () => {
    await createAccounts(ctx.adapter, [keep]);
    expect(await ctx.adapter.transaction(async () => 42)).toBe(42);
    expect(await ctx.adapter.count({ model: ACCOUNT })).toBe(1);
  });

  it(`${WORKERS} concurrent transactions incrementing a counter with guarded updates and retries reach the right total`, async () => {
    await createAccounts(ctx.adapter, [account('counter', { version: 1, balance: 0 })]);
    let retries = 0;
    const increment = async (): Promise<void> => {
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const done = await ctx.adapter.transaction(async (tx) => {
          const row = await tx.findOne({ model: ACCOUNT, where: byId('counter') });
          const version = row?.['version'] as number;
          const updated = await tx.update({
            model: ACCOUNT,
            where: [
              { field: 'id', value: 'counter' },
              { field: 'version', value: version },
            ],
            data: { version: version + 1, balance: (row?.['balance'] as number) + 1 },
          });
          return updated !== null;
        });
        if (done) return;
        retries += 1;
      }
      throw new Error(`an increment still conflicted after ${MAX_ATTEMPTS} attempts (${retries} retries in all)`);
    };
    await Promise.all(Array.from({ length: WORKERS }, increment));
    const counter = await ctx.adapter.findOne({ model: ACCOUNT, where: byId('counter') });
    expect(counter?.['balance'], `lost updates: ${retries} retries happened`).toBe(WORKERS);
    expect(counter?.['version']).toBe(WORKERS + 1);
  });
}
