import type { MetricsConfig } from '../config/config-schema.js';
import type { MetricsMeasure } from './plugin-measure.js';

/** What metrics can be broken down by. */
export const metricsDimensions = ['community', 'park', 'category', 'portfolio', 'assignee', 'team', 'channel', 'month'] as const;
/**
 * A dimension metrics can be grouped by.
 *
 * @useDeclaredType
 */
export type MetricsDimension = (typeof metricsDimensions)[number];

/** A value's display name in both locales, and its code where it has one (park `P01`, category `legal`). */
export interface MetricsLabel {
  /** The value's code, or null where it has none (a member, a month). */
  code: string | null;
  /** The Chinese name. */
  'zh-CN': string;
  /** The English name. */
  en: string;
}

/**
 * The counts behind the rates, each counted in the period its event falls in (docs/metrics.md
 * defines every one, with its edge cases).
 */
export interface MetricsCounts {
  /** 收集: submitted in the period, merged duplicates included (each was a demand received). */
  collected: number;
  /** Responses settled in the period: signed for by the respond deadline, or the deadline passed. */
  responseDue: number;
  /** Of `responseDue`, signed for (签收) by the respond deadline. */
  signedOnTime: number;
  /** Signed for in the period (the base of the time-to-sign-for percentiles). */
  signed: number;
  /** 办结: closed with `solved`, `explained` or `unsolvable` (not `out_of_scope`, withdrawn or merged). */
  concluded: number;
  /** Of `concluded`, with `solved` or `explained`. */
  resolved: number;
  /** Of `concluded`, with a resolve deadline. */
  concludedWithDeadline: number;
  /** Of `concludedWithDeadline`, replied to by that deadline (an approved extension counts). */
  concludedOnTime: number;
  /** Closed with a rating (out-of-scope requests included). */
  rated: number;
  /** Of `rated`: `satisfied`, plus `basically_satisfied` unless the office says otherwise. */
  satisfied: number;
  /** Closed as `out_of_scope` (不属于受理范围). */
  outOfScope: number;
  /** Withdrawn in the period. */
  withdrawn: number;
  /** Merged into another request in the period. */
  merged: number;
  /** First returned (退单) in the period. */
  returned: number;
  /** First granted an extension (延期) in the period. */
  extended: number;
  /** First supervised (督办) in the period. */
  supervised: number;
  /** Open at the end of the period (or now, if sooner): collected and not yet closed, withdrawn or merged. */
  backlog: number;
  /** Of `backlog`, past the resolve deadline without a reply and not paused. */
  overdue: number;
}

/** Rates as fractions from 0 to 1; null where nothing was there to count. */
export interface MetricsRates {
  /** 响应率: signedOnTime ÷ responseDue. */
  response: number | null;
  /** 解决率: resolved ÷ concluded. */
  resolution: number | null;
  /** 满意率: satisfied ÷ rated. */
  satisfaction: number | null;
  /** 按时办结率: concludedOnTime ÷ concludedWithDeadline. */
  onTime: number | null;
  /**
   * The weighted score of the three rates (default 30/35/35). A rate that is null leaves the
   * score, and the other weights count in proportion; null when all three are null.
   */
  composite: number | null;
}

/** Nearest-rank percentiles of working time in milliseconds (office hours only); null without data. */
export interface MetricsDurations {
  /** From assignment to sign-for, over requests signed for in the period. */
  signFor: {
    /** The median. */
    p50: number | null;
    /** The 90th percentile. */
    p90: number | null;
  };
  /** From submission to conclusion, over requests concluded in the period. */
  conclusion: {
    /** The median. */
    p50: number | null;
    /** The 90th percentile. */
    p90: number | null;
  };
}

/** The figures of one group (or of everything, in {@link MetricsResult.total}). */
export interface MetricsRow {
  /**
   * The group's value for each dimension: an id (community, park, assignee, team), a code
   * (category, portfolio, channel) or a month `YYYY-MM`; null where the request has none.
   */
  key: Partial<Record<MetricsDimension, string | null>>;
  /** The display names of the group's values, by dimension. */
  labels: Partial<Record<MetricsDimension, MetricsLabel>>;
  /** The counts behind the rates. */
  counts: MetricsCounts;
  /**
   * The plugins' measures by name (`<plugin-id>.<name>`), counted like `counts`: each request
   * in the period its measure's date falls in. Empty without plugin measures.
   */
  measures: Record<string, number>;
  /** The rates, as fractions from 0 to 1. */
  rates: MetricsRates;
  /** Percentiles of working time, in milliseconds. */
  durations: MetricsDurations;
}

/** The period a result covers, in the office's time zone. */
export interface MetricsPeriod {
  /** Which kind of period was asked for. */
  kind: 'month' | 'quarter' | 'year' | 'range';
  /** `2026-01`, `2026-Q1`, `2025` or `2025-03-01..2026-02-28`. */
  label: string;
  /** The first and last calendar days, inclusive (YYYY-MM-DD). */
  from: string;
  /** The last calendar day, inclusive (YYYY-MM-DD). */
  to: string;
  /** The first instant in the period and the first after it. */
  start: Date;
  /** The first instant after the period. */
  end: Date;
  /** The office's IANA time zone the days are counted in. */
  timeZone: string;
}

/** What {@link MetricsApi.query} returns. */
export interface MetricsResult {
  /** The office the figures are of. */
  officeId: string;
  /** The period counted. */
  period: MetricsPeriod;
  /** The moment the figures describe: events after it are not counted. */
  asOf: Date;
  /** The dimensions the rows are grouped by, as asked. */
  groupBy: MetricsDimension[];
  /** The definitions in force (the office's `metrics` config with defaults applied). */
  settings: MetricsConfig;
  /** Where the figures were computed: in the database (`aggregate`) or from fetched rows. */
  evaluation: 'database' | 'in_memory';
  /** The plugins' measures in force, by name, with their labels: what `measures` of each row counts. */
  measures: Record<string, MetricsMeasure>;
  /** Everything in the period taken together. */
  total: MetricsRow;
  /** One row per group, ordered by the dimensions' codes or names; empty without `groupBy`. */
  rows: MetricsRow[];
}
