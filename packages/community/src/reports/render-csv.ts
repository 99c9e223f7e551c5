import { csvDocument, csvField, csvText } from './csv-escape.js';
import { hoursNumber, percentNumber, scoreNumber } from './format-figures.js';
import { reportTexts } from './report-texts.js';
import type { MonthlyReportData, ReportFigures } from './report-types.js';

// Rates are per cent with one decimal, without the % sign (97.4), so that a spreadsheet
// reads them as numbers; a rate with nothing to count is an empty cell, not 0, which would
// read as a real zero. The composite is on a scale of 100, durations in working hours.
function figureFields(f: ReportFigures): string[] {
  const c = f.counts;
  return [
    String(c.collected),
    String(c.responseDue),
    String(c.signedOnTime),
    percentNumber(f.rates.response),
    String(c.concluded),
    String(c.resolved),
    percentNumber(f.rates.resolution),
    String(c.rated),
    String(c.satisfied),
    percentNumber(f.rates.satisfaction),
    percentNumber(f.rates.onTime),
    scoreNumber(f.rates.composite),
    String(c.backlog),
    String(c.overdue),
    hoursNumber(f.durations.signFor.p50),
    hoursNumber(f.durations.conclusion.p50),
  ].map(csvField);
}

/**
 * The report as CSV: one record per unit in rank order, then the total; headers in the
 * report's locale; UTF-8 with a BOM and CRLF line ends (RFC 4180), names guarded against
 * spreadsheet formulas.
 *
 * @example
 * ```ts
 * const csv = renderCsv(data);
 * csv.startsWith('\uFEFF排名,编码,园区,收集'); // true
 * ```
 */
export function renderCsv(data: MonthlyReportData): string {
  const texts = reportTexts(data.locale);
  const h = texts.columns;
  const header = [
    h.rank, h.code, texts.unit(data.unit).name, h.collected, h.responseDue, h.signedOnTime, h.response, h.concluded, h.resolved, h.resolution,
    h.rated, h.satisfied, h.satisfaction, h.onTime, h.composite, h.backlog, h.overdue, h.signForP50, h.conclusionP50,
  ].map(csvField);
  const units = data.units.map((row) => [row.rank === null ? '' : String(row.rank), csvText(row.code ?? ''), csvText(row.name[data.locale]), ...figureFields(row)]);
  const total = ['', '', csvText(texts.total), ...figureFields(data.total)];
  return csvDocument([header, ...units, total]);
}
