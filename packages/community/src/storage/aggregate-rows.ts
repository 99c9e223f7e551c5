import { cloneFieldValue } from './clone-row.js';
import { compileWhere } from './evaluate-where.js';
import { valuesKey } from './memory-table.js';
import type { AggregateArgs, AggregateGroup, FieldValue, Row } from './types.js';

interface Accumulator {
  values: FieldValue[];
  count: number;
  counts: Record<string, number>;
  samples: Record<string, number[]>;
}

/**
 * The nearest-rank percentile of `sorted` (ascending): the value at 1-based position
 * ⌈n × permille / 1000⌉, in integer arithmetic so that SQL and JavaScript agree; null when empty.
 *
 * @example
 * ```ts
 * nearestRank([1, 2, 3, 4], 500); // 2
 * nearestRank([1, 2, 3, 4], 900); // 4
 * ```
 */
export function nearestRank(sorted: readonly number[], permille: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.floor((n * permille + 999) / 1000);
  return sorted[rank - 1] ?? null;
}

/**
 * {@link StorageOperations.aggregate} over rows already filtered by `args.where`: what the
 * in-memory adapter does, and what the core computes from `findMany` rows when an adapter
 * cannot aggregate. Arguments are assumed checked (`checkAggregate`).
 */
export function aggregateRows(rows: Iterable<Row>, args: Pick<AggregateArgs, 'groupBy' | 'counts' | 'percentiles'>): AggregateGroup[] {
  const { groupBy } = args;
  const conditions = Object.entries(args.counts ?? {}).map(([name, where]) => ({ name, matches: compileWhere(where) }));
  const percentiles = Object.entries(args.percentiles ?? {});
  const fresh = (values: FieldValue[]): Accumulator => ({
    values,
    count: 0,
    counts: Object.fromEntries(conditions.map(({ name }) => [name, 0])),
    samples: Object.fromEntries(percentiles.map(([name]) => [name, []])),
  });
  const groups = new Map<string, Accumulator>();
  // Like SQL `SELECT count(*)` without GROUP BY: one group, even over no rows.
  if (groupBy.length === 0) groups.set('[]', fresh([]));
  for (const row of rows) {
    const values = groupBy.map((field) => row[field] ?? null);
    const key = valuesKey(values);
    let entry = groups.get(key);
    if (!entry) {
      entry = fresh(values);
      groups.set(key, entry);
    }
    entry.count += 1;
    for (const { name, matches } of conditions) if (matches(row)) entry.counts[name] = (entry.counts[name] ?? 0) + 1;
    for (const [name, { field }] of percentiles) {
      const value = row[field];
      if (typeof value === 'number') entry.samples[name]?.push(value);
    }
  }
  return [...groups.values()].map((entry) => ({
    group: Object.fromEntries(groupBy.map((field, i) => [field, cloneFieldValue(entry.values[i] ?? null)])),
    count: entry.count,
    counts: entry.counts,
    percentiles: Object.fromEntries(
      percentiles.map(([name, { permille }]) => [name, nearestRank((entry.samples[name] ?? []).sort((a, b) => a - b), permille)]),
    ),
  }));
}
