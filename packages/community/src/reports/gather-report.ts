import type { MetricsQueryInput } from '../metrics/metrics-input.js';
import type { MetricsResult, MetricsRow } from '../metrics/metrics-types.js';
import type { MonthlyReportOptions } from './report-input.js';
import { addMonths, lastDayOf, monthsBetween } from './report-months.js';
import { rankUnits } from './rank-units.js';
import type { ReportSubject } from './report-subject.js';
import { reportTexts, type ReportFacts } from './report-texts.js';
import { MAX_SERIES_MONTHS, type MonthlyReportData, type ReportFigures, type ReportSeriesMonth } from './report-types.js';

/** Where a report's figures and names come from; the session wires them to its own APIs. */
export interface ReportSources {
  /** The session's `metrics.query`, so that the report sees what the reader may see. */
  metrics(input: MetricsQueryInput): Promise<MetricsResult>;
  /** The names to head the report with. */
  subject(): Promise<ReportSubject>;
  /** The clock: when the report is made, and the default `asOf`. */
  now(): Date;
}

const figures = (row: MetricsRow): ReportFigures => ({ counts: row.counts, rates: row.rates, durations: row.durations });

const seriesMonth = (row: MetricsRow): ReportSeriesMonth => ({
  month: row.key.month ?? '',
  collected: row.counts.collected,
  concluded: row.counts.concluded,
  resolved: row.counts.resolved,
});

/**
 * Gathers what a monthly report says: the month by unit, the cumulative figures since
 * `since`, the by-month series (the last {@link MAX_SERIES_MONTHS} months at most) and the
 * texts. Every query is taken at one `asOf`, so the figures agree with each other.
 *
 * @example
 * ```ts
 * const data = await gatherMonthlyReport(sources, monthlyReportInput.parse({ month: '2026-01' }));
 * data.units[0]?.rank; // 1
 * ```
 */
export async function gatherMonthlyReport(sources: ReportSources, options: MonthlyReportOptions): Promise<MonthlyReportData> {
  const generatedAt = sources.now();
  const asOf = options.asOf ?? generatedAt;
  const to = lastDayOf(options.month);
  const since = options.since ?? `${options.month.slice(0, 4)}-01-01`;
  const seriesStart = monthsBetween(since.slice(0, 7), options.month) < MAX_SERIES_MONTHS ? since : `${addMonths(options.month, 1 - MAX_SERIES_MONTHS)}-01`;

  const monthQuery = sources.metrics({ period: { month: options.month }, groupBy: [options.unit], asOf });
  // The series' total is the cumulative figure when both start on the same day: one query.
  const seriesQuery = sources.metrics({ period: { from: seriesStart, to }, groupBy: ['month'], asOf });
  const cumulativeQuery = seriesStart === since ? seriesQuery : sources.metrics({ period: { from: since, to }, asOf });
  const [month, series, cumulative, subject] = await Promise.all([monthQuery, seriesQuery, cumulativeQuery, sources.subject()]);

  const facts: ReportFacts = {
    report: 'monthly',
    month: options.month,
    unit: options.unit,
    locale: options.locale,
    officeId: month.officeId,
    subject,
    period: { from: month.period.from, to: month.period.to, timeZone: month.period.timeZone },
    asOf: month.asOf.toISOString(),
    generatedAt: generatedAt.toISOString(),
    settings: month.settings,
    evaluation: month.evaluation,
    total: figures(month.total),
    units: rankUnits(month.rows, options.unit),
    cumulative: { from: since, to, collected: cumulative.total.counts.collected, concluded: cumulative.total.counts.concluded, resolved: cumulative.total.counts.resolved },
    series: { from: seriesStart, to, capped: seriesStart !== since, months: series.rows.map(seriesMonth) },
  };
  const texts = reportTexts(options.locale);
  return { ...facts, texts: { title: texts.title(facts), headline: texts.headline(facts), definitions: texts.definitions(facts) } };
}
