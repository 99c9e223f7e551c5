import { describe, expect, it } from 'vitest';
import { enterpriseColumns } from './columns.js';
import { parseCsvTable } from './csv-table.js';
import { decodeCsv } from './decode-csv.js';
import { mapHeaders } from './header-map.js';
import { rejectsCsv } from './rejects-csv.js';
import type { RejectedRow } from './run-import.js';

const headers = ['统一社会信用代码', '企业名称', '标签'];
const rejected: RejectedRow[] = [
  { line: 3, cells: ['91330110MA27Y0QX9A', '甲公司, "老字号"', 'a;b'], reasons: [{ code: 'required', column: 'name' }] },
  { line: 7, cells: ['X'], reasons: [{ code: 'extra_cells', count: 1 }, { code: 'conflict' }] },
];
const label = (column: string) => (column === 'name' ? '企业名称' : column);

describe('rejectsCsv', () => {
  it('writes a BOM, CRLF, the line first, the original cells and the reasons last', () => {
    const text = rejectsCsv({ headers, rejected, label }, 'zh-CN');
    expect(text.startsWith('\uFEFF行号,统一社会信用代码,企业名称,标签,原因\r\n')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('3,91330110MA27Y0QX9A,"甲公司, ""老字号""",a;b,企业名称：不能为空');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('reads back as the same table, padded to the header', () => {
    const table = parseCsvTable(decodeCsv(new TextEncoder().encode(rejectsCsv({ headers, rejected, label }, 'en'))).text);
    expect(table.headers).toEqual(['line', ...headers, 'reason']);
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['3', '91330110MA27Y0QX9A', '甲公司, "老字号"', 'a;b', '企业名称: must not be empty'],
      ['7', 'X', '', '', "the row has a non-empty cell beyond the header's columns; the record was changed by someone else during the import; import the file again"],
    ]);
  });

  it('can be imported again: its extra columns are ignored', () => {
    const table = parseCsvTable(decodeCsv(new TextEncoder().encode(rejectsCsv({ headers, rejected, label }, 'zh-CN'))).text);
    const mapping = mapHeaders(enterpriseColumns, table.headers);
    expect(mapping.ok && Object.fromEntries(mapping.map.index)).toEqual({ credit_code: 1, name: 2, tags: 3 });
  });
});
