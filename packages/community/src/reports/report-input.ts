import { z } from 'zod';
import { addMonths, daysInMonth, lastDayOf, monthsBetween } from './report-months.js';

/** The dimensions a monthly report can rank. */
export const reportUnits = ['community', 'park', 'portfolio', 'category', 'assignee', 'team', 'channel'] as const;
/**
 * A dimension a monthly report ranks, e.g. `park`.
 *
 * @useDeclaredType
 */
export type ReportUnit = (typeof reportUnits)[number];

/** The languages a report is written in. */
export const reportLocales = ['zh-CN', 'en'] as const;
/**
 * `zh-CN` or `en`.
 *
 * @useDeclaredType
 */
export type ReportLocale = (typeof reportLocales)[number];

/** What a report is rendered as. */
export const reportFormats = ['json', 'csv', 'markdown', 'html'] as const;
/**
 * `json`, `csv`, `markdown` or `html`.
 *
 * @useDeclaredType
 */
export type ReportFormat = (typeof reportFormats)[number];

/**
 * The longest stretch the cumulative figures may cover, in months; the metrics behind them
 * refuse longer periods.
 */
export const MAX_CUMULATIVE_MONTHS = 120;

const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use a month like 2026-01');
const dayText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'use a date like 2026-01-01');

/**
 * Input of `session.reports.monthly()` (and `community.reports.monthly()`, with `officeId`).
 *
 * @example
 * ```ts
 * monthlyReportInput.parse({ month: '2026-01' });
 * // { month: '2026-01', unit: 'park', locale: 'zh-CN', format: 'json' }
 * ```
 */
export const monthlyReportInput = z
  .strictObject({
    /** The month reported on, `YYYY-MM`. */
    month: monthText,
    /** The dimension the units are ranked by. @default 'park' */
    unit: z.enum(reportUnits).default('park'),
    /** The language of the texts and headers. @default 'zh-CN' */
    locale: z.enum(reportLocales).default('zh-CN'),
    /** What `body` holds. @default 'json' */
    format: z.enum(reportFormats).default('json'),
    /**
     * The first day of the cumulative figures (累计) and of the by-month chart, `YYYY-MM-DD`;
     * not after the month's last day. @default the 1st of January of the report's year
     */
    since: dayText.optional(),
    /** The moment the figures describe. @default now */
    asOf: z.coerce.date().optional(),
  })
  .superRefine((input, ctx) => {
    if (input.since === undefined) return;
    const [y, m, d] = input.since.split('-').map(Number) as [number, number, number];
    if (d > daysInMonth(y, m)) {
      ctx.addIssue({ code: 'custom', path: ['since'], message: `${input.since} is not a calendar date; use a real date such as ${input.since.slice(0, 8)}01` });
      return;
    }
    const monthEnd = lastDayOf(input.month);
    if (input.since > monthEnd) {
      ctx.addIssue({ code: 'custom', path: ['since'], message: `must not be after the report month's last day (${monthEnd}); use e.g. ${input.month.slice(0, 4)}-01-01` });
      return;
    }
    const span = monthsBetween(input.since.slice(0, 7), input.month) + 1;
    if (span > MAX_CUMULATIVE_MONTHS) {
      ctx.addIssue({
        code: 'custom',
        path: ['since'],
        message: `reaches ${span} months back; use a date no earlier than ${addMonths(input.month, 1 - MAX_CUMULATIVE_MONTHS)}-01`,
      });
    }
  });

/**
 * The input of a monthly report as a caller writes it.
 *
 * @useDeclaredType
 */
export type MonthlyReportInput = z.input<typeof monthlyReportInput>;
/**
 * The input of a monthly report with its defaults applied.
 *
 * @useDeclaredType
 */
export type MonthlyReportOptions = z.output<typeof monthlyReportInput>;
