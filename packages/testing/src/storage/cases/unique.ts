import { expect, it } from 'vitest';
import {
  account,
  byId,
  createAccounts,
  createRecords,
  expectKechuangError,
  expectSameRow,
  record,
  sortedIds,
  type ConformanceContext,
} from '../conformance-helpers.js';
import { ACCOUNT, RECORD } from '../conformance-schema.js';

/** Unique constraints (and the id) fail with UNIQUE_VIOLATION and change nothing; nulls are exempt. */
export function uniqueCases(ctx: ConformanceContext): void {
  it('create with an id that already exists fails with UNIQUE_VIOLATION and keeps the original row', async () => {
    const original = record('dup', { title: 'original' });
    await createRecords(ctx.adapter, [original]);
    await expectKechuangError(
      ctx.adapter.create({ model: RECORD, data: record('dup', { title: 'impostor' }) }),
      'UNIQUE_VIOLATION',
      'creating a second row with an existing id'
    );
    expect(await ctx.adapter.count({ model: RECORD })).toBe(1);
    expectSameRow(await ctx.adapter.findOne({ model: RECORD, where: byId('dup') }), original);
  });

  it('create violating a two-field unique constraint fails with UNIQUE_VIOLATION and adds nothing', async () => {
    await createAccounts(ctx.adapter, [account('a1', { scope: 's1', code: 'K-1' })]);
    await expectKechuangError(
      ctx.adapter.create({ model: ACCOUNT, data: account('a2', { scope: 's1', code: 'K-1' }) }),
      'UNIQUE_VIOLATION',
      'creating a row with the same (scope, code) as another'
    );
    expect(sortedIds(await ctx.adapter.findMany({ model: ACCOUNT }))).toStrictEqual(['a1']);
  });

  it('rows that share only some fields of a constraint do not conflict', async () => {
    await createAccounts(ctx.adapter, [
      account('a1', { scope: 's1', code: 'K-1' }),
      account('a2', { scope: 's2', code: 'K-1' }),
      account('a3', { scope: 's1', code: 'K-2' }),
      account('a4', { scope: 's1', code: 'k-1' }),
    ]);
    expect(await ctx.adapter.count({ model: ACCOUNT })).toBe(4);
  });

  it('rows with a null in a constraint field are exempt from it (SQL semantics)', async () => {
    await createAccounts(ctx.adapter, [
      account('a1', { scope: 's1', code: null }),
      account('a2', { scope: 's1', code: null }),
      account('a3', { scope: 's1', code: null }),
    ]);
    expect(await ctx.adapter.count({ model: ACCOUNT, where: [{ field: 'code', op: 'is_null' }] })).toBe(3);
    const cleared = await ctx.adapter.update({ model: ACCOUNT, where: byId('a3'), data: { code: 'K-9' } });
    expect(cleared?.['code']).toBe('K-9');
    await createAccounts(ctx.adapter, [account('a4', { scope: 's1', code: 'K-8' })]);
    const backToNull = await ctx.adapter.update({ model: ACCOUNT, where: byId('a4'), data: { code: null } });
    expect(backToNull?.['code'], 'setting a constraint field to null never conflicts').toBeNull();
  });

  it('update into a conflict fails with UNIQUE_VIOLATION and changes neither row', async () => {
    const first = account('a1', { scope: 's1', code: 'K-1', balance: 10 });
    const second = account('a2', { scope: 's1', code: 'K-2', balance: 20 });
    await createAccounts(ctx.adapter, [first, second]);
    await expectKechuangError(
      ctx.adapter.update({ model: ACCOUNT, where: byId('a2'), data: { code: 'K-1', balance: 99 } }),
      'UNIQUE_VIOLATION',
      'updating a row so that its (scope, code) equals another row’s'
    );
    expectSameRow(await ctx.adapter.findOne({ model: ACCOUNT, where: byId('a1') }), first);
    expectSameRow(await ctx.adapter.findOne({ model: ACCOUNT, where: byId('a2') }), second);
  });

  it('update that keeps a row’s own unique values is not a conflict', async () => {
    await createAccounts(ctx.adapter, [account('a1', { scope: 's1', code: 'K-1' })]);
    const updated = await ctx.adapter.update({
      model: ACCOUNT,
      where: byId('a1'),
      data: { scope: 's1', code: 'K-1', balance: 5 },
    });
    expect(updated?.['balance']).toBe(5);
  });

  it('a deleted row frees its id and unique values', async () => {
    await createAccounts(ctx.adapter, [account('a1', { scope: 's1', code: 'K-1' })]);
    await ctx.adapter.delete({ model: ACCOUNT, where: byId('a1') });
    await createAccounts(ctx.adapter, [account('a1', { scope: 's1', code: 'K-1', balance: 7 })]);
    expect((await ctx.adapter.findOne({ model: ACCOUNT, where: byId('a1') }))?.['balance']).toBe(7);
  });
}
