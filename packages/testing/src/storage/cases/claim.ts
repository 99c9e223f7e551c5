import { assert, expect, it } from 'vitest';
import type { ClaimArgs, Row, StorageOperations } from '@kechuang/community';
import {
  account,
  at,
  byId,
  createAccounts,
  createRecords,
  expectKechuangError,
  ids,
  record,
  shuffled,
  sortedIds,
  type ConformanceContext,
} from '../conformance-helpers.js';
import { ACCOUNT, RECORD } from '../conformance-schema.js';

const CLAIMERS = 8;
const QUEUED = 30;

function claimOf(ops: StorageOperations): NonNullable<StorageOperations['claim']> {
  const claim = ops.claim;
  if (typeof claim !== 'function') assert.fail('capabilities.claim is true, so claim() must be a function (on the adapter and on tx)');
  return claim.bind(ops);
}

/** Rows `q00`… in bucket `queue`, ranked in reverse of their ids and created in shuffled order. */
function queued(count: number): Row[] {
  const rows = Array.from({ length: count }, (_, i) => record(`q${String(i).padStart(2, '0')}`, { bucket: 'queue', rank: count - i, amount: 0 }));
  return shuffled(rows, 7);
}

/** Takes queued rows for `owner`: out of the queue, note = owner, amount + 1. */
function take(owner: string, limit: number, extra: Partial<ClaimArgs> = {}): ClaimArgs {
  return {
    model: RECORD,
    where: [{ field: 'bucket', value: 'queue' }],
    orderBy: [{ field: 'rank' }, { field: 'id' }],
    limit,
    set: { bucket: 'taken', note: owner, due: at('2025-06-01T08:00:00.000Z') },
    increment: ['amount'],
    ...extra,
  };
}

