import { formatCount } from './format-figures.js';
import type { ReportTexts } from './report-texts.js';
import type { MonthlyReportData, ReportUnitRow } from './report-types.js';
import { CHART_WIDTH, fitText, niceTicks, palette, svgFrame, svgLine, svgRect, svgText } from './svg-kit.js';

/** The most units the overdue chart lists; the rest are counted in a note. */
export const OVERDUE_CHART_MAX = 15;

const NAME_X = 8;
const PLOT_X = 184;
const VALUE_ROOM = 36;
const TOP = 8;
const ROW = 22;
const BAR = 14;
const AXIS_ROOM = 24;

/** The units with overdue requests, most first (ties in ranking order), and how many more there are. */
export function overdueChartUnits(units: readonly ReportUnitRow[]): { shown: ReportUnitRow[]; more: number } {
  const overdue = units.filter((u) => u.counts.overdue > 0).sort((a, b) => b.counts.overdue - a.counts.overdue);
  return { shown: overdue.slice(0, OVERDUE_CHART_MAX), more: Math.max(0, overdue.length - OVERDUE_CHART_MAX) };
}

/**
 * Figure 3: requests open and past their deadline at the end of the month, by unit, as
 * horizontal bars with their counts; only units that have any. Without any, the chart says
 * so in words instead of drawing an empty axis.
 *
 * @example
 * ```ts
 * const svg = chartOverdueByUnit(data, reportTexts('zh-CN'));
 * ```
 */
export function chartOverdueByUnit(data: MonthlyReportData, texts: ReportTexts): string {
  const { shown } = overdueChartUnits(data.units);
  const title = texts.charts.overdue(data.unit);
  if (shown.length === 0) {
    return svgFrame('chart-overdue-by-unit', title, 40, svgText(CHART_WIDTH / 2, 20, texts.charts.noOverdue(data.unit), { size: 12, anchor: 'middle', baseline: 'middle', fill: palette.text }));
  }
  const ticks = niceTicks(shown[0]?.counts.overdue ?? 1);
  const max = ticks[ticks.length - 1] ?? 1;
  const plotWidth = CHART_WIDTH - PLOT_X - VALUE_ROOM;
  const x = (value: number): number => PLOT_X + (value / max) * plotWidth;
  const plotHeight = shown.length * ROW;
  const parts: string[] = [];
  for (const tick of ticks) {
    parts.push(svgLine(x(tick), TOP, x(tick), TOP + plotHeight, tick === 0 ? palette.axis : palette.grid));
    parts.push(svgText(x(tick), TOP + plotHeight + 15, formatCount(tick, data.locale), { size: 10, anchor: 'middle', fill: palette.muted }));
  }
  shown.forEach((unit, i) => {
    const centre = TOP + i * ROW + ROW / 2;
    parts.push(svgText(NAME_X, centre, fitText(unit.name[data.locale], PLOT_X - NAME_X - 8, 11), { size: 11, baseline: 'middle', fill: palette.text }));
    parts.push(svgRect(PLOT_X, centre - BAR / 2, x(unit.counts.overdue) - PLOT_X, BAR, palette.overdue));
    parts.push(svgText(x(unit.counts.overdue) + 4, centre, formatCount(unit.counts.overdue, data.locale), { size: 10, baseline: 'middle', fill: palette.text }));
  });
  return svgFrame('chart-overdue-by-unit', title, TOP + plotHeight + AXIS_ROOM, parts.join(''));
}
