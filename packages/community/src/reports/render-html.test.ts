import { describe, expect, it } from 'vitest';
import { manyParkRows, SCRIPT_PARK, sampleReport, sampleSources } from './__fixtures__/sample-report.js';
import { escapeHtml } from './html-escape.js';
import { renderHtml } from './render-html.js';

const svgOf = (html: string, id: string): string => {
  const start = html.indexOf(`<svg id="${id}"`);
  return start < 0 ? '' : html.slice(start, html.indexOf('</svg>', start) + 6);
};
const texts = (svg: string): string[] => [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');

describe('escapeHtml', () => {
  it('escapes the five characters that can open a tag or leave an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('renderHtml', () => {
  it('is one self-contained file: nothing to fetch, no script', async () => {
    const html = renderHtml(await sampleReport());
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/\shref\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/https?:\/\/(?!x&quot;)/); // the only address is in a park's name, escaped
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });

  it('escapes every text it prints, in the table and in the charts', async () => {
    const html = renderHtml(await sampleReport());
    expect(html).not.toContain(SCRIPT_PARK);
    expect(html).toContain(`<td class="name">${escapeHtml(SCRIPT_PARK)}<small>P03</small></td>`);
    expect(texts(svgOf(html, 'chart-overdue-by-unit'))).toContain(escapeHtml(SCRIPT_PARK));
    // Every < in the document opens a tag the renderer wrote.
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z!][a-zA-Z0-9-]*)/g)].map((m) => m[1]?.toLowerCase()));
    expect([...tags].sort()).toEqual(
      ['!doctype', 'b', 'body', 'div', 'figcaption', 'figure', 'h1', 'h2', 'head', 'header', 'html', 'line', 'meta', 'p', 'rect', 'section', 'small', 'span', 'style', 'svg', 'table', 'tbody', 'td', 'text', 'th', 'thead', 'title', 'tr'].sort(),
    );
  });

  it('prints on A4: page size, printable width, nothing broken across pages', async () => {
    const html = renderHtml(await sampleReport());
    expect(html).toContain('@page { size: A4; margin: 14mm 14mm 16mm; }');
    expect(html).toContain('max-width: 182mm');
    expect(html).toMatch(/figure \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/tr \{[^}]*break-inside: avoid/);
    expect(html).toMatch(/thead \{ display: table-header-group; \}/);
    expect(html).toContain('"PingFang SC", "Noto Sans CJK SC"');
  });

  it('draws three charts with readable values', async () => {
    const html = renderHtml(await sampleReport());
    expect(html.match(/<svg /g)).toHaveLength(3);
    const byMonth = texts(svgOf(html, 'chart-by-month'));
    expect(byMonth).toEqual(expect.arrayContaining(['收集', '解决', '3月', '2025年', '1月', '2026年', '30', '18', '38', '32']));
    const rates = texts(svgOf(html, 'chart-rates-by-unit'));
    expect(rates).toEqual(expect.arrayContaining(['响应率', '解决率', '满意率', '梦想小镇一号园', '90.0%', '0%', '100%']));
    expect(rates).not.toContain('新建园区'); // nothing to rate: noted below the chart instead
    expect(html).toContain('另有1个园区本月无可计算的比率，未列入图中。');
    const overdue = texts(svgOf(html, 'chart-overdue-by-unit'));
    expect(overdue.slice(0, 2)).toEqual(['0', '1']);
    expect(overdue).toEqual(expect.arrayContaining(['新建园区', '仓前数字产业园', '2']));
    expect(overdue).not.toContain('梦想小镇一号园');
  });

  it('writes the headline, the key figures and the table in the locale', async () => {
    const zh = await sampleReport();
    const html = renderHtml(zh);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain(`<p class="headline">${zh.texts.headline}</p>`);
    expect(html).toContain('<div class="kpi"><span>响应率</span><b>97.4%</b></div>');
    expect(html).toContain('<tr><td>—</td><td class="name">新建园区<small>P05</small></td><td>0</td><td>0</td><td>0</td><td>—</td><td>—</td><td>—</td><td>—</td><td>—</td><td>2</td><td>2</td></tr>');
    const en = renderHtml(await sampleReport({ locale: 'en' }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2>Figure 2. Response, resolution and satisfaction rates by park</h2>');
    expect(en).toContain('<div class="kpi"><span>Composite score</span><b>94.5</b></div>');
  });

  it('keeps 62 parks readable: the top and bottom ten in the rates chart, fifteen at most in the overdue chart', async () => {
    const data = await sampleReport({}, sampleSources({ parks: manyParkRows(62) }));
    const html = renderHtml(data);
    const rates = texts(svgOf(html, 'chart-rates-by-unit'));
    const ranked = data.units.filter((u) => u.rank !== null);
    const shown = [...ranked.slice(0, 10), ...ranked.slice(-10)].map((u) => u.name['zh-CN']);
    expect(rates.filter((t) => /号$/.test(t))).toEqual(shown);
    expect(rates).toContain(`…… 中间${ranked.length - 20}个园区从略 ……`);
    expect(html).toContain(`共${ranked.length}个园区参与排名，图中列出综合得分前10名和后10名，完整排名见表1。`);
    const overdueUnits = data.units.filter((u) => u.counts.overdue > 0);
    expect(texts(svgOf(html, 'chart-overdue-by-unit')).filter((t) => /号$/.test(t))).toHaveLength(15);
    expect(html).toContain(`另有${overdueUnits.length - 15}个园区有超期诉求，详见表1。`);
    expect(html.match(/<tr><td>/g)).toHaveLength(62);
  });

  it('says when the by-month chart shows fewer months than the cumulative figures cover', async () => {
    const html = renderHtml(await sampleReport({ since: '2023-06-15' }));
    expect(svgOf(html, 'chart-by-month').match(/>1月</g)).toHaveLength(2);
    expect(html).toContain('<p class="note">图中列出最近24个月；累计数自2023年6月15日起计算。</p>');
    expect(renderHtml(await sampleReport())).not.toContain('图中列出最近');
  });

  it('says so in words when no unit has overdue requests', async () => {
    const parks = manyParkRows(4).map((row) => ({ ...row, counts: { ...row.counts, overdue: 0 } }));
    const html = renderHtml(await sampleReport({ locale: 'en' }, sampleSources({ parks })));
    expect(texts(svgOf(html, 'chart-overdue-by-unit'))).toEqual(['No park had overdue open requests at the end of the month.']);
  });
});
