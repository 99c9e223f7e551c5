import { figureTexts, NO_DATA } from './format-figures.js';
import { markdownText } from './markdown-escape.js';
import { reportTexts } from './report-texts.js';
import type { MonthlyReportData } from './report-types.js';


const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/**
 * The report as Markdown: the title, the period, the headline paragraph, the units ranked in
 * one table with the total last, and the definitions in force as a closing note. Names are
 * escaped, so nothing in them turns into markup.
 *
 * @example
 * ```ts
 * renderMarkdown(data).split('\n')[0]; // '# 梦创社区企业需求办理情况月报（2026年1月）'
 * ```
 */
export function renderMarkdown(data: MonthlyReportData): string {
  const texts = reportTexts(data.locale);
  const { locale } = data;
  const h = texts.columns;
  // Per-cent headers drop their "(%)": the cells below carry the sign.
  const plain = (header: string): string => header.replace(/\s*\(%\)$/, '');
  const header = [h.rank, texts.unit(data.unit).name, h.collected, h.concluded, h.resolved, plain(h.response), plain(h.resolution), plain(h.satisfaction), plain(h.onTime), h.composite, h.backlog, h.overdue];
  const align = ['---:', ':---', ...header.slice(2).map(() => '---:')];
  const units = data.units.map((unit) => {
    const name = markdownText(unit.name[locale]);
    return row([unit.rank === null ? NO_DATA : String(unit.rank), unit.code ? `${name} (${markdownText(unit.code)})` : name, ...figureTexts(unit, locale)]);
  });
  return [
    `# ${markdownText(data.texts.title)}`,
    '',
    markdownText(texts.periodLine(data)),
    '',
    markdownText(data.texts.headline),
    '',
    `**${markdownText(texts.charts.table(data.unit))}**`,
    '',
    row(header),
    row(align),
    ...units,
    row(['', `**${markdownText(texts.total)}**`, ...figureTexts(data.total, locale)]),
    '',
    markdownText(data.texts.definitions),
    '',
  ].join('\n');
}
