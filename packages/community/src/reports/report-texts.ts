import type { MetricsConfig } from '../config/config-schema.js';
import type { ReportLocale, ReportUnit } from './report-input.js';
import type { MonthlyReportData } from './report-types.js';
import { englishTexts } from './texts-en.js';
import { chineseTexts } from './texts-zh-cn.js';

/** The report data the texts are written from (everything but the texts themselves). */
export type ReportFacts = Omit<MonthlyReportData, 'texts'>;

/** The headers of the unit table, in table order. */
export interface ReportColumns {
  /** The rank by composite score. */
  rank: string;
  /** The unit's code. */
  code: string;
  /** Requests collected. */
  collected: string;
  /** Requests due for sign-for. */
  responseDue: string;
  /** Requests signed for on time. */
  signedOnTime: string;
  /** The response rate, in per cent. */
  response: string;
  /** Requests concluded. */
  concluded: string;
  /** Requests resolved. */
  resolved: string;
  /** The resolution rate, in per cent. */
  resolution: string;
  /** Requests rated at follow-up. */
  rated: string;
  /** Requests rated satisfied. */
  satisfied: string;
  /** The satisfaction rate, in per cent. */
  satisfaction: string;
  /** The on-time rate, in per cent. */
  onTime: string;
  /** The composite score. */
  composite: string;
  /** Open requests at month end. */
  backlog: string;
  /** Overdue open requests at month end. */
  overdue: string;
  /** The median time to sign for, in working hours. */
  signForP50: string;
  /** The median time to conclude, in working hours. */
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
  /** The locale the texts are in. */
  locale: ReportLocale;
  /** How the locale names a unit: `name` heads a column, `many` counts them. */
  unit(unit: ReportUnit): {
    /** The unit's name as a column header, e.g. `园区`, `Park`. */
    name: string;
    /** A count of units, e.g. `3 parks`. */
    many: (count: number) => string;
  };
  /** The report's title: what it covers and the month. */
  title(facts: ReportFacts): string;
  /** The opening paragraph: the month's and the cumulative counts, and the rates. */
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
    /** The headers that group the columns. */
    groups: {
      /** Over the request counts. */
      requests: string;
      /** Over the rates. */
      rates: string;
      /** Over the month-end figures. */
      monthEnd: string;
    };
    /** The rank column. */
    rank: string;
    /** Requests collected. */
    collected: string;
    /** Requests concluded. */
    concluded: string;
    /** Requests resolved. */
    resolved: string;
    /** The response rate. */
    response: string;
    /** The resolution rate. */
    resolution: string;
    /** The satisfaction rate. */
    satisfaction: string;
    /** The on-time rate. */
    onTime: string;
    /** The composite score. */
    composite: string;
    /** Open requests at month end. */
    backlog: string;
    /** Overdue open requests at month end. */
    overdue: string;
  };
  /** The label of the total row. */
  total: string;
  /** The short labels of the key figures. */
  kpis: {
    /** Requests collected. */
    collected: string;
    /** Requests concluded. */
    concluded: string;
    /** Requests resolved. */
    resolved: string;
    /** The response rate. */
    response: string;
    /** The resolution rate. */
    resolution: string;
    /** The satisfaction rate. */
    satisfaction: string;
    /** The on-time rate. */
    onTime: string;
    /** The composite score. */
    composite: string;
  };
  /** The charts' captions, legends and notes. */
  charts: {
    /** The caption of the by-month chart. */
    byMonth: string;
    /** The caption of the rates chart, by `unit`. */
    rates(unit: ReportUnit): string;
    /** The caption of the overdue chart, by `unit`. */
    overdue(unit: ReportUnit): string;
    /** The caption of the unit table. */
    table(unit: ReportUnit): string;
    /** The charts' series names. */
    legend: {
      /** Requests collected. */
      collected: string;
      /** Requests resolved. */
      resolved: string;
      /** The response rate. */
      response: string;
      /** The resolution rate. */
      resolution: string;
      /** The satisfaction rate. */
      satisfaction: string;
      /** Overdue open requests. */
      overdue: string;
    };
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
    /** Says that there are no figures by `unit` this month. */
    noUnits(unit: ReportUnit): string;
    /** Says that no unit had overdue open requests at month end. */
    noOverdue(unit: ReportUnit): string;
    /** Says how many more units with overdue requests the chart leaves out. */
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
