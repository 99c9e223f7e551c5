import { formatCount } from './format-figures.js';
import type { ReportTexts } from './report-texts.js';
import type { MonthlyReportData } from './report-types.js';
import { CHART_WIDTH, niceTicks, palette, svgFrame, svgLegend, svgLine, svgRect, svgText, textWidth } from './svg-kit.js';

const LEFT = 44;
const RIGHT = 8;
// The legend's band, then room for the value labels above the tallest bar.
const TOP = 56;
const PLOT_HEIGHT = 170;
const BOTTOM = 40;
const VALUE_SIZE = 10;

/**
 * Figure 1: requests collected and resolved in each month of the series, as pairs of
 * vertical bars with their values on top; months along the bottom, the year under its first
 * month and under each January.
 *
 * @example
 * ```ts
 * const svg = chartByMonth(data, reportTexts('zh-CN'));
 * ```
 */
export function chartByMonth(data: MonthlyReportData, texts: ReportTexts): string {
  const months = data.series.months;
  const plotWidth = CHART_WIDTH - LEFT - RIGHT;
  const max = Math.max(0, ...months.map((m) => Math.max(m.collected, m.resolved)));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const base = TOP + PLOT_HEIGHT;
  const y = (value: number): number => base - (value / top) * PLOT_HEIGHT;
  const slot = plotWidth / Math.max(1, months.length);
  const barWidth = Math.min(26, slot * 0.36);
  // Values sit level above their bars while they fit; in a long series they turn upright.
  const widest = Math.max(...months.map((m) => textWidth(formatCount(Math.max(m.collected, m.resolved), data.locale), VALUE_SIZE)), 0);
  const upright = widest > barWidth + 2;

  const parts: string[] = [svgLegend(LEFT, 14, [
    { label: texts.charts.legend.collected, color: palette.collected },
    { label: texts.charts.legend.resolved, color: palette.resolved },
  ])];
  for (const tick of ticks) {
    parts.push(svgLine(LEFT, y(tick), CHART_WIDTH - RIGHT, y(tick), tick === 0 ? palette.axis : palette.grid));
    parts.push(svgText(LEFT - 6, y(tick), formatCount(tick, data.locale), { size: 10, anchor: 'end', baseline: 'middle', fill: palette.muted }));
  }
  months.forEach((month, i) => {
    const centre = LEFT + slot * (i + 0.5);
    const bars = [
      { value: month.collected, x: centre - barWidth - 1, color: palette.collected },
      { value: month.resolved, x: centre + 1, color: palette.resolved },
    ];
    for (const bar of bars) {
      parts.push(svgRect(bar.x, y(bar.value), barWidth, base - y(bar.value), bar.color));
      const label = formatCount(bar.value, data.locale);
      parts.push(
        upright
          ? svgText(bar.x + barWidth / 2, y(bar.value) - 3, label, { size: VALUE_SIZE, rotate: -90, baseline: 'middle', fill: palette.text })
          : svgText(bar.x + barWidth / 2, y(bar.value) - 3, label, { size: VALUE_SIZE, anchor: 'middle', fill: palette.text }),
      );
    }
    parts.push(svgText(centre, base + 15, texts.charts.monthTick(month.month), { size: 11, anchor: 'middle', fill: palette.text }));
    if (i === 0 || month.month.endsWith('-01')) {
      parts.push(svgText(centre, base + 31, texts.charts.yearTick(Number(month.month.slice(0, 4))), { size: 10, anchor: 'middle', fill: palette.muted }));
    }
  });
  return svgFrame('chart-by-month', texts.charts.byMonth, TOP + PLOT_HEIGHT + BOTTOM, parts.join(''));
}
