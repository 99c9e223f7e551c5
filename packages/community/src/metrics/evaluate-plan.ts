import type { aggregateRows } from '../storage/aggregate-rows.js';
import type { AggregateArgs, AggregateGroup, FieldValue, StorageAdapter, Where } from '../storage/types.js';
import type { MetricsConfig } from '../config/config-schema.js';
import { measurePlan, type MeasureQuery } from './measure-plan.js';
import type { MetricsCounts, MetricsDimension, MetricsDurations } from './metrics-types.js';
import type { MonthWindow } from './period.js';
import type { PluginMeasure } from './plugin-measure.js';

/** The request field each dimension groups by (`month` groups by window instead). */
export const dimensionFields: Record<Exclude<MetricsDimension, 'month'>, string> = {
  community: 'communityId',
  park: 'parkId',
  category: 'category',
  portfolio: 'portfolio',
  assignee: 'assigneeId',
  team: 'assigneeTeamId',
  channel: 'channel',
};

/** Where and how to evaluate: the storage, the conditions every query carries, and the path. */
export interface PlanSource {
  storage: StorageAdapter;
  /** Office, the actor's visibility scope and the query's filters. */
  base: Where;
  evaluation: 'database' | 'in_memory';
  /** The in-memory evaluation (passed in, so that this lazy chunk does not split the start bundle). */
  aggregateRows: typeof aggregateRows;
  /** The plugins' measures, counted beside the core's. */
  measures: readonly PluginMeasure[];
}

/** Counts and durations of one group before rates are derived. */
export interface GroupFigures {
  key: Partial<Record<MetricsDimension, string | null>>;
  counts: MetricsCounts;
  /** Plugins' measures by name. */
  measures: Record<string, number>;
  durations: MetricsDurations;
}

export function emptyCounts(): MetricsCounts {
  return {
    collected: 0, responseDue: 0, signedOnTime: 0, signed: 0, concluded: 0, resolved: 0, concludedWithDeadline: 0, concludedOnTime: 0,
    rated: 0, satisfied: 0, outOfScope: 0, withdrawn: 0, merged: 0, returned: 0, extended: 0, supervised: 0, backlog: 0, overdue: 0,
  };
}

function emptyFigures(key: GroupFigures['key'], measures: readonly PluginMeasure[]): GroupFigures {
  return {
    key,
    counts: emptyCounts(),
    measures: Object.fromEntries(measures.map((m) => [m.name, 0])),
    durations: { signFor: { p50: null, p90: null }, conclusion: { p50: null, p90: null } },
  };
}

/** Runs one query: in the database when it can aggregate, else over the fetched rows. */
async function runQuery(source: PlanSource, query: MeasureQuery, groupBy: readonly string[]): Promise<AggregateGroup[]> {
  const args: AggregateArgs = {
    model: 'request',
    where: [...source.base, ...query.where],
    groupBy,
    counts: Object.fromEntries([...Object.entries(query.counts ?? {}), ...Object.entries(query.measures ?? {})].map(([name, c]) => [name, c.where])),
    percentiles: Object.fromEntries(Object.entries(query.percentiles ?? {}).map(([name, p]) => [name, { field: p.field, permille: p.permille }])),
  };
  if (source.evaluation === 'database' && source.storage.aggregate) return source.storage.aggregate(args);
  const rows = await source.storage.findMany({ model: 'request', where: args.where ?? [] });
  return source.aggregateRows(rows, args);
}

function groupKeyText(values: readonly FieldValue[]): string {
  return JSON.stringify(values);
}

