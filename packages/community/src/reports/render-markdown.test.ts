import { describe, expect, it } from 'vitest';
import { sampleReport } from './__fixtures__/sample-report.js';
import { markdownText } from './markdown-escape.js';
import { renderMarkdown } from './render-markdown.js';
import { reportTexts } from './report-texts.js';

// Table cells split on pipes that no backslash escapes.
const cells = (line: string): string[] => line.slice(2, -2).split(/(?<!\\) \| /);

describe('markdownText', () => {
  it('escapes what would turn into markup, and keeps a row on one line', () => {
    expect(markdownText('A|B <script>')).toBe('A\\|B \\<script\\>');
    expect(markdownText('*bold* _it_ `code` [link](x) ~~del~~ &amp; !')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\~\\~del\\~\\~ \\&amp; \\!');
    expect(markdownText('two\r\nlines\nhere')).toBe('two lines here');
    expect(markdownText('see http://x.cn or www.x.cn')).toBe('see http\\://x.cn or www\\.x.cn');
    expect(markdownText('C:\\path')).toBe('C:\\\\path');
  });
});

describe('renderMarkdown', () => {
  it('has a title, the period, the headline, a table of units and the definitions', async () => {
    const data = await sampleReport();
    const lines = renderMarkdown(data).split('\n');
    expect(lines[0]).toBe('# 梦创社区企业需求办理情况月报（2026年1月）');
    expect(lines[2]).toBe('统计周期：2026年1月1日至2026年1月31日　数据截至：2026年2月1日 09:00　生成时间：2026年2月3日 09:30（北京时间）');
    expect(lines[4]).toBe(data.texts.headline);
    expect(lines[6]).toBe('**表1　各园区综合排名**');
    expect(lines.at(-2)).toBe(data.texts.definitions);
    expect(lines.at(-2)).toContain('综合得分＝响应率×30%＋解决率×35%＋满意率×35%');
    expect(lines.at(-2)).toContain('“基本满意”计入满意');
  });

  it('draws a table whose every row has the header’s number of cells', async () => {
    const table = renderMarkdown(await sampleReport())
      .split('\n')
      .filter((line) => line.startsWith('| '));
    expect(table).toHaveLength(2 + 5 + 1);
    expect(table[0]).toBe('| 排名 | 园区 | 收集 | 办结 | 解决 | 响应率 | 解决率 | 满意率 | 按时办结率 | 综合得分 | 积压 | 超期 |');
    expect(table[1]).toBe('| ---: | :--- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const line of table) expect(cells(line)).toHaveLength(12);
    expect(table[2]).toBe('| 1 | 梦想小镇一号园 (P01) | 14 | 13 | 13 | 100.0% | 100.0% | 100.0% | 100.0% | 100.0 | 1 | 0 |');
    expect(table[3]).toBe('| 2 | \\<script\\>alert("x")\\</script\\> (P03) | 8 | 7 | 6 | 100.0% | 85.7% | 100.0% | 85.7% | 95.0 | 1 | 1 |');
    expect(table[6]).toBe('| — | 新建园区 (P05) | 0 | 0 | 0 | — | — | — | — | — | 2 | 2 |');
    expect(table[7]).toBe('|  | **合计** | 38 | 35 | 32 | 97.4% | 91.4% | 95.0% | 94.3% | 94.5 | 5 | 4 |');
  });

  it('writes English, with the office’s definitions', async () => {
    const data = await sampleReport({ locale: 'en' });
    const strict = { ...data, settings: { basicallySatisfiedCounts: false, weights: { response: 0, resolution: 1, satisfaction: 1 } } };
    const markdown = renderMarkdown({ ...strict, texts: { ...data.texts, definitions: reportTexts('en').definitions(strict) } });
    expect(markdown.split('\n')[0]).toBe('# Monthly report on enterprise requests — 梦创社区, January 2026');
    expect(markdown).toContain('| Rank | Park | Collected | Concluded | Resolved | Response rate | Resolution rate | Satisfaction rate | On-time rate | Composite score | Backlog | Overdue |');
    expect(markdown).toContain('Composite score = 0% response + 50% resolution + 50% satisfaction');
    expect(markdown).toContain('"Basically satisfied" does not count as satisfied.');
  });
});
