import { expect, it } from 'vitest';
import { at, createRecords, record, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';
import { expectGroups, group } from './aggregate-expect.js';
import { aggregateArgumentCases } from './aggregate-arguments.js';
import { aggregateMeasureCases } from './aggregate-measures.js';
import { aggregatePropertyCases } from './aggregate-property.js';

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

/**
 * aggregate(): counts grouped by fields, conditional counts and nearest-rank percentiles;
 * runs only when capabilities.aggregate is true.
 */
export function aggregateCases(ctx: ConformanceContext): void {
  it('counts rows grouped by one field', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['bucket'] }, [
      group({ bucket: 'x' }, 3),
      group({ bucket: '北' }, 2),
      group({ bucket: 'y' }, 1),
    ]);
  });

  it('counts rows grouped by two fields', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['bucket', 'active'] }, [
      group({ bucket: 'x', active: true }, 2),
      group({ bucket: 'x', active: false }, 1),
      group({ bucket: '北', active: true }, 2),
      group({ bucket: 'y', active: false }, 1),
    ]);
  });

  it('applies where before grouping, and returns no groups when nothing matches', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['bucket'], where: [{ field: 'active', value: true }] }, [
      group({ bucket: 'x' }, 2),
      group({ bucket: '北' }, 2),
    ]);
    await expectGroups(ctx, { groupBy: ['bucket'], where: [{ field: 'bucket', value: 'none' }] }, []);
  });

  it('puts all nulls of a field in one group', async () => {
    await createRecords(ctx.adapter, ROWS);
    await expectGroups(ctx, { groupBy: ['flagged'] }, [
      group({ flagged: true }, 2),
      group({ flagged: false }, 1),
      group({ flagged: null }, 3),
    ]);
  });

  it('returns date group values as Date objects', async () => {
    await createRecords(ctx.adapter, ROWS);
    const groups = (await ctx.adapter.aggregate?.({ model: RECORD, groupBy: ['at'] })) ?? [];
    for (const g of groups) expect(g.group['at'], 'a grouped date field comes back as a Date').toBeInstanceOf(Date);
    const counts = groups.map((g) => [(g.group['at'] as Date).toISOString(), g.count]).sort();
    expect(counts).toStrictEqual([
      [DAY_1.toISOString(), 3],
      [DAY_2.toISOString(), 3],
    ]);
  });

  aggregateMeasureCases(ctx);
  aggregateArgumentCases(ctx);
  aggregatePropertyCases(ctx);
}
