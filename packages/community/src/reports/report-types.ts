import type { MetricsConfig } from '../config/config-schema.js';
import type { MetricsCounts, MetricsDurations, MetricsRates } from '../metrics/metrics-types.js';
import type { ReportFormat, ReportLocale, ReportUnit } from './report-input.js';

/** A name in both report languages. */
export interface ReportName {
  'zh-CN': string;
  en: string;
}

/**
 * The figures of the whole office or of one unit for the report month, as metrics defines
 * them: rates are fractions from 0 to 1 (null without anything to count), durations are
 * working milliseconds.
 */
export interface ReportFigures {
  counts: MetricsCounts;
  rates: MetricsRates;
  durations: MetricsDurations;
}

/**
 * One unit (park, team, …) of the ranking.
 *
 * @example
 * ```ts
 * const first: ReportUnitRow = report.data.units[0]!;
 * console.log(first.rank, first.code, first.name['zh-CN'], first.rates.composite);
 * ```
 */
export interface ReportUnitRow extends ReportFigures {
  /** 1 for the best composite score; null for a unit with no rate to score. */
  rank: number | null;
  /** The unit's id or code as metrics keys it; null for requests that have none. */
  id: string | null;
  /** The unit's stable code (park `P01`, category `legal`), where it has one. */
  code: string | null;
  name: ReportName;
}

/** One month of the by-month series. */
export interface ReportSeriesMonth {
  /** `YYYY-MM`. */
  month: string;
  /** Collected (收集) in the month, as metrics counts it. */
  collected: number;
  /** Concluded in the month. */
  concluded: number;
  /** Concluded in the month as solved or explained. */
  resolved: number;
}

/**
 * Everything a monthly report says, JSON-serialisable: what each rendering is drawn from.
 *
 * @example
 * ```ts
 * const { data } = await session.reports.monthly({ month: '2026-01' });
 * console.log(data.texts.headline);
 * console.log(data.total.counts.collected, data.cumulative.resolved);
 * ```
 */
export interface MonthlyReportData {
  report: 'monthly';
  /** The month reported on, `YYYY-MM`. */
  month: string;
  /** The dimension the units are ranked by. */
  unit: ReportUnit;
  locale: ReportLocale;
  officeId: string;
  /** Who the report is about: the office's name, and its community's when it has only one. */
  subject: { office: string | null; community: string | null };
  /** The report month's first and last days, in the office's time zone. */
  period: { from: string; to: string; timeZone: string };
  /** The moment the figures describe (ISO 8601). */
  asOf: string;
  /** When the report was made (ISO 8601). */
  generatedAt: string;
  /** The definitions in force: whether 基本满意 counts as satisfied, the composite weights. */
  settings: MetricsConfig;
  /** Where the figures were computed. */
  evaluation: 'database' | 'in_memory';
  /** The whole office (as far as the reader may see) in the report month. */
  total: ReportFigures;
  /** The units of the month, best composite score first; ties go to the lower unit code. */
  units: ReportUnitRow[];
  /** The cumulative figures (累计) from `from` to the end of the report month. */
  cumulative: { from: string; to: string; collected: number; concluded: number; resolved: number };
  /**
   * Month by month from `from` (the first month clipped to it) to the report month; at most
   * {@link MAX_SERIES_MONTHS} months, `capped` when `since` lies further back.
   */
  series: { from: string; to: string; capped: boolean; months: ReportSeriesMonth[] };
  /** The report's own texts in its locale. */
  texts: { title: string; headline: string; definitions: string };
}

/**
 * A rendered monthly report.
 *
 * @example
 * ```ts
 * const report = await session.reports.monthly({ month: '2026-01', format: 'csv' });
 * response.headers.set('content-type', report.contentType);
 * response.headers.set('content-disposition', `attachment; filename="${report.filename}"`);
 * ```
 */
export interface MonthlyReport {
  format: ReportFormat;
  /** The media type of `body`, with its charset. */
  contentType: string;
  /** An ASCII file name for a download, e.g. `monthly-report-2026-01-park.zh-CN.csv`. */
  filename: string;
  /** The rendering; a CSV starts with a byte order mark so that spreadsheet programs read it as UTF-8. */
  body: string;
  data: MonthlyReportData;
}

/** The most months the by-month series shows. */
export const MAX_SERIES_MONTHS = 24;
