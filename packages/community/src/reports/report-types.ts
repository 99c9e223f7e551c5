import type { MetricsConfig } from '../config/config-schema.js';
import type { MetricsCounts, MetricsDurations, MetricsRates } from '../metrics/metrics-types.js';
import type { ReportFormat, ReportLocale, ReportUnit } from './report-input.js';

/** A name in both report languages. */
export interface ReportName {
  /** The Chinese name. */
  'zh-CN': string;
  /** The English name. */
  en: string;
}

/**
 * The figures of the whole office or of one unit for the report month, as metrics defines
 * them: rates are fractions from 0 to 1 (null without anything to count), durations are
 * working milliseconds.
 */
export interface ReportFigures {
  /** The counts behind the rates. */
  counts: MetricsCounts;
  /** The rates, as fractions from 0 to 1. */
  rates: MetricsRates;
  /** Percentiles of working time, in milliseconds. */
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
  /** The unit's name in both languages. */
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
  /** Always `monthly`. */
  report: 'monthly';
  /** The month reported on, `YYYY-MM`. */
  month: string;
  /** The dimension the units are ranked by. */
  unit: ReportUnit;
  /** The language of the texts. */
  locale: ReportLocale;
  /** The office reported on. */
  officeId: string;
  /** Who the report is about: the office's name, and its community's when it has only one. */
  subject: {
    /** The office's name, or null when it is not known. */
    office: string | null;
    /** The community's name when the office has exactly one, else null. */
    community: string | null;
  };
  /** The report month's first and last days, in the office's time zone. */
  period: {
    /** The first day, `YYYY-MM-DD`. */
    from: string;
    /** The last day, `YYYY-MM-DD`. */
    to: string;
    /** The office's IANA time zone. */
    timeZone: string;
  };
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
  cumulative: {
    /** The first day counted, `YYYY-MM-DD`. */
    from: string;
    /** The last day counted, `YYYY-MM-DD`: the report month's last. */
    to: string;
    /** Requests collected since `from`. */
    collected: number;
    /** Requests concluded since `from`. */
    concluded: number;
    /** Requests resolved since `from`. */
    resolved: number;
  };
  /**
   * Month by month from `from` (the first month clipped to it) to the report month; at most
   * 24 months (`MAX_SERIES_MONTHS`), `capped` when `since` lies further back.
   */
  series: {
    /** The first day of the series, `YYYY-MM-DD`. */
    from: string;
    /** The last day of the series, `YYYY-MM-DD`. */
    to: string;
    /** Whether months before the series were left out. */
    capped: boolean;
    /** The months, oldest first. */
    months: ReportSeriesMonth[];
  };
  /** The report's own texts in its locale. */
  texts: {
    /** The title. */
    title: string;
    /** The opening paragraph. */
    headline: string;
    /** The footnote on the definitions in force. */
    definitions: string;
  };
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
  /** The format asked for: `json`, `csv`, `markdown` or `html`. */
  format: ReportFormat;
  /** The media type of `body`, with its charset. */
  contentType: string;
  /** An ASCII file name for a download, e.g. `monthly-report-2026-01-park.zh-CN.csv`. */
  filename: string;
  /** The rendering; a CSV starts with a byte order mark so that spreadsheet programs read it as UTF-8. */
  body: string;
  /** Everything the report says, whatever the format. */
  data: MonthlyReportData;
}

/** The most months the by-month series shows. */
export const MAX_SERIES_MONTHS = 24;
