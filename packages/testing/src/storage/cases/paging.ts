import { expect, it } from 'vitest';
import type { FieldValue, OrderBy, Row, Where } from '@kechuang/community';
import {
  compareCursors,
  createRecords,
  cursorOf,
  ids,
  record,
  referenceSort,
  seededRandom,
  shuffled,
  type ConformanceContext,
} from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';
import { ORDERING_ROWS } from './ordering.js';

const TABLE_SIZE = 250;
const PAGE_SIZE = 7;

/** 250 rows with many ties, negative ranks, ms-apart dates and non-ASCII buckets, inserted shuffled. */
function pagingRows(): Row[] {
  const random = seededRandom(250);
  const buckets = ['北', 'a', 'B', 'b', '😀', '！'];
  const rows: Row[] = [];
  for (let i = 0; i < TABLE_SIZE; i++) {
    rows.push(
      record(`k${String(i).padStart(3, '0')}`, {
        bucket: buckets[Math.floor(random() * buckets.length)] ?? 'a',
        rank: Math.floor(random() * 10) - 3,
        amount: Math.round(random() * 1000) / 10,
        active: random() < 0.5,
        at: new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 20) * 3_600_000 + Math.floor(random() * 3)),
      })
    );
  }
  return shuffled(rows, 7);
}

const MIXED: readonly OrderBy[] = [
  { field: 'bucket' },
  { field: 'rank', direction: 'desc' },
  { field: 'at' },
  { field: 'id', direction: 'desc' },
];

const MIXED_OTHER: readonly OrderBy[] = [
  { field: 'active', direction: 'desc' },
  { field: 'at', direction: 'desc' },
  { field: 'amount' },
  { field: 'id' },
];

/** Walks every page with keyset cursors taken from the last row of each page. */
async function walk(ctx: ConformanceContext, orderBy: readonly OrderBy[], pageSize: number, where: Where = []): Promise<Row[][]> {
  const pages: Row[][] = [];
  let after: FieldValue[] | undefined;
  let seen = 0;
  for (;;) {
    const page = await ctx.adapter.findMany({ model: RECORD, where, orderBy, limit: pageSize, ...(after ? { after } : {}) });
    if (page.length === 0) return pages;
    pages.push(page);
    seen += page.length;
    // An adapter that ignores `after` would loop forever; stop once more rows came back than exist.
    expect(seen, 'keyset paging returned more rows than the table holds: is `after` ignored?').toBeLessThanOrEqual(TABLE_SIZE);
    const last = page[page.length - 1] as Row;
    after = cursorOf(last, orderBy);
  }
}

async function expectWalk(
  ctx: ConformanceContext,
  rows: readonly Row[],
  orderBy: readonly OrderBy[],
  pageSize: number,
  where: Where = []
): Promise<void> {
  const pages = await walk(ctx, orderBy, pageSize, where);
  const expected = ids(referenceSort(rows, orderBy));
  const walked = pages.flatMap(ids);
  expect(new Set(walked).size, 'every row should appear exactly once across the pages').toBe(walked.length);
  expect(walked, `pages walked with orderBy ${JSON.stringify(orderBy)}`).toStrictEqual(expected);
  pages.slice(0, -1).forEach((page, i) => expect(page.length, `page ${i + 1} should be full`).toBe(pageSize));
}

/** limit, offset and keyset cursors (`after`) with mixed directions. */
export function pagingCases(ctx: ConformanceContext): void {
  it('limit returns the first rows in order', async () => {
    await createRecords(ctx.adapter, ORDERING_ROWS);
    const orderBy: OrderBy[] = [{ field: 'amount' }];
    expect(ids(await ctx.adapter.findMany({ model: RECORD, orderBy, limit: 2 }))).toStrictEqual(['o2', 'o4']);
    expect(ids(await ctx.adapter.findMany({ model: RECORD, orderBy, limit: 100 }))).toHaveLength(6);
    expect(await ctx.adapter.findMany({ model: RECORD, orderBy, limit: 0 })).toStrictEqual([]);
  });

  it('offset skips rows, alone and with limit', async () => {
    await createRecords(ctx.adapter, ORDERING_ROWS);
    const orderBy: OrderBy[] = [{ field: 'amount' }];
    expect(ids(await ctx.adapter.findMany({ model: RECORD, orderBy, offset: 4 }))).toStrictEqual(['o3', 'o6']);
    expect(ids(await ctx.adapter.findMany({ model: RECORD, orderBy, offset: 1, limit: 3 }))).toStrictEqual(['o4', 'o5', 'o1']);
    expect(await ctx.adapter.findMany({ model: RECORD, orderBy, offset: 6 })).toStrictEqual([]);
    expect(await ctx.adapter.findMany({ model: RECORD, orderBy, offset: 50, limit: 5 })).toStrictEqual([]);
  });

  it(`keyset pages of ${PAGE_SIZE} walk a ${TABLE_SIZE}-row table with mixed directions, every row exactly once, in order`, async () => {
    const rows = pagingRows();
    await createRecords(ctx.adapter, rows);
    expect(ids(await ctx.adapter.findMany({ model: RECORD, orderBy: MIXED })), 'the unpaged order').toStrictEqual(
      ids(referenceSort(rows, MIXED))
    );
    await expectWalk(ctx, rows, MIXED, PAGE_SIZE);
  });

  it('keyset pages work with booleans and dates in the cursor and descending first terms', async () => {
    const rows = pagingRows();
    await createRecords(ctx.adapter, rows);
    await expectWalk(ctx, rows, MIXED_OTHER, 11);
  });

  it('keyset pages combine with where, and page sizes that divide the row count', async () => {
    const rows = pagingRows();
    await createRecords(ctx.adapter, rows);
    const where: Where = [
      { field: 'active', value: true },
      {
        or: [
          { field: 'rank', op: 'gte', value: 3 },
          { field: 'bucket', value: '北' },
        ],
      },
    ];
    const matching = rows.filter((row) => row['active'] === true && ((row['rank'] as number) >= 3 || row['bucket'] === '北'));
    await expectWalk(ctx, matching, MIXED, 4, where);
    await expectWalk(ctx, matching, MIXED, matching.length, where);
  });

  it('after a cursor between rows returns the rows strictly after it; after the last row returns nothing', async () => {
    const rows = pagingRows();
    await createRecords(ctx.adapter, rows);
    const sorted = referenceSort(rows, MIXED);
    const middle = sorted[100] as Row;
    const exact = cursorOf(middle, MIXED);
    const fromExact = await ctx.adapter.findMany({ model: RECORD, orderBy: MIXED, after: exact, limit: 5 });
    expect(ids(fromExact), 'after an existing row: strictly after it').toStrictEqual(ids(sorted.slice(101, 106)));
    // Same bucket and rank, a date no row has: the position falls between rows.
    const between: FieldValue[] = [
      middle['bucket'] ?? null,
      middle['rank'] ?? null,
      new Date(Date.UTC(2024, 0, 1, 9, 30)),
      'zzzz',
    ];
    const expected = sorted.filter((row) => compareCursors(cursorOf(row, MIXED), between, MIXED) > 0).slice(0, 5);
    expect(ids(await ctx.adapter.findMany({ model: RECORD, orderBy: MIXED, after: between, limit: 5 }))).toStrictEqual(
      ids(expected)
    );
    const last = sorted[sorted.length - 1] as Row;
    expect(await ctx.adapter.findMany({ model: RECORD, orderBy: MIXED, after: cursorOf(last, MIXED) })).toStrictEqual([]);
  });
}
