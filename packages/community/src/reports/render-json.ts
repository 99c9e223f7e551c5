import type { MonthlyReportData } from './report-types.js';

/**
 * The report data as indented JSON.
 *
 * @example
 * ```ts
 * JSON.parse(renderJson(data)).month; // '2026-01'
 * ```
 */
export function renderJson(data: MonthlyReportData): string {
  return JSON.stringify(data, null, 2);
}
