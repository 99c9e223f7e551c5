import type { MetricsConfig } from '../config/config-schema.js';
import type { AggregatePercentile, Where } from '../storage/types.js';
import type { MetricsCounts } from './metrics-types.js';
import type { PluginMeasure } from './plugin-measure.js';

/** Which part of a result a query feeds. */
type Target = keyof MetricsCounts | 'signFor.p50' | 'signFor.p90' | 'conclusion.p50' | 'conclusion.p90';

/**
 * One aggregate query of a measure plan: its own time window on its own event field, and where
 * each of its figures goes. Figures of several queries naming the same target add up (the
 * backlog is counted in two index-friendly halves).
 */
export interface MeasureQuery {
  name: string;
  where: Where;
  /** Where the query's row count goes. */
  count: keyof MetricsCounts | null;
  counts?: Record<string, { where: Where; target: keyof MetricsCounts }>;
  /** Conditional counts that feed plugins' measures: alias → the measure's name and condition. */
  measures?: Record<string, { name: string; where: Where }>;
  percentiles?: Record<string, AggregatePercentile & { target: Target }>;
  /** A state at the end of the window rather than events inside it. */
  snapshot?: boolean;
  /** Percentiles cannot be summed over groups: the total runs this query on its own. */
  percentile?: boolean;
}

const CONCLUDED = ['solved', 'explained', 'unsolvable'];
const RESOLVED = ['solved', 'explained'];

const within = (field: string, start: Date, end: Date): Where => [
  { field, op: 'gte', value: start },
  { field, op: 'lt', value: end },
];

/**
 * The queries behind every measure of a window `[start, end)`, as of `asOf` (events after it
 * are not counted, and the snapshot is taken at the earlier of `end` and `asOf`). Each query
 * ranges over one indexed event field, so that it reads only the window's rows.
 */
export function measurePlan(start: Date, end: Date, asOf: Date, settings: MetricsConfig, measures: readonly PluginMeasure[] = []): MeasureQuery[] {
  const until = end.getTime() < asOf.getTime() ? end : asOf;
  const closed: Where = [{ field: 'status', value: 'closed' }];
  const concluded: Where = [...closed, { field: 'outcome', op: 'in', value: CONCLUDED }];
  const satisfied = settings.basicallySatisfiedCounts ? ['satisfied', 'basically_satisfied'] : ['satisfied'];
  const open: Where = [{ field: 'createdAt', op: 'lt', value: until }];
  const overdue: Where = [
    { field: 'resolveDueAt', op: 'lt', value: until },
    { or: [{ field: 'repliedAt', op: 'is_null' }, { field: 'repliedAt', op: 'gte', value: until }] },
    { or: [{ field: 'pausedAt', op: 'is_null' }, { field: 'pausedAt', op: 'gte', value: until }] },
  ];
  return [
    { name: 'collected', where: within('createdAt', start, until), count: 'collected' },
    {
      name: 'response',
      where: within('respondSettledAt', start, until),
      count: 'responseDue',
      counts: { onTime: { where: [{ field: 'respondOnTime', value: true }], target: 'signedOnTime' } },
    },
    {
      name: 'signed',
      where: within('respondedAt', start, until),
      count: 'signed',
      percentile: true,
      percentiles: {
        p50: { field: 'respondWorkMs', permille: 500, target: 'signFor.p50' },
        p90: { field: 'respondWorkMs', permille: 900, target: 'signFor.p90' },
      },
    },
    {
      name: 'ended',
      where: within('closedAt', start, until),
      count: null,
      counts: {
        concluded: { where: concluded, target: 'concluded' },
        resolved: { where: [...closed, { field: 'outcome', op: 'in', value: RESOLVED }], target: 'resolved' },
        timed: { where: [...concluded, { field: 'replyOnTime', op: 'is_not_null' }], target: 'concludedWithDeadline' },
        onTime: { where: [...concluded, { field: 'replyOnTime', value: true }], target: 'concludedOnTime' },
        rated: { where: [...closed, { field: 'satisfaction', op: 'is_not_null' }], target: 'rated' },
        satisfied: { where: [...closed, { field: 'satisfaction', op: 'in', value: satisfied }], target: 'satisfied' },
        outOfScope: { where: [...closed, { field: 'outcome', value: 'out_of_scope' }], target: 'outOfScope' },
        withdrawn: { where: [{ field: 'status', value: 'withdrawn' }], target: 'withdrawn' },
        merged: { where: [{ field: 'status', value: 'merged' }], target: 'merged' },
      },
    },
    {
      name: 'conclusion',
      where: [...within('closedAt', start, until), ...concluded],
      count: null,
      percentile: true,
      percentiles: {
        p50: { field: 'concludeWorkMs', permille: 500, target: 'conclusion.p50' },
        p90: { field: 'concludeWorkMs', permille: 900, target: 'conclusion.p90' },
      },
    },
    { name: 'returned', where: within('firstReturnedAt', start, until), count: 'returned' },
    { name: 'extended', where: within('extendedAt', start, until), count: 'extended' },
    { name: 'supervised', where: within('supervisedAt', start, until), count: 'supervised' },
    // Open at `until`: still open now, or closed since. Two halves, each on an index.
    {
      name: 'open-now',
      where: [{ field: 'closedAt', op: 'is_null' }, ...open],
      count: 'backlog',
      counts: { overdue: { where: overdue, target: 'overdue' } },
      snapshot: true,
    },
    {
      name: 'open-then',
      where: [{ field: 'closedAt', op: 'gte', value: until }, ...open],
      count: 'backlog',
      counts: { overdue: { where: overdue, target: 'overdue' } },
      snapshot: true,
    },
    ...pluginMeasureQueries(measures, start, until),
  ];
}

/**
 * Plugins' measures, one query per date field they count by: measures on the same field share
 * its window and differ only in their conditional counts. Counts are aliased `m0`, `m1` …, as
 * measure names (`urgent.closed`) are no column names.
 */
function pluginMeasureQueries(measures: readonly PluginMeasure[], start: Date, until: Date): MeasureQuery[] {
  const byField = new Map<string, MeasureQuery & { measures: NonNullable<MeasureQuery['measures']> }>();
  measures.forEach((measure, i) => {
    let query = byField.get(measure.field);
    if (!query) {
      query = { name: `measures:${measure.field}`, where: within(measure.field, start, until), count: null, measures: {} };
      byField.set(measure.field, query);
    }
    query.measures[`m${i}`] = { name: measure.name, where: measure.where ?? [] };
  });
  return [...byField.values()];
}

export type { Target as MeasureTarget };
