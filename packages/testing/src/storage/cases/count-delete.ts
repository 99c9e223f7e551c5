import { expect, it } from 'vitest';
import { createRecords, record, sortedIds, type ConformanceContext } from '../conformance-helpers.js';
import { ACCOUNT, RECORD } from '../conformance-schema.js';

const ROWS = [
  record('c1', { bucket: 'x', amount: 1 }),
  record('c2', { bucket: 'x', amount: 2 }),
  record('c3', { bucket: 'y', amount: 3, note: 'n' }),
  record('c4', { bucket: 'z', amount: 4 }),
];

/** count and delete, with and without where. */
export function countDeleteCases(ctx: ConformanceContext): void {
  it('count is 0 for an empty model', async () => {
    expect(await ctx.adapter.count({ model: ACCOUNT })).toBe(0);
    expect(await ctx.adapter.count({ model: RECORD, where: [{ field: 'bucket', value: 'x' }] })).toBe(0);
  });

  it('count counts every row without where and the matching rows with it', async () => {
    await createRecords(ctx.adapter, ROWS);
    expect(await ctx.adapter.count({ model: RECORD })).toBe(4);
    expect(await ctx.adapter.count({ model: RECORD, where: [] })).toBe(4);
    expect(await ctx.adapter.count({ model: RECORD, where: [{ field: 'bucket', value: 'x' }] })).toBe(2);
    expect(
      await ctx.adapter.count({
        model: RECORD,
        where: [
          {
            or: [
              { field: 'amount', op: 'gt', value: 3 },
              { field: 'note', op: 'is_not_null' },
            ],
          },
        ],
      })
    ).toBe(2);
    expect(await ctx.adapter.count({ model: ACCOUNT }), 'rows of one model never count towards another').toBe(0);
  });

  it('delete removes exactly the matching rows and returns how many', async () => {
    await createRecords(ctx.adapter, ROWS);
    expect(await ctx.adapter.delete({ model: RECORD, where: [{ field: 'bucket', value: 'x' }] })).toBe(2);
    expect(sortedIds(await ctx.adapter.findMany({ model: RECORD }))).toStrictEqual(['c3', 'c4']);
  });

  it('delete with OR groups and null conditions', async () => {
    await createRecords(ctx.adapter, ROWS);
    const removed = await ctx.adapter.delete({
      model: RECORD,
      where: [
        {
          or: [
            { field: 'note', op: 'is_not_null' },
            { field: 'amount', value: 1 },
          ],
        },
      ],
    });
    expect(removed).toBe(2);
    expect(sortedIds(await ctx.adapter.findMany({ model: RECORD }))).toStrictEqual(['c2', 'c4']);
  });

  it('delete returns 0 when nothing matches', async () => {
    await createRecords(ctx.adapter, ROWS);
    expect(await ctx.adapter.delete({ model: RECORD, where: [{ field: 'bucket', value: 'none' }] })).toBe(0);
    expect(await ctx.adapter.delete({ model: RECORD, where: [{ field: 'id', op: 'in', value: [] }] })).toBe(0);
    expect(await ctx.adapter.count({ model: RECORD })).toBe(4);
  });

  it('delete with an empty where removes every row of that model only', async () => {
    await createRecords(ctx.adapter, ROWS);
    expect(await ctx.adapter.delete({ model: RECORD, where: [] })).toBe(4);
    expect(await ctx.adapter.count({ model: RECORD })).toBe(0);
  });
}
