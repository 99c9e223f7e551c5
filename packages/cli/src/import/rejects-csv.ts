import { rejectsColumns } from './columns.js';
import type { ImportResult } from './run-import.js';
import { renderReasons, type Lang } from './reason-texts.js';

function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The rejected rows as CSV for Excel: a UTF-8 BOM (without it Excel reads UTF-8 as GBK),
 * CRLF, the line number first, the original cells as they were, the reasons last. The 行号
 * and 原因 columns are ignored on import, so the corrected file can be imported again as is.
 *
 * @example
 * ```ts
 * await writeFile('企业.csv.rejects.csv', rejectsCsv(result, 'zh-CN'));
 * ```
 */
export function rejectsCsv(result: Pick<ImportResult, 'headers' | 'rejected' | 'label'>, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const width = result.headers.length;
  const lines = [[zh ? rejectsColumns.line.zh : rejectsColumns.line.en, ...result.headers, zh ? rejectsColumns.reason.zh : rejectsColumns.reason.en]];
  for (const row of result.rejected) {
    const cells = row.cells.length >= width ? row.cells : [...row.cells, ...Array<string>(width - row.cells.length).fill('')];
    lines.push([String(row.line), ...cells, renderReasons(row.reasons, lang, result.label)]);
  }
  return `\uFEFF${lines.map((cells) => cells.map(quote).join(',')).join('\r\n')}\r\n`;
}
