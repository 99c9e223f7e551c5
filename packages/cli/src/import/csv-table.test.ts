import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsvTable } from './csv-table.js';

describe('parseCsvTable', () => {
  it('reads the header and the rows with their line numbers', () => {
    expect(parseCsvTable('code,name\r\nP01,梦创科技园\r\nP02,"仓前厂区, 东区"\r\n')).toEqual({
      headers: ['code', 'name'],
      rows: [
        { line: 2, cells: ['P01', '梦创科技园'] },
        { line: 3, cells: ['P02', '仓前厂区, 东区'] },
      ],
    });
  });

  it('counts lines across quoted line breaks and skips blank rows', () => {
    const text = 'code,name\r\nP01,"梦创\r\n科技园"\r\n\r\n,\r\nP02,"say ""hi"""\r\n';
    expect(parseCsvTable(text).rows).toEqual([
      { line: 2, cells: ['P01', '梦创\n科技园'] },
      { line: 6, cells: ['P02', 'say "hi"'] },
    ]);
  });

  it('accepts LF, CRLF and CR line endings in one file', () => {
    expect(parseCsvTable('a,b\n1,2\r\n3,4\r5,6').rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('keeps short and long rows as they are', () => {
    expect(parseCsvTable('a,b,c\n1\n1,2,3,4\n').rows.map((r) => r.cells)).toEqual([['1'], ['1', '2', '3', '4']]);
  });

  it('reads an empty file as no header and no rows', () => {
    expect(parseCsvTable('')).toEqual({ headers: [], rows: [] });
  });

  it('reports a quote that is never closed with its line', () => {
    let caught: unknown;
    try {
      parseCsvTable('a,b\n1,2\n3,"open\n');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CsvSyntaxError);
    expect((caught as CsvSyntaxError).line).toBeGreaterThanOrEqual(3);
  });
});
