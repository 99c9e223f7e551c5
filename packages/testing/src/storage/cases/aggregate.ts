import { expect, it } from 'vitest';
import type { AggregateArgs, Row } from '@kechuang/community';
import { at, createRecords, record, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

const DAY_1 = at('2024-05-01T00:00:00.000Z');
const DAY_2 = at('2024-05-02T00:00:00.000Z');

const ROWS = [
  record('a1', { bucket: 'x', active: true, flagged: true, at: DAY_1 }),
  record('a2', { bucket: 'x', active: true, flagged: null, at: DAY_1 }),
  record('a3', { bucket: 'x', active: false, flagged: false, at: DAY_2 }),
  record('a4', { bucket: '北', active: true, flagged: null, at: DAY_2 }),
  record('a5', { bucket: '北', active: true, flagged: true, at: DAY_2 }),
  record('a6', { bucket: 'y', active: false, flagged: null, at: DAY_1 }),
];

type Group = { group: Row; count: number };

// Group order is unspecified, so compare as sorted lists with dates made comparable.
function normalise(groups: readonly Group[]): string[] {
  return groups.map(({ group, count }) => JSON.stringify({ group: Object.entries(group).sort(), count })).sort();
}

async function expectGroups(
  ctx: ConformanceContext,
  args: Omit<AggregateArgs, 'model'>,
  expected: readonly Group[]
): Promise<void> {
  const aggregate = ctx.adapter.aggregate;
  expect(aggregate, 'capabilities.aggregate is true but aggregate() is missing').toBeTypeOf('function');
  const groups = await ctx.adapter.aggregate?.({ model: RECORD, ...args });
  expect(normalise(groups ?? []), `aggregate ${JSON.stringify(args)}`).toStrictEqual(normalise(expected));
}

/** aggregate(): counts grouped by fields; runs only when capabilities.aggregate is true. */
export function aggregateCases(ctx: ConformanceContext): void {
  it('counts rows grouped by one field', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['bucket'] }, [
      { group: { bucket: 'x' }, count: 3 },
      { group: { bucket: '北' }, count: 2 },
      { group: { bucket: 'y' }, count: 1 },
    ]);
  });

  it('counts rows grouped by two fields', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['bucket', 'active'] }, [
      { group: { bucket: 'x', active: true }, count: 2 },
      { group: { bucket: 'x', active: false }, count: 1 },
      { group: { bucket: '北', active: true }, count: 2 },
      { group: { bucket: 'y', active: false }, count: 1 },
    ]);
  });

  it('applies where before grouping, and returns no groups when nothing matches', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['bucket'], where: [{ field: 'active', value: true }] }, [
      { group: { bucket: 'x' }, count: 2 },
      { group: { bucket: '北' }, count: 2 },
    ]);
    await expectGroups(ctx, { groupBy: ['bucket'], where: [{ field: 'bucket', value: 'none' }] }, []);
  });

  it('puts all nulls of a field in one group', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['flagged'] }, [
      { group: { flagged: true }, count: 2 },
      { group: { flagged: false }, count: 1 },
      { group: { flagged: null }, count: 3 },
    ]);
  });

  it('returns date group values as Date objects', async () => {
    await createRecords(ctx.adapter, ROWS);
    const groups = (await ctx.adapter.aggregate?.({ model: RECORD, groupBy: ['at'] })) ?? [];
    for (const { group } of groups) expect(group['at'], 'a grouped date field comes back as a Date').toBeInstanceOf(Date);
    const counts = groups.map(({ group, count }) => [(group['at'] as Date).toISOString(), count]).sort();
    expect(counts).toStrictEqual([
      [DAY_1.toISOString(), 3],
      [DAY_2.toISOString(), 3],
    ]);
  });
}
