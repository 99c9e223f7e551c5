import { beforeEach, expect, it } from 'vitest';
import type { OrderBy } from '@kechuang/community';
import { at, createRecords, ids, record, shuffled, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

/** Rows with ties on every ordering field, so only the full list of terms decides the order. */
export const ORDERING_ROWS = shuffled(
  [
    record('o1', { bucket: 'b', rank: 2, amount: 3.5, active: true, at: at('2024-03-01T00:00:00.000Z') }),
    record('o2', { bucket: 'a', rank: 2, amount: -1, active: false, at: at('2024-01-01T00:00:00.001Z') }),
    record('o3', { bucket: 'b', rank: 1, amount: 10, active: false, at: at('2024-01-01T00:00:00.000Z') }),
    record('o4', { bucket: 'a', rank: 3, amount: 0, active: true, at: at('2023-12-31T23:59:59.999Z') }),
    record('o5', { bucket: 'c', rank: 1, amount: 2, active: true, at: at('2024-02-01T00:00:00.000Z') }),
    record('o6', { bucket: 'a', rank: 2, amount: 100, active: false, at: at('2024-02-15T00:00:00.000Z') }),
  ],
  42
);

async function expectOrder(ctx: ConformanceContext, orderBy: readonly OrderBy[], expected: readonly string[]): Promise<void> {
  const rows = await ctx.adapter.findMany({ model: RECORD, orderBy });
  expect(ids(rows), `findMany orderBy ${JSON.stringify(orderBy)}`).toStrictEqual(expected);
}

/** orderBy on every scalar type, several terms, mixed directions, binary string order. */
export function orderingCases(ctx: ConformanceContext): void {
  beforeEach(() => createRecords(ctx.adapter, ORDERING_ROWS));

  it('orders numbers ascending (the default direction) and descending', async () => {
    await expectOrder(ctx, [{ field: 'amount' }], ['o2', 'o4', 'o5', 'o1', 'o3', 'o6']);
    await expectOrder(ctx, [{ field: 'amount', direction: 'asc' }], ['o2', 'o4', 'o5', 'o1', 'o3', 'o6']);
    await expectOrder(ctx, [{ field: 'amount', direction: 'desc' }], ['o6', 'o3', 'o1', 'o5', 'o4', 'o2']);
  });

  it('orders dates by time, to the millisecond', async () => {
    await expectOrder(ctx, [{ field: 'at' }], ['o4', 'o3', 'o2', 'o5', 'o6', 'o1']);
    await expectOrder(ctx, [{ field: 'at', direction: 'desc' }], ['o1', 'o6', 'o5', 'o2', 'o3', 'o4']);
  });

  it('orders booleans false before true', async () => {
    await expectOrder(ctx, [{ field: 'active' }, { field: 'id' }], ['o2', 'o3', 'o6', 'o1', 'o4', 'o5']);
    await expectOrder(ctx, [{ field: 'active', direction: 'desc' }, { field: 'id' }], ['o1', 'o4', 'o5', 'o2', 'o3', 'o6']);
  });

  it('orders by several terms with mixed directions', async () => {
    await expectOrder(
      ctx,
      [{ field: 'bucket' }, { field: 'rank', direction: 'desc' }, { field: 'id' }],
      ['o4', 'o2', 'o6', 'o1', 'o3', 'o5']
    );
    await expectOrder(
      ctx,
      [{ field: 'bucket', direction: 'desc' }, { field: 'rank' }, { field: 'id', direction: 'desc' }],
      ['o5', 'o3', 'o1', 'o6', 'o2', 'o4']
    );
  });

  it('orders strings in binary (Unicode code point) order: case-sensitive, no locale rules', async () => {
    // UTF-8 byte order, as SQLite BINARY and PostgreSQL COLLATE "C" compare: keyset cursors
    // only work if every adapter agrees on it. Note '！' (U+FF01) sorts before '😀' (U+1F600)
    // although its UTF-16 code unit is larger.
    const expected = ['', 'A', 'B', 'Z', 'a', 'aa', 'b', 'é', '中', '科', '！', '😀'];
    const rows = shuffled(expected, 7).map((title, i) => record(`t${i}`, { title }));
    await createRecords(ctx.adapter, rows);
    const found = await ctx.adapter.findMany({
      model: RECORD,
      where: [{ field: 'id', op: 'starts_with', value: 't' }],
      orderBy: [{ field: 'title' }],
    });
    expect(found.map((row) => row['title'])).toStrictEqual(expected);
    const descending = await ctx.adapter.findMany({
      model: RECORD,
      where: [{ field: 'id', op: 'starts_with', value: 't' }],
      orderBy: [{ field: 'title', direction: 'desc' }],
    });
    expect(descending.map((row) => row['title'])).toStrictEqual([...expected].reverse());
  });

  it('returns every row when no orderBy is given', async () => {
    expect(ids(await ctx.adapter.findMany({ model: RECORD })).sort()).toStrictEqual(['o1', 'o2', 'o3', 'o4', 'o5', 'o6']);
  });
}
