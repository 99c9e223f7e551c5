import { expect } from 'vitest';
import type { AggregateArgs, AggregateGroup, FieldValue, Row, StorageOperations } from '@kechuang/community';
import type { ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

function comparable(value: FieldValue | undefined): unknown {
  return value instanceof Date ? { date: value.toISOString() } : value;
}

function sortedEntries<T>(record: Readonly<Record<string, T>> | undefined, map: (value: T) => unknown): [string, unknown][] {
  return Object.entries(record ?? {})
    .map(([key, value]): [string, unknown] => [key, map(value)])
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Groups as a sorted list of canonical strings: the contract leaves group order open, and a
 * missing `counts` or `percentiles` entry must show up as a difference, not as undefined.
 */
export function normaliseGroups(groups: readonly AggregateGroup[]): string[] {
  return groups
    .map((g) =>
      JSON.stringify({
        group: sortedEntries(g.group, comparable),
        count: g.count,
        counts: sortedEntries(g.counts, (n) => n),
        percentiles: sortedEntries(g.percentiles, (p) => p),
      })
    )
    .sort();
}

/** An expected group; counts and percentiles default to none asked for. */
export function group(values: Row, count: number, counts: Record<string, number> = {}, percentiles: Record<string, number | null> = {}): AggregateGroup {
  return { group: values, count, counts, percentiles };
}

/** Runs `aggregate` on `kit_record` (through `ops`, the adapter by default) and compares groups as a set. */
export async function expectGroups(
  ctx: ConformanceContext,
  args: Omit<AggregateArgs, 'model'>,
  expected: readonly AggregateGroup[],
  ops: StorageOperations = ctx.adapter
): Promise<void> {
  expect(ops.aggregate, 'capabilities.aggregate is true but aggregate() is missing').toBeTypeOf('function');
  const groups = (await ops.aggregate?.({ model: RECORD, ...args })) ?? [];
  for (const g of groups) {
    for (const value of Object.values(g.percentiles ?? {})) {
      expect(value === null || typeof value === 'number', `percentiles come back as numbers or null (got ${String(value)})`).toBe(true);
    }
  }
  expect(normaliseGroups(groups), `aggregate ${JSON.stringify(args)}`).toStrictEqual(normaliseGroups(expected));
}
