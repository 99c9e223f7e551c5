import { expect, it } from 'vitest';
import fc from 'fast-check';
import {
  aggregateRows,
  matchesWhere,
  type AggregateArgs,
  type AggregatePercentile,
  type FieldValue,
  type Row,
  type Where,
  type WhereCondition,
} from '@kechuang/community';
import { at, record, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';
import { normaliseGroups } from './aggregate-expect.js';

// Few distinct values per field, so that groups, ties and nulls are common.
const BUCKETS = ['a', 'b', 'B', '北', 'a b'] as const;
const NUMBERS = [-7, -0.5, 0, 1, 2, 2.5, 3, 10, 100, 1e6] as const;
const DATES = [at('2024-05-01T00:00:00.000Z'), at('2024-05-01T00:00:00.001Z'), at('2025-01-27T09:30:00.000Z')] as const;
const NOTES = ['n', 'note', 'North'] as const;

const bucket = fc.constantFrom(...BUCKETS);
const number = fc.constantFrom(...NUMBERS);
const date = fc.constantFrom(...DATES);

const rowFields = fc.record({
  bucket,
  note: fc.option(fc.constantFrom(...NOTES), { nil: null }),
  amount: number,
  score: fc.option(number, { nil: null }),
  active: fc.boolean(),
  flagged: fc.option(fc.boolean(), { nil: null }),
  at: date,
  due: fc.option(date, { nil: null }),
  rank: fc.integer({ min: -3, max: 3 }),
});

const rows = fc.array(rowFields, { maxLength: 40 }).map((list) => list.map((fields, i): Row => record(`p${String(i).padStart(2, '0')}`, fields)));

const ordered = (field: string, value: fc.Arbitrary<FieldValue>): fc.Arbitrary<WhereCondition> =>
  fc.record({ field: fc.constant(field), op: fc.constantFrom('eq', 'ne', 'lt', 'lte', 'gt', 'gte'), value });
const listed = (field: string, value: fc.Arbitrary<FieldValue>): fc.Arbitrary<WhereCondition> =>
  fc.record({ field: fc.constant(field), op: fc.constantFrom('in', 'not_in'), value: fc.array(value, { maxLength: 3 }) });
const nullness = (field: string): fc.Arbitrary<WhereCondition> => fc.record({ field: fc.constant(field), op: fc.constantFrom('is_null', 'is_not_null') });

const condition: fc.Arbitrary<WhereCondition> = fc.oneof(
  ordered('bucket', bucket),
  listed('bucket', bucket),
  fc.record({ field: fc.constant('bucket'), op: fc.constantFrom('contains', 'starts_with'), value: fc.constantFrom('a', 'B', '北', ' ') }),
  ordered('score', number),
  listed('score', number),
  nullness('score'),
  ordered('amount', number),
  fc.record({ field: fc.constantFrom('active', 'flagged'), value: fc.boolean() }),
  nullness('flagged'),
  ordered('at', date),
  ordered('due', date),
  nullness('note'),
  fc.record({ field: fc.constant('note'), op: fc.constantFrom('eq', 'ne'), value: fc.constantFrom(...NOTES) })
);

const where: fc.Arbitrary<Where> = fc.array(fc.oneof({ weight: 3, arbitrary: condition }, { weight: 1, arbitrary: fc.record({ or: fc.array(condition, { maxLength: 3 }) }) }), {
  maxLength: 3,
});

const percentile: fc.Arbitrary<AggregatePercentile> = fc.record({
  field: fc.constantFrom('score', 'amount', 'rank'),
  permille: fc.oneof(fc.constantFrom(1, 500, 900, 999, 1000), fc.integer({ min: 1, max: 1000 })),
});

const named = <T>(prefix: string, value: fc.Arbitrary<T>): fc.Arbitrary<Record<string, T>> =>
  fc.array(value, { maxLength: 3 }).map((items) => Object.fromEntries(items.map((item, i) => [`${prefix}${i}`, item])));

const args: fc.Arbitrary<Omit<AggregateArgs, 'model'>> = fc.record({
  where,
  groupBy: fc.subarray(['bucket', 'flagged', 'active', 'due', 'note', 'score'], { maxLength: 2 }),
  counts: named('c', where),
  percentiles: named('p', percentile),
});

/** Random rows and random aggregates: the adapter agrees with the contract's reference, `aggregateRows`. */
export function aggregatePropertyCases(ctx: ConformanceContext): void {
  it('agrees with aggregateRows over the matching rows, for random rows and arguments', { timeout: 120_000 }, async () => {
    const adapter = ctx.adapter;
    await fc.assert(
      fc.asyncProperty(rows, fc.array(args, { minLength: 1, maxLength: 4 }), async (data, queries) => {
        await adapter.delete({ model: RECORD, where: [] });
        if (data.length > 0) {
          if (adapter.createMany) await adapter.createMany({ model: RECORD, data });
          else for (const row of data) await adapter.create({ model: RECORD, data: row });
        }
        for (const query of queries) {
          const actual = (await adapter.aggregate?.({ model: RECORD, ...query })) ?? [];
          const expected = aggregateRows(
            data.filter((row) => matchesWhere(row, query.where ?? [])),
            query
          );
          expect(normaliseGroups(actual), `aggregate ${JSON.stringify(query)} over ${JSON.stringify(data)}`).toStrictEqual(normaliseGroups(expected));
        }
      }),
      { numRuns: 60, seed: 20250301 }
    );
  });
}
