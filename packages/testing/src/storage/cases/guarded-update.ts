import { expect, it } from 'vitest';
import type { Where } from '@kechuang/community';
import {
  account,
  byId,
  createAccounts,
  expectKechuangError,
  expectSameRow,
  sortedIds,
  type ConformanceContext,
} from '../conformance-helpers.js';
import { ACCOUNT } from '../conformance-schema.js';

const RACERS = 20;

function guard(id: string, version: number): Where {
  return [
    { field: 'id', value: id },
    { field: 'version', value: version },
  ];
}

/** update's where is both selector and condition: it returns null when the guard fails. */
export function guardedUpdateCases(ctx: ConformanceContext): void {
  it('returns the updated row when the guard holds', async () => {
    await createAccounts(ctx.adapter, [account('g1', { version: 1, balance: 10 })]);
    const updated = await ctx.adapter.update({ model: ACCOUNT, where: guard('g1', 1), data: { version: 2, balance: 15 } });
    expectSameRow(updated, account('g1', { version: 2, balance: 15 }));
  });

  it('returns null and changes nothing when the guard fails (a stale version)', async () => {
    const original = account('g1', { version: 3, balance: 10 });
    await createAccounts(ctx.adapter, [original]);
    const result = await ctx.adapter.update({ model: ACCOUNT, where: guard('g1', 2), data: { version: 3, balance: 99 } });
    expect(result, 'a guarded update whose condition fails must return null, not throw').toBeNull();
    expectSameRow(await ctx.adapter.findOne({ model: ACCOUNT, where: byId('g1') }), original);
  });

  it('returns null when no row has the id', async () => {
    await createAccounts(ctx.adapter, [account('g1')]);
    expect(await ctx.adapter.update({ model: ACCOUNT, where: byId('missing'), data: { balance: 1 } })).toBeNull();
    expect(await ctx.adapter.count({ model: ACCOUNT })).toBe(1);
  });

  it('throws STORAGE_ERROR and changes nothing when where matches more than one row', async () => {
    await createAccounts(ctx.adapter, [
      account('g1', { scope: 'shared' }),
      account('g2', { scope: 'shared' }),
      account('g3', { scope: 'other' }),
    ]);
    await expectKechuangError(
      ctx.adapter.update({ model: ACCOUNT, where: [{ field: 'scope', value: 'shared' }], data: { balance: 99 } }),
      'STORAGE_ERROR',
      'an update whose where matches 2 rows'
    );
    const touched = await ctx.adapter.findMany({ model: ACCOUNT, where: [{ field: 'balance', value: 99 }] });
    expect(sortedIds(touched), 'no row may be changed by a rejected multi-row update').toStrictEqual([]);
  });

  it(`exactly one of ${RACERS} concurrent guarded updates on the same id + version wins`, async () => {
    await createAccounts(ctx.adapter, [account('race', { version: 1, balance: 0 })]);
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        ctx.adapter.update({ model: ACCOUNT, where: guard('race', 1), data: { version: 2, balance: i + 1 } })
      )
    );
    const winners = results.filter((row) => row !== null);
    expect(winners.length, `${winners.length} of ${RACERS} racing guarded updates succeeded; exactly one may`).toBe(1);
    const final = await ctx.adapter.findOne({ model: ACCOUNT, where: byId('race') });
    expect(final?.['version']).toBe(2);
    expect(final?.['balance'], 'the stored row must be the winner’s').toBe(winners[0]?.['balance']);
  });
}