/** Adds one query's groups into `figures`, keyed by the grouping values (and the month). */
function fold(
  source: PlanSource,
  figures: Map<string, GroupFigures>,
  query: MeasureQuery,
  groups: AggregateGroup[],
  dims: readonly Exclude<MetricsDimension, 'month'>[],
  month: string | null,
): void {
  for (const group of groups) {
    const values = dims.map((dim) => (group.group[dimensionFields[dim]] ?? null) as string | null);
    const text = groupKeyText(month === null ? values : [...values, month]);
    let entry = figures.get(text);
    if (!entry) {
      const key: GroupFigures['key'] = Object.fromEntries(dims.map((dim, i) => [dim, values[i] ?? null]));
      if (month !== null) key.month = month;
      entry = emptyFigures(key, source.measures);
      figures.set(text, entry);
    }
    if (query.count) entry.counts[query.count] += group.count;
    for (const [name, spec] of Object.entries(query.counts ?? {})) entry.counts[spec.target] += group.counts[name] ?? 0;
    for (const [alias, spec] of Object.entries(query.measures ?? {})) entry.measures[spec.name] = (entry.measures[spec.name] ?? 0) + (group.counts[alias] ?? 0);
    for (const [name, spec] of Object.entries(query.percentiles ?? {})) {
      const [which, p] = spec.target.split('.') as ['signFor' | 'conclusion', 'p50' | 'p90'];
      entry.durations[which][p] = group.percentiles[name] ?? null;
    }
  }
}

/** Runs `queries` of one window and folds them in. */
async function runWindow(
  source: PlanSource,
  figures: Map<string, GroupFigures>,
  queries: readonly MeasureQuery[],
  dims: readonly Exclude<MetricsDimension, 'month'>[],
  month: string | null,
): Promise<void> {
  const fields = dims.map((dim) => dimensionFields[dim]);
  const results = await Promise.all(queries.map((query) => runQuery(source, query, fields)));
  queries.forEach((query, i) => fold(source, figures, query, results[i] ?? [], dims, month));
}

/**
 * Evaluates every measure over a period, broken down by `groupBy`, and the period's total.
 * Counts of a total are the sums of its groups (each request falls in exactly one group of a
 * query); percentiles, and with a month breakdown the end-of-period snapshot, are queried for
 * the total on their own, since they do not add up.
 */
export async function evaluatePlan(
  source: PlanSource,
  period: { start: Date; end: Date; months: readonly MonthWindow[] },
  asOf: Date,
  settings: MetricsConfig,
  groupBy: readonly MetricsDimension[],
): Promise<{ total: GroupFigures; rows: GroupFigures[] }> {
  const totalPlan = measurePlan(period.start, period.end, asOf, settings, source.measures);
  const total = new Map<string, GroupFigures>();
  if (groupBy.length === 0) {
    await runWindow(source, total, totalPlan, [], null);
    return { total: total.get(groupKeyText([])) ?? emptyFigures({}, source.measures), rows: [] };
  }
  const dims = groupBy.filter((d): d is Exclude<MetricsDimension, 'month'> => d !== 'month');
  const byMonth = groupBy.includes('month');
  const windows = byMonth ? period.months : [{ label: null, start: period.start, end: period.end }];
  const grouped = new Map<string, GroupFigures>();
  // A month breakdown shows every month of the period, even one with nothing in it.
  if (byMonth && dims.length === 0) for (const w of period.months) grouped.set(groupKeyText([w.label]), emptyFigures({ month: w.label }, source.measures));
  await Promise.all(windows.map((w) => runWindow(source, grouped, measurePlan(w.start, w.end, asOf, settings, source.measures), dims, w.label)));
  const separate = totalPlan.filter((q) => q.percentile === true || (byMonth && q.snapshot === true));
  await runWindow(source, total, separate, [], null);
  const sum = total.get(groupKeyText([])) ?? emptyFigures({}, source.measures);
  // Counts the separate queries already gave the total are not summed from the groups again.
  const counted = new Set(separate.flatMap((q) => [q.count, ...Object.values(q.counts ?? {}).map((c) => c.target)]));
  for (const figures of grouped.values()) {
    for (const [name, value] of Object.entries(figures.counts) as [keyof MetricsCounts, number][]) {
      if (!counted.has(name)) sum.counts[name] += value;
    }
    // Measures count events in the window, so, like those counts, each falls in one group.
    for (const [name, value] of Object.entries(figures.measures)) sum.measures[name] = (sum.measures[name] ?? 0) + value;
  }
  return { total: sum, rows: [...grouped.values()] };
}
