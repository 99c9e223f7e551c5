import { describe, expect, it } from 'vitest';
import { FORMULA_PARK, SCRIPT_PARK, sampleReport } from './__fixtures__/sample-report.js';
import { csvDocument, csvField, csvText, guardFormula } from './csv-escape.js';
import { renderCsv } from './render-csv.js';

/** Splits RFC 4180 text into records of fields, honouring quotes (enough for the tests). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') record.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), i++;
    else field += ch;
  }
  return records;
}

describe('csv escaping', () => {
  it('quotes fields with quotes, commas and line breaks, doubling the quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('A, "B"')).toBe('"A, ""B"""');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
  });

  it('keeps a spreadsheet from running a name as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardFormula(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(guardFormula('P01 = 园区')).toBe('P01 = 园区');
    expect(csvText('=1+1')).toBe("'=1+1");
    expect(csvText('-1, "x"')).toBe('"\'-1, ""x"""');
  });

  it('starts with a BOM and ends every record with CRLF', () => {
    expect(csvDocument([['a', 'b'], ['1', '2']])).toBe('\uFEFFa,b\r\n1,2\r\n');
  });
});

describe('renderCsv', () => {
  it('writes a BOM, zh-CN headers, one record per unit in rank order and the total, CRLF throughout', async () => {
    const csv = renderCsv(await sampleReport());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([
      '排名', '编码', '园区', '收集', '应签收', '按时签收', '响应率(%)', '办结', '解决', '解决率(%)', '评价', '满意', '满意率(%)', '按时办结率(%)',
      '综合得分', '积压', '超期', '签收用时中位数(工作小时)', '办结用时中位数(工作小时)',
    ]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([['1', 'P01'], ['2', 'P03'], ['3', 'P04'], ['4', 'P02'], ['', 'P05'], ['', '']]);
    expect(rows[0]).toEqual(['1', 'P01', '梦想小镇一号园', '14', '14', '14', '100.0', '13', '13', '100.0', '8', '8', '100.0', '100.0', '100.0', '1', '0', '1.5', '']);
    expect(rows.at(-1)).toEqual(['', '', '合计', '38', '38', '37', '97.4', '35', '32', '91.4', '20', '19', '95.0', '94.3', '94.5', '5', '4', '1.5', '']);
    for (const row of rows) expect(row).toHaveLength(header?.length ?? 0);
  });

  it('quotes names, guards formulas and leaves rates without data empty', async () => {
    const csv = renderCsv(await sampleReport());
    expect(csv).toContain('\r\n3,P04,"\'=HYPERLINK(""http://x"",""点我""), 园区",');
    const rows = parseCsv(csv.slice(1));
    expect(rows.find((r) => r[1] === 'P03')?.[2]).toBe(SCRIPT_PARK);
    expect(rows.find((r) => r[1] === 'P04')?.[2]).toBe(`'${FORMULA_PARK}`);
    // P05 has nothing to rate: no rank, empty rates, score and durations, but its counts.
    expect(rows.find((r) => r[1] === 'P05')).toEqual(['', 'P05', '新建园区', '0', '0', '0', '', '0', '0', '', '0', '0', '', '', '', '2', '2', '', '']);
  });

  it('writes English headers in English', async () => {
    const csv = renderCsv(await sampleReport({ locale: 'en', unit: 'park' }));
    expect(csv.slice(1, csv.indexOf('\r\n'))).toBe(
      'Rank,Code,Park,Collected,Due for sign-for,Signed on time,Response rate (%),Concluded,Resolved,Resolution rate (%),Rated,Satisfied,Satisfaction rate (%),On-time rate (%),Composite score,Backlog,Overdue,Median time to sign for (working hours),Median time to conclude (working hours)',
    );
    expect(csv).toContain('\r\n,,Total,38,');
  });
});
