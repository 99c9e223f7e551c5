import type { MonthlyReportInput } from './report-input.js';
import type { MonthlyReport } from './report-types.js';

/**
 * Reports a street office prints or sends on: the monthly report ranks its units on the
 * three rates (三率) and the composite score, with the office's one-line summary, the
 * cumulative figures and charts.
 *
 * @example
 * ```ts
 * const report = await session.reports.monthly({ month: '2026-01', unit: 'park', format: 'html' });
 * await writeFile(report.filename, report.body);
 * console.log(report.data.texts.headline);
 * // 2026年1月，梦创社区共收集企业需求38条，办结35条，解决32个；…
 * ```
 */
export interface ReportsApi {
  /**
   * The monthly report over the requests you may see: the month's figures and its units
   * ranked by composite score, the cumulative figures since `since`, the months before, and
   * the definitions in force; rendered as JSON, CSV (UTF-8 with a BOM), Markdown or one
   * self-contained printable HTML file. Bad input is VALIDATION_FAILED, naming each field.
   */
  monthly(input: MonthlyReportInput): Promise<MonthlyReport>;
}
