import type { Messages } from '../locale.js';

export const reportMessages: Messages<{
  description: string;
  period: string;
  format: string;
  out: string;
  unit: string;
  since: string;
  examples: string;
  badPeriod: (text: string) => string;
  wrote: (file: string, month: string) => string;
}> = {
  'zh-CN': {
    description: '生成月度报告（响应率、解决率、满意率及排名），格式为 HTML、Markdown、CSV 或 JSON',
    period: '报告月份，如 2026-02',
    format: '格式：html（可打印的 A4 页面，默认）、md、csv（Excel 可直接打开）、json',
    out: '输出文件（默认按报告名写到当前目录；- 表示输出到屏幕）',
    unit: '排名单位：community、park（默认）、portfolio、category、assignee、team、channel',
    since: '累计数据的起始日期，如 2025-03-01（默认当年 1 月 1 日）',
    examples: `
示例：
  $ kechuang report --period 2026-02 --format html
  $ kechuang report --period 2026-02 --format csv --unit portfolio --out 二月报表.csv
  $ kechuang report --period 2026-02 --format md --since 2025-03-01 --out -`,
    badPeriod: (text) => `无法识别月份 ${text}，请写成 2026-02 的形式。`,
    wrote: (file, month) => `已生成 ${month} 月度报告：${file}`,
  },
  en: {
    description: 'produce the monthly report (response, resolution and satisfaction rates, the ranking) as HTML, Markdown, CSV or JSON',
    period: 'the month, e.g. 2026-02',
    format: 'the format: html (printable A4, the default), md, csv (opens in Excel), json',
    out: "the file to write (default: the report's own name in the current directory; - for standard output)",
    unit: 'the ranked unit: community, park (the default), portfolio, category, assignee, team, channel',
    since: 'the first day of the cumulative figures, e.g. 2025-03-01 (default: January 1 of the year)',
    examples: `
Examples:
  $ kechuang report --period 2026-02 --format html
  $ kechuang report --period 2026-02 --format csv --unit portfolio --out february.csv
  $ kechuang report --period 2026-02 --format md --since 2025-03-01 --out -`,
    badPeriod: (text) => `Cannot read the month ${text}; write it like 2026-02.`,
    wrote: (file, month) => `Wrote the monthly report for ${month}: ${file}`,
  },
};
