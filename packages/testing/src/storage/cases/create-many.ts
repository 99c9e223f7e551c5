import { expect, it } from 'vitest';
import type { Row, StorageOperations } from '@kechuang/community';
import { account, at, byId, createAccounts, expectKechuangError, expectSameRow, record, sortedIds, type ConformanceContext } from '../conformance-helpers.js';
import { ACCOUNT, RECORD } from '../conformance-schema.js';

function createMany(ops: StorageOperations): NonNullable<StorageOperations['createMany']> {
  const fn = ops.createMany;
  if (!fn) throw new Error('createMany is missing on this handle although the adapter has it.');
  return fn.bind(ops);
}

/** `createMany`: several rows of one model, all or none, returned as stored and in order. */
export function createManyCases(ctx: ConformanceContext): void {
  it('inserts every row and returns them as stored, in the order given', async () => {
    const rows = [record('m3', { amount: 3, payload: { n: [1, 2] } }), record('m1', { at: at('2024-05-01T08:00:00.000Z'), active: true }), record('m2', { note: 'x' })];
    const created = await createMany(ctx.adapter)({ model: RECORD, data: rows });
    expect(created.map((r) => r['id'])).toStrictEqual(['m3', 'm1', 'm2']);
    created.forEach((row, i) => expectSameRow(row, rows[i] as Row));
    for (const row of rows) expectSameRow(await ctx.adapter.findOne({ model: RECORD, where: byId(row['id'] as string) }), row);
  });

  it('an empty list inserts nothing and returns an empty array', async () => {
    expect(await createMany(ctx.adapter)({ model: RECORD, data: [] })).toStrictEqual([]);
    expect(await ctx.adapter.count({ model: RECORD })).toBe(0);
  });

  it('handles more rows than one statement can bind', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) => record(`bulk-${String(i).padStart(4, '0')}`, { rank: i }));
    await createMany(ctx.adapter)({ model: RECORD, data: rows });
    expect(await ctx.adapter.count({ model: RECORD })).toBe(3_000);
  });

  it('a unique violation anywhere in the list inserts none of the rows', async () => {
    await createAccounts(ctx.adapter, [account('a1', { scope: 's1', code: 'K-1' })]);
    await expectKechuangError(
      createMany(ctx.adapter)({ model: ACCOUNT, data: [account('a2', { scope: 's1', code: 'K-2' }), account('a3', { scope: 's1', code: 'K-1' })] }),
      'UNIQUE_VIOLATION',
      'createMany with a row that clashes with a stored one',
    );
    await expectKechuangError(
      createMany(ctx.adapter)({ model: ACCOUNT, data: [account('a4', { scope: 's2', code: 'K-1' }), account('a4', { scope: 's2', code: 'K-2' })] }),
      'UNIQUE_VIOLATION',
      'createMany with two rows of the same id',
    );
    expect(sortedIds(await ctx.adapter.findMany({ model: ACCOUNT }))).toStrictEqual(['a1']);
  });

  it('an invalid row is refused with STORAGE_ERROR before anything is written', async () => {
    await expectKechuangError(
      createMany(ctx.adapter)({ model: RECORD, data: [record('ok'), record('bad', { amount: 'not a number' })] }),
      'STORAGE_ERROR',
      'createMany with a row of the wrong type',
    );
    expect(await ctx.adapter.count({ model: RECORD })).toBe(0);
  });

  it('inside a transaction, its rows commit and roll back with it', async () => {
    await ctx.adapter.transaction(async (tx) => {
      await createMany(tx)({ model: RECORD, data: [record('t1'), record('t2')] });
    });
    await expect(
      ctx.adapter.transaction(async (tx) => {
        await createMany(tx)({ model: RECORD, data: [record('t3'), record('t4')] });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(sortedIds(await ctx.adapter.findMany({ model: RECORD }))).toStrictEqual(['t1', 't2']);
  });
}
