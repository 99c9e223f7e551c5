import { it } from 'vitest';
import type { AggregatePercentile, Row } from '@kechuang/community';
import { at, createRecords, record, shuffled, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';
import { expectGroups, group } from './aggregate-expect.js';

const DAY_1 = at('2024-05-01T00:00:00.000Z');
const DAY_2 = at('2024-05-02T00:00:00.000Z');

// Scores per bucket, nulls among them; `rank` is each row's position in its list and `amount`
// twice that, so percentiles of other fields have known answers too. Several values would
// sort differently as text (-20 < -3.5 < 0 < 2 < 9 < 10 < 100), and none equals its rank.
const SCORES: Record<string, readonly (number | null)[]> = {
  n0: [null, null],
  n1: [42, null, null],
  n2: [7, null, 3, null],
  n3: [30, null, 10, 20, null],
  n10: [100, -3.5, 25000, null, 0, 11, -20, 9, 1000, 2, null, 10],
  n11: [3, 0.5, 5.5, null, 1, 4.5, 2, 1.5, null, 5, 2.5, 3.5, 4],
  tie: [4, 8, 4, 4],
};

function scoreRows(): Row[] {
  const rows = Object.entries(SCORES).flatMap(([bucket, scores]) =>
    scores.map((score, i) => record(`${bucket}-${String(i).padStart(2, '0')}`, { bucket, score, rank: i, amount: i * 2 }))
  );
  return shuffled(rows, 11);
}

const FOUR: Record<string, AggregatePercentile> = {
  p1: { field: 'score', permille: 1 },
  p50: { field: 'score', permille: 500 },
  p90: { field: 'score', permille: 900 },
  p100: { field: 'score', permille: 1000 },
};

/** Hand-computed: position ⌈n × permille / 1000⌉ among the non-null scores, ascending. */
const FOUR_EXPECTED: Record<string, { count: number; percentiles: Record<string, number | null> }> = {
  n0: { count: 2, percentiles: { p1: null, p50: null, p90: null, p100: null } },
  n1: { count: 3, percentiles: { p1: 42, p50: 42, p90: 42, p100: 42 } },
  n2: { count: 4, percentiles: { p1: 3, p50: 3, p90: 7, p100: 7 } },
  n3: { count: 5, percentiles: { p1: 10, p50: 20, p90: 30, p100: 30 } },
  n10: { count: 12, percentiles: { p1: -20, p50: 9, p90: 1000, p100: 25000 } },
  n11: { count: 13, percentiles: { p1: 0.5, p50: 3, p90: 5, p100: 5.5 } },
  tie: { count: 4, percentiles: { p1: 4, p50: 4, p90: 8, p100: 8 } },
};

// For the conditional counts: three flagged groups (true, false, null) with nulls in note and score.
const COUNT_ROWS: Row[] = [
  record('c1', { bucket: 'x', active: true, flagged: true, note: 'n', score: 5, at: DAY_1 }),
  record('c2', { bucket: 'x', active: true, flagged: null, note: null, score: null, at: DAY_2 }),
  record('c3', { bucket: 'x', active: false, flagged: false, note: 'n', score: 15, at: DAY_2 }),
  record('c4', { bucket: 'y', active: true, flagged: null, note: null, score: 25, at: DAY_1 }),
  record('c5', { bucket: 'y', active: false, flagged: true, note: 'm', score: null, at: DAY_2 }),
];

const COUNTS = {
  all: [],
  active: [{ field: 'active', value: true }],
  flaggedOrNoNote: [{ or: [{ field: 'flagged', value: true }, { field: 'note', op: 'is_null' }] }],
  activeHigh: [
    { field: 'active', value: true },
    { field: 'score', op: 'gte', value: 10 },
  ],
  notY: [{ field: 'bucket', op: 'not_in', value: ['y'] }],
  titleC1: [{ field: 'title', op: 'contains', value: 'c1' }],
  recent: [{ field: 'at', op: 'gte', value: DAY_2 }],
  emptyIn: [{ field: 'id', op: 'in', value: [] }],
  emptyOr: [{ or: [] }],
} as const;

/** Conditional counts and nearest-rank percentiles, computed by hand. */
export function aggregateMeasureCases(ctx: ConformanceContext): void {
  it('gives nearest-rank percentiles per group, skipping nulls (n = 0, 1, 2, 3, 10, 11; permille 1, 500, 900, 1000)', async () => {
    await createRecords(ctx.adapter, scoreRows());
    await expectGroups(
      ctx,
      { groupBy: ['bucket'], percentiles: FOUR },
      Object.entries(FOUR_EXPECTED).map(([bucket, { count, percentiles }]) => group({ bucket }, count, {}, percentiles))
    );
  });

  it('shares one field among several percentiles and mixes fields, after where', async () => {
    await createRecords(ctx.adapter, scoreRows());
    await expectGroups(
      ctx,
      {
        groupBy: ['bucket'],
        where: [{ field: 'bucket', op: 'in', value: ['n10', 'n11'] }],
        percentiles: {
          low: { field: 'score', permille: 1 },
          mid: { field: 'score', permille: 500 },
          rankMid: { field: 'rank', permille: 500 },
          amountTop: { field: 'amount', permille: 1000 },
          amountLow: { field: 'amount', permille: 1 },
        },
      },
      [
        // 12 ranks 0…11: position ⌈12 × 0.5⌉ = 6 holds 5; 13 ranks 0…12: position ⌈6.5⌉ = 7 holds 6.
        group({ bucket: 'n10' }, 12, {}, { low: -20, mid: 9, rankMid: 5, amountTop: 22, amountLow: 0 }),
        group({ bucket: 'n11' }, 13, {}, { low: 0.5, mid: 3, rankMid: 6, amountTop: 24, amountLow: 0 }),
      ]
    );
  });

  it('lands on the exact integer rank where a float fraction would not (n = 100, permille 70 is position 7)', async () => {
    // 0.07 × 100 is 7.000000000000001 in floating point, whose ceiling is 8; ⌈100 × 70 / 1000⌉ is 7.
    const rows = Array.from({ length: 100 }, (_, i) => record(`f${String(i).padStart(3, '0')}`, { bucket: 'f', score: (i + 1) * 10 }));
    await createRecords(ctx.adapter, shuffled(rows, 3));
    await expectGroups(
      ctx,
      {
        groupBy: ['bucket'],
        percentiles: { p70: { field: 'score', permille: 70 }, p10: { field: 'score', permille: 10 }, p999: { field: 'score', permille: 999 } },
      },
      [group({ bucket: 'f' }, 100, {}, { p70: 70, p10: 10, p999: 1000 })]
    );
  });

  it('without groupBy gives one group over the selection, even when nothing matches', async () => {
    await createRecords(ctx.adapter, scoreRows());
    const p50 = { p50: { field: 'score', permille: 500 } };
    await expectGroups(ctx, { groupBy: [], where: [{ field: 'bucket', value: 'n3' }], percentiles: p50 }, [group({}, 5, {}, { p50: 20 })]);
    await expectGroups(ctx, { groupBy: [], where: [{ field: 'bucket', value: 'n0' }], percentiles: p50 }, [group({}, 2, {}, { p50: null })]);
    await expectGroups(ctx, { groupBy: [], where: [{ field: 'bucket', value: 'none' }], counts: { all: [] }, percentiles: p50 }, [
      group({}, 0, { all: 0 }, { p50: null }),
    ]);
    // 43 rows, 31 of them with a score: position ⌈31 × 0.9⌉ = 28 of the ascending scores holds 42.
    await expectGroups(ctx, { groupBy: [], percentiles: { p90: { field: 'score', permille: 900 } } }, [group({}, 43, {}, { p90: 42 })]);
  });

  it('over an empty table: one group without groupBy, none with it', async () => {
    const args = { counts: { all: [], active: COUNTS.active }, percentiles: { p50: { field: 'score', permille: 500 } } };
    await expectGroups(ctx, { groupBy: [], ...args }, [group({}, 0, { all: 0, active: 0 }, { p50: null })]);
    await expectGroups(ctx, { groupBy: ['bucket'], ...args }, []);
  });

  it('counts the rows of each group matching each condition: empty where, OR groups, nulls, empty lists', async () => {
    await createRecords(ctx.adapter, COUNT_ROWS);
    const none = { emptyIn: 0, emptyOr: 0 };
    await expectGroups(ctx, { groupBy: ['flagged'], counts: COUNTS }, [
      group({ flagged: true }, 2, { all: 2, active: 1, flaggedOrNoNote: 2, activeHigh: 0, notY: 1, titleC1: 1, recent: 1, ...none }),
      group({ flagged: false }, 1, { all: 1, active: 0, flaggedOrNoNote: 0, activeHigh: 0, notY: 1, titleC1: 0, recent: 1, ...none }),
      group({ flagged: null }, 2, { all: 2, active: 2, flaggedOrNoNote: 2, activeHigh: 1, notY: 1, titleC1: 0, recent: 1, ...none }),
    ]);
    await expectGroups(ctx, { groupBy: [], where: [{ field: 'active', value: true }], counts: COUNTS }, [
      group({}, 3, { all: 3, active: 3, flaggedOrNoNote: 3, activeHigh: 1, notY: 2, titleC1: 1, recent: 1, ...none }),
    ]);
  });

  it('combines counts and percentiles in one call, with null group values', async () => {
    await createRecords(ctx.adapter, COUNT_ROWS);
    await expectGroups(
      ctx,
      {
        groupBy: ['flagged', 'bucket'],
        counts: { active: COUNTS.active },
        percentiles: { p50: { field: 'score', permille: 500 }, p100: { field: 'score', permille: 1000 } },
      },
      [
        group({ flagged: true, bucket: 'x' }, 1, { active: 1 }, { p50: 5, p100: 5 }),
        group({ flagged: true, bucket: 'y' }, 1, { active: 0 }, { p50: null, p100: null }),
        group({ flagged: false, bucket: 'x' }, 1, { active: 0 }, { p50: 15, p100: 15 }),
        group({ flagged: null, bucket: 'x' }, 1, { active: 1 }, { p50: null, p100: null }),
        group({ flagged: null, bucket: 'y' }, 1, { active: 1 }, { p50: 25, p100: 25 }),
      ]
    );
  });

  it('aggregates inside a transaction, seeing its own uncommitted rows', async () => {
    if (!ctx.capabilities.transactions) return;
    await createRecords(ctx.adapter, COUNT_ROWS);
    await ctx.adapter.transaction(async (tx) => {
      await tx.create({ model: RECORD, data: record('c6', { bucket: 'x', active: true, flagged: null, score: 35 }) });
      await expectGroups(
        ctx,
        { groupBy: ['bucket'], counts: { active: COUNTS.active }, percentiles: { p90: { field: 'score', permille: 900 } } },
        [group({ bucket: 'x' }, 4, { active: 3 }, { p90: 35 }), group({ bucket: 'y' }, 2, { active: 1 }, { p90: 25 })],
        tx
      );
    });
  });
}