/** claim(): atomically takes rows no concurrent claimer takes; runs only when capabilities.claim is true. */
export function claimCases(ctx: ConformanceContext): void {
  it('takes up to limit matching rows in orderBy order, applies set and increment, and returns them updated', async () => {
    await createRecords(ctx.adapter, [...queued(5), record('other', { bucket: 'elsewhere', rank: -1 })]);
    const claimed = await claimOf(ctx.adapter)(take('w1', 3));
    // rank runs opposite to the ids: q04 has rank 1.
    expect(ids(claimed), 'claim must return the first rows in orderBy order (rank asc)').toStrictEqual(['q04', 'q03', 'q02']);
    for (const row of claimed) {
      expect(row, `claimed row ${String(row['id'])}`).toMatchObject({ bucket: 'taken', note: 'w1', amount: 1 });
      expect(row['due'], 'a date in set must come back as a Date').toBeInstanceOf(Date);
      expect((row['due'] as Date).toISOString()).toBe('2025-06-01T08:00:00.000Z');
      expect(row['title'], 'fields the claim does not change keep their values').toBe(`title ${String(row['id'])}`);
    }
    const stored = await ctx.adapter.findMany({ model: RECORD, where: [{ field: 'bucket', value: 'taken' }] });
    expect(sortedIds(stored), 'the claim must be committed when it returns').toStrictEqual(['q02', 'q03', 'q04']);
    expect(await ctx.adapter.count({ model: RECORD, where: [{ field: 'bucket', value: 'queue' }] })).toBe(2);
  });

  it('follows descending and multi-field orderBy', async () => {
    await createRecords(ctx.adapter, [
      record('a', { bucket: 'queue', rank: 1 }),
      record('b', { bucket: 'queue', rank: 3 }),
      record('c', { bucket: 'queue', rank: 3 }),
      record('d', { bucket: 'queue', rank: 2 }),
    ]);
    const claimed = await claimOf(ctx.adapter)(take('w1', 3, { orderBy: [{ field: 'rank', direction: 'desc' }, { field: 'id', direction: 'desc' }] }));
    expect(ids(claimed)).toStrictEqual(['c', 'b', 'd']);
  });

  it('raises every incremented field by one from its current value', async () => {
    await createAccounts(ctx.adapter, [account('a1', { version: 7, balance: 40 }), account('a2', { version: 1, balance: -2 })]);
    const claimed = await claimOf(ctx.adapter)({
      model: ACCOUNT,
      where: [],
      orderBy: [{ field: 'id' }],
      limit: 5,
      increment: ['version', 'balance'],
    });
    expect(claimed.map((row) => [row['id'], row['version'], row['balance']])).toStrictEqual([
      ['a1', 8, 41],
      ['a2', 2, -1],
    ]);
  });

  it('never hands a row out twice: later claims take what is left, then nothing', async () => {
    await createRecords(ctx.adapter, queued(7));
    const claim = claimOf(ctx.adapter);
    const first = await claim(take('w1', 4));
    const second = await claim(take('w2', 4));
    const third = await claim(take('w3', 4));
    expect(first).toHaveLength(4);
    expect(second).toHaveLength(3);
    expect(third, 'a claim with nothing left to take returns an empty array').toStrictEqual([]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(7);
    const amounts = (await ctx.adapter.findMany({ model: RECORD })).map((row) => row['amount']);
    expect(amounts, 'each row incremented exactly once').toStrictEqual(Array.from({ length: 7 }, () => 1));
  });

  it('returns an empty array and changes nothing when nothing matches, or when limit is 0', async () => {
    await createRecords(ctx.adapter, queued(3));
    const claim = claimOf(ctx.adapter);
    expect(await claim(take('w1', 5, { where: [{ field: 'bucket', value: 'missing' }] }))).toStrictEqual([]);
    expect(await claim(take('w1', 0))).toStrictEqual([]);
    expect(await ctx.adapter.count({ model: RECORD, where: [{ field: 'bucket', value: 'queue' }, { field: 'amount', value: 0 }] })).toBe(3);
  });

  it(`${CLAIMERS} concurrent claims never return the same row, and each row is changed once`, async () => {
    await createRecords(ctx.adapter, queued(QUEUED));
    const claim = claimOf(ctx.adapter);
    const batches = await Promise.all(Array.from({ length: CLAIMERS }, (_, i) => claim(take(`w${i}`, 5))));
    const all = batches.flatMap(ids);
    expect(all.length, `the claims returned ${all.length} rows but only ${new Set(all).size} distinct ones`).toBe(new Set(all).size);
    batches.forEach((batch, i) => {
      expect(batch.length, `claim ${i} returned more rows than its limit`).toBeLessThanOrEqual(5);
      for (const row of batch) expect(row['note'], `a row claim w${i} returned must carry its own set`).toBe(`w${i}`);
    });
    // Claims that skipped rows another claim held may come back short; what is left is still there.
    const rest = await claim(take('late', QUEUED));
    expect(new Set([...all, ...ids(rest)]).size, 'every queued row is claimed exactly once in the end').toBe(QUEUED);
    expect(all.length + rest.length).toBe(QUEUED);
    const stored = await ctx.adapter.findMany({ model: RECORD });
    expect(stored.every((row) => row['amount'] === 1), 'no row may be incremented by two claims').toBe(true);
    for (const [i, batch] of batches.entries()) {
      const owned = stored.filter((row) => row['note'] === `w${i}`);
      expect(sortedIds(owned), `the stored rows of claim w${i} are the rows it returned`).toStrictEqual(sortedIds(batch));
    }
  });

  it('inside a transaction sees its writes and rolls back with it', async () => {
    await createRecords(ctx.adapter, queued(2));
    const failure = new Error('roll back');
    const error = await ctx.adapter
      .transaction(async (tx) => {
        await tx.create({ model: RECORD, data: record('fresh', { bucket: 'queue', rank: 0 }) });
        const claimed = await claimOf(tx)(take('tx', 2));
        expect(ids(claimed), 'a claim on tx must see rows created earlier in the same transaction').toStrictEqual(['fresh', 'q01']);
        throw failure;
      })
      .catch((caught: unknown) => caught);
    expect(error).toBe(failure);
    expect(await ctx.adapter.count({ model: RECORD, where: [{ field: 'bucket', value: 'taken' }] }), 'the rolled-back claim must leave no trace').toBe(0);
    expect(await ctx.adapter.findOne({ model: RECORD, where: byId('fresh') })).toBeNull();
    const committed = await ctx.adapter.transaction((tx) => claimOf(tx)(take('tx', 1)));
    expect(ids(committed)).toStrictEqual(['q01']);
    expect(await ctx.adapter.count({ model: RECORD, where: [{ field: 'note', value: 'tx' }] })).toBe(1);
  });

  it('throws UNIQUE_VIOLATION and changes nothing when set would break a unique constraint', async () => {
    await createAccounts(ctx.adapter, [account('u1', { scope: 's' }), account('u2', { scope: 's' })]);
    await expectKechuangError(
      claimOf(ctx.adapter)({ model: ACCOUNT, where: [{ field: 'scope', value: 's' }], orderBy: [{ field: 'id' }], limit: 2, set: { code: 'same' }, increment: ['version'] }),
      'UNIQUE_VIOLATION',
      'a claim giving two rows the same (scope, code)'
    );
    expect(await ctx.adapter.count({ model: ACCOUNT, where: [{ field: 'version', value: 1 }, { field: 'code', op: 'is_null' }] }), 'no row may be half-claimed').toBe(2);
  });

  it('refuses bad arguments with STORAGE_ERROR and changes nothing', async () => {
    await createRecords(ctx.adapter, queued(2));
    const claim = claimOf(ctx.adapter);
    const bad: [string, ClaimArgs][] = [
      ['an unknown model', { ...take('w', 1), model: 'kit_missing' }],
      ['an unknown field in where', take('w', 1, { where: [{ field: 'nope', value: 1 }] })],
      ['a where value of the wrong type', take('w', 1, { where: [{ field: 'rank', value: 'high' }] })],
      ['ordering by a json field', take('w', 1, { orderBy: [{ field: 'payload' }] })],
      ['a negative limit', take('w', -1)],
      ['a fractional limit', take('w', 1.5)],
      ['an unknown field in set', take('w', 1, { set: { nope: 'x' } })],
      ['a set value of the wrong type', take('w', 1, { set: { bucket: 5 } })],
      ['null in set for a required field', take('w', 1, { set: { bucket: null } })],
      ['set changing the id', take('w', 1, { set: { id: 'new-id' } })],
      ['incrementing an unknown field', take('w', 1, { increment: ['nope'] })],
      ['incrementing a string field', take('w', 1, { increment: ['title'] })],
      ['incrementing a nullable number field', take('w', 1, { increment: ['score'] })],
      ['a field both in set and increment', take('w', 1, { set: { amount: 3 }, increment: ['amount'] })],
      ['the same field incremented twice', take('w', 1, { increment: ['amount', 'amount'] })],
      ['neither set nor increment', take('w', 1, { set: {}, increment: [] })],
    ];
    for (const [what, args] of bad) await expectKechuangError(claim(args), 'STORAGE_ERROR', `claim with ${what}`);
    const untouched = await ctx.adapter.findMany({ model: RECORD, where: [{ field: 'bucket', value: 'queue' }, { field: 'amount', value: 0 }] });
    expect(sortedIds(untouched), 'a refused claim must change nothing').toStrictEqual(['q00', 'q01']);
  });
}
