import { chartByMonth } from './chart-by-month.js';
import { chartOverdueByUnit, overdueChartUnits } from './chart-overdue-by-unit.js';
import { chartRatesByUnit, ratesChartUnits } from './chart-rates-by-unit.js';
import { figureTexts, formatCount, formatPercent, NO_DATA, scoreNumber } from './format-figures.js';
import { escapeHtml } from './html-escape.js';
import { reportStyle } from './html-style.js';
import { reportTexts, type ReportTexts } from './report-texts.js';
import type { MonthlyReportData, ReportFigures } from './report-types.js';

// Belt and braces: even a name that slipped past escaping could load nothing.
const CONTENT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const score = (composite: number | null): string => scoreNumber(composite) || NO_DATA;

function kpis(data: MonthlyReportData, texts: ReportTexts): string {
  const { counts, rates } = data.total;
  const items: [string, string][] = [
    [texts.kpis.collected, formatCount(counts.collected, data.locale)],
    [texts.kpis.concluded, formatCount(counts.concluded, data.locale)],
    [texts.kpis.resolved, formatCount(counts.resolved, data.locale)],
    [texts.kpis.composite, score(rates.composite)],
    [texts.kpis.response, formatPercent(rates.response)],
    [texts.kpis.resolution, formatPercent(rates.resolution)],
    [texts.kpis.satisfaction, formatPercent(rates.satisfaction)],
    [texts.kpis.onTime, formatPercent(rates.onTime)],
  ];
  return `<div class="kpis">${items.map(([label, value]) => `<div class="kpi"><span>${escapeHtml(label)}</span><b>${escapeHtml(value)}</b></div>`).join('')}</div>`;
}

function figureCells(f: ReportFigures, locale: MonthlyReportData['locale']): string {
  return figureTexts(f, locale)
    .map((cell) => `<td>${escapeHtml(cell)}</td>`)
    .join('');
}

function unitTable(data: MonthlyReportData, texts: ReportTexts): string {
  const t = texts.table;
  const th = (text: string, attrs = ''): string => `<th${attrs}>${escapeHtml(text)}</th>`;
  const head =
    `<tr>${th(t.rank, ' rowspan="2"')}${th(texts.unit(data.unit).name, ' rowspan="2" class="name"')}${th(t.groups.requests, ' colspan="3"')}` +
    `${th(t.groups.rates, ' colspan="4"')}${th(t.composite, ' rowspan="2"')}${th(t.groups.monthEnd, ' colspan="2"')}</tr>` +
    `<tr>${[t.collected, t.concluded, t.resolved, t.response, t.resolution, t.satisfaction, t.onTime, t.backlog, t.overdue].map((x) => th(x)).join('')}</tr>`;
  const rows = data.units.map((unit) => {
    const code = unit.code && unit.code !== unit.name[data.locale] ? `<small>${escapeHtml(unit.code)}</small>` : '';
    return `<tr><td>${unit.rank === null ? NO_DATA : unit.rank}</td><td class="name">${escapeHtml(unit.name[data.locale])}${code}</td>${figureCells(unit, data.locale)}</tr>`;
  });
  const total = `<tr class="total"><td></td><td class="name">${escapeHtml(texts.total)}</td>${figureCells(data.total, data.locale)}</tr>`;
  return (
    `<section class="table"><h2>${escapeHtml(texts.charts.table(data.unit))}</h2><table>` +
    `<thead>${head}</thead><tbody>${rows.join('')}${total}</tbody></table></section>`
  );
}

function figure(caption: string, svg: string, notes: readonly string[]): string {
  const text = notes.map((note) => `<p class="note">${escapeHtml(note)}</p>`).join('');
  return `<figure><figcaption><h2>${escapeHtml(caption)}</h2></figcaption>${svg}${text}</figure>`;
}

/**
 * The report as one self-contained HTML file that prints on A4: title, period, headline, key
 * figures, three inline SVG charts (collected and resolved by month, the three rates by unit,
 * overdue by unit), the ranking table and the definitions. No external style, font, script
 * or image; every text escaped.
 *
 * @example
 * ```ts
 * await writeFile('monthly-report.html', renderHtml(data));
 * ```
 */
export function renderHtml(data: MonthlyReportData): string {
  const texts = reportTexts(data.locale);
  const rates = ratesChartUnits(data.units);
  const ratesNotes: string[] = [];
  if (rates.omitted > 0) ratesNotes.push(texts.charts.ratesSubset(data.unit, { top: rates.top.length, bottom: rates.bottom.length, ranked: rates.ranked }));
  const unranked = data.units.length - rates.ranked;
  if (unranked > 0) ratesNotes.push(texts.charts.ratesUnranked(data.unit, unranked));
  const overdue = overdueChartUnits(data.units);

  return [
    '<!DOCTYPE html>',
    `<html lang="${data.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.texts.title)}</title>`,
    `<style>${reportStyle}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(data.texts.title)}</h1><p class="period">${escapeHtml(texts.periodLine(data))}</p></header>`,
    `<p class="headline">${escapeHtml(data.texts.headline)}</p>`,
    kpis(data, texts),
    figure(texts.charts.byMonth, chartByMonth(data, texts), data.series.capped ? [texts.charts.seriesCapped(data.series.months.length, data.cumulative.from)] : []),
    figure(texts.charts.rates(data.unit), chartRatesByUnit(data, texts), ratesNotes),
    figure(texts.charts.overdue(data.unit), chartOverdueByUnit(data, texts), overdue.more > 0 ? [texts.charts.overdueMore(data.unit, overdue.more)] : []),
    unitTable(data, texts),
    `<p class="definitions">${escapeHtml(data.texts.definitions)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
