import type { MetricsConfig } from '../config/config-schema.js';
import type { ReportLocale, ReportUnit } from './report-input.js';
import type { MonthlyReportData } from './report-types.js';
import { englishTexts } from './texts-en.js';
import { chineseTexts } from './texts-zh-cn.js';

/** The report data the texts are written from (everything but the texts themselves). */
export type ReportFacts = Omit<MonthlyReportData, 'texts'>;

/** The headers of the unit table, in table order. */
export interface ReportColumns {
  rank: string;
  code: string;
  collected: string;
  responseDue: string;
  signedOnTime: string;
  response: string;
  concluded: string;
  resolved: string;
  resolution: string;
  rated: string;
  satisfied: string;
  satisfaction: string;
  onTime: string;
  composite: string;
  backlog: string;
  overdue: string;
  signForP50: string;
  conclusionP50: string;
}

/**
 * Every word a monthly report prints, in one locale. Renderers take numbers from the data
 * and words from here, so a new language is one more implementation of this interface.
 *
 * @example
 * ```ts
 * const texts = reportTexts('zh-CN');
 * texts.unit('park').name; // '园区'
 * texts.headline(facts);   // '2026年1月，梦创社区共收集企业需求38条，…'
 * ```
 */
export interface ReportTexts {
  locale: ReportLocale;
  /** How the locale names a unit: `name` heads a column, `many` counts them. */
  unit(unit: ReportUnit): { name: string; many: (count: number) => string };
  title(facts: ReportFacts): string;
  headline(facts: ReportFacts): string;
  /** The footnote on the definitions in force. */
  definitions(facts: ReportFacts): string;
  /** The period, the moment the figures describe and when the report was made. */
  periodLine(facts: ReportFacts): string;
  /** Headers of the unit table; the percentage ones say that they are in per cent. */
  columns: ReportColumns;
  /**
   * The printed table's two header rows: groups over short column names. The English names
   * carry soft hyphens where a narrow column may break them.
   */
  table: {
    groups: { requests: string; rates: string; monthEnd: string };
    rank: string;
    collected: string;
    concluded: string;
    resolved: string;
    response: string;
    resolution: string;
    satisfaction: string;
    onTime: string;
    composite: string;
    backlog: string;
    overdue: string;
  };
  /** The label of the total row. */
  total: string;
  /** The short labels of the key figures. */
  kpis: { collected: string; concluded: string; resolved: string; response: string; resolution: string; satisfaction: string; onTime: string; composite: string };
  charts: {
    byMonth: string;
    rates(unit: ReportUnit): string;
    overdue(unit: ReportUnit): string;
    table(unit: ReportUnit): string;
    legend: { collected: string; resolved: string; response: string; resolution: string; satisfaction: string; overdue: string };
    /** A month on the time axis: `3月`, `Mar`. */
    monthTick(month: string): string;
    /** The year under its first month on the axis: `2025年`, `2025`. */
    yearTick(year: number): string;
    /** Says that the by-month chart shows only the last months while the cumulative figures reach further back. */
    seriesCapped(months: number, since: string): string;
    /** Says which units the rates chart shows when it cannot show them all. */
    ratesSubset(unit: ReportUnit, shown: { top: number; bottom: number; ranked: number }): string;
    /** Says how many units have no rate and are left out of the rates chart. */
    ratesUnranked(unit: ReportUnit, count: number): string;
    /** Marks the units left out between the top and the bottom of the rates chart. */
    ratesGap(unit: ReportUnit, count: number): string;
    noUnits(unit: ReportUnit): string;
    noOverdue(unit: ReportUnit): string;
    overdueMore(unit: ReportUnit, count: number): string;
  };
}

/**
 * The composite weights as shares of 100, as the footnote prints them: 30/35/35 and
 * 0.3/0.35/0.35 both give `['30', '35', '35']`.
 *
 * @example
 * ```ts
 * weightShares({ response: 1, resolution: 1, satisfaction: 2 }); // ['25', '25', '50']
 * ```
 */
export function weightShares(weights: MetricsConfig['weights']): [string, string, string] {
  const sum = weights.response + weights.resolution + weights.satisfaction;
  const share = (w: number): string => String(Math.round((w / sum) * 1000) / 10);
  return [share(weights.response), share(weights.resolution), share(weights.satisfaction)];
}

/**
 * The texts of a locale.
 *
 * @example
 * ```ts
 * reportTexts('en').total; // 'Total'
 * ```
 */
export function reportTexts(locale: ReportLocale): ReportTexts {
  return locale === 'en' ? englishTexts : chineseTexts;
}
