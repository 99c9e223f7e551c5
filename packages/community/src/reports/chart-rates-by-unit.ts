import { formatPercent } from './format-figures.js';
import type { ReportTexts } from './report-texts.js';
import type { MonthlyReportData, ReportUnitRow } from './report-types.js';
import { CHART_WIDTH, fitText, palette, svgFrame, svgLegend, svgLine, svgRect, svgText } from './svg-kit.js';

/**
 * Up to this many units the chart shows them all; beyond it, the best and the worst
 * {@link RATES_CHART_EDGE} each. Twenty groups of three bars fill about two thirds of an A4
 * page at a readable size; the full ranking is in the table.
 */
export const RATES_CHART_ALL = 20;
/** How many units from each end of the ranking the chart shows when there are too many. */
export const RATES_CHART_EDGE = 10;

const RANK_X = 24;
const NAME_X = 30;
const PLOT_X = 184;
const VALUE_ROOM = 42;
const TOP = 30;
const BAR = 9;
const BAR_PITCH = 10;
const GROUP_PITCH = 3 * BAR_PITCH + 6;
const GAP_ROW = 28;
const AXIS_ROOM = 24;

/** Which units the rates chart shows, and how many it leaves out in the middle. */
export function ratesChartUnits(units: readonly ReportUnitRow[]): { top: ReportUnitRow[]; bottom: ReportUnitRow[]; omitted: number; ranked: number } {
  const ranked = units.filter((u) => u.rank !== null);
  if (ranked.length <= RATES_CHART_ALL) return { top: ranked, bottom: [], omitted: 0, ranked: ranked.length };
  return { top: ranked.slice(0, RATES_CHART_EDGE), bottom: ranked.slice(-RATES_CHART_EDGE), omitted: ranked.length - 2 * RATES_CHART_EDGE, ranked: ranked.length };
}

/**
 * Figure 2: the response, resolution and satisfaction rates of each unit as groups of three
 * horizontal bars on a 0–100% scale, best composite score first, each bar with its value.
 * With more than 20 units (`RATES_CHART_ALL`) it shows the top and bottom 10
 * (`RATES_CHART_EDGE`) and marks the gap. Units with no rate at all are left out.
 *
 * @example
 * ```ts
 * const svg = chartRatesByUnit(data, reportTexts('en'));
 * ```
 */
export function chartRatesByUnit(data: MonthlyReportData, texts: ReportTexts): string {
  const { top, bottom, omitted } = ratesChartUnits(data.units);
  const plotWidth = CHART_WIDTH - PLOT_X - VALUE_ROOM;
  const x = (rate: number): number => PLOT_X + rate * plotWidth;
  const series = [
    { key: 'response', color: palette.response, label: texts.charts.legend.response },
    { key: 'resolution', color: palette.resolution, label: texts.charts.legend.resolution },
    { key: 'satisfaction', color: palette.satisfaction, label: texts.charts.legend.satisfaction },
  ] as const;

  const groups = top.length + bottom.length;
  // Nothing ranked: the note alone, where an empty axis would only collide with it.
  if (groups === 0) {
    return svgFrame('chart-rates-by-unit', texts.charts.rates(data.unit), TOP + 16, svgText(CHART_WIDTH / 2, TOP / 2 + 4, texts.charts.noUnits(data.unit), { size: 11, anchor: 'middle', baseline: 'middle', fill: palette.muted }));
  }
  const plotHeight = groups * GROUP_PITCH + (bottom.length > 0 ? GAP_ROW : 0);
  const height = TOP + plotHeight + AXIS_ROOM;
  const parts: string[] = [svgLegend(PLOT_X, 12, series)];
  for (let tick = 0; tick <= 100; tick += 20) {
    const at = x(tick / 100);
    parts.push(svgLine(at, TOP - 4, at, TOP + plotHeight, tick === 0 ? palette.axis : palette.grid));
    parts.push(svgText(at, TOP + plotHeight + 15, `${tick}%`, { size: 10, anchor: 'middle', fill: palette.muted }));
  }

  let y = TOP;
  const drawGroup = (unit: ReportUnitRow): void => {
    const centre = y + (3 * BAR_PITCH) / 2;
    parts.push(svgText(RANK_X, centre, String(unit.rank ?? ''), { size: 10, anchor: 'end', baseline: 'middle', fill: palette.muted }));
    parts.push(svgText(NAME_X, centre, fitText(unit.name[data.locale], PLOT_X - NAME_X - 8, 11), { size: 11, baseline: 'middle', fill: palette.text }));
    series.forEach((s, i) => {
      const rate = unit.rates[s.key];
      const barY = y + i * BAR_PITCH;
      if (rate !== null) parts.push(svgRect(PLOT_X, barY, rate * plotWidth, BAR, s.color));
      parts.push(svgText(x(rate ?? 0) + 3, barY + BAR / 2, formatPercent(rate), { size: 9, baseline: 'middle', fill: palette.text }));
    });
    y += GROUP_PITCH;
  };
  top.forEach(drawGroup);
  if (bottom.length > 0) {
    const mid = y + GAP_ROW / 2 - 4;
    parts.push(svgLine(4, mid, CHART_WIDTH - 4, mid, palette.axis, true));
    parts.push(svgRect(CHART_WIDTH / 2 - 130, mid - 8, 260, 16, '#ffffff'));
    parts.push(svgText(CHART_WIDTH / 2, mid, texts.charts.ratesGap(data.unit, omitted), { size: 10, anchor: 'middle', baseline: 'middle', fill: palette.muted }));
    y += GAP_ROW;
    bottom.forEach(drawGroup);
  }
  return svgFrame('chart-rates-by-unit', texts.charts.rates(data.unit), height, parts.join(''));
}
