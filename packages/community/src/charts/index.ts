/**
 * `@kechuang/community/charts`: the monthly report's SVG charts and figure formatting, for a
 * console or page that draws the same figures the printed report shows. Platform-neutral and
 * free of runtime dependencies, so it runs in a browser bundle.
 *
 * @example
 * ```ts
 * import { chartByMonth, reportTexts } from '@kechuang/community/charts';
 * const data = await (await fetch('/api/reports/monthly?month=2026-02&format=json')).json();
 * element.innerHTML = chartByMonth(data, reportTexts('zh-CN'));
 * ```
 *
 * @module @kechuang/community/charts
 */
export { chartByMonth } from '../reports/chart-by-month.js';
export { chartOverdueByUnit } from '../reports/chart-overdue-by-unit.js';
export { chartRatesByUnit } from '../reports/chart-rates-by-unit.js';
export { reportTexts, type ReportTexts, type ReportColumns, type ReportFacts } from '../reports/report-texts.js';
export { formatPercent, percentNumber, scoreNumber, hoursNumber, formatCount, formatMonth, NO_DATA } from '../reports/format-figures.js';
export type { MonthlyReportData, ReportFigures, ReportUnitRow, ReportSeriesMonth, ReportName } from '../reports/report-types.js';
export type { ReportLocale, ReportUnit } from '../reports/report-input.js';
