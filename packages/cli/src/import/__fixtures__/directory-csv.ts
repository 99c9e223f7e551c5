/**
 * CSV files of the generated Mengchuang directory, as an office would keep them in Excel,
 * for the import tests. The enterprises file can carry 50 deliberately bad rows of ten kinds,
 * with the line and the kind of each, so a test can check that exactly those are rejected.
 */
import type { DemoDirectory } from '@kechuang/demo';
import { formatRoles } from '../role-syntax.js';

type Cell = string | number | null;

function quote(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV file with CRLF line ends, as Excel writes it. */
export function csvText(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return `${[headers, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

/** The parks, with Chinese headers. */
export function parksCsv(directory: DemoDirectory): string {
  return csvText(
    ['园区编码', '园区名称', '所属社区编码', '社区名称', '类型', '地址'],
    directory.parks.map((p) => [p.code, p.name, p.communityCode, directory.community.name, p.kind === 'park' ? '园区' : '厂区', p.address]),
  );
}

/** The buildings, with English headers. */
export function buildingsCsv(directory: DemoDirectory): string {
  return csvText(['code', 'name', 'park', 'floors'], directory.buildings.map((b) => [b.code, b.name, b.parkCode, b.floors]));
}

/** The members, with Chinese headers; `withContacts: false` leaves out enterprise contacts. */
export function membersCsv(directory: DemoDirectory, options: { withContacts: boolean }): string {
  const members = directory.members.filter((m) => options.withContacts || !m.roles.some((r) => r.role === 'enterprise_contact'));
  return csvText(
    ['工号', '姓名', '手机', '邮箱', '角色', '状态'],
    members.map((m) => [m.code, m.name, m.mobile, m.email, formatRoles(m.roles), m.status]),
  );
}

/** The ten kinds of bad rows, five of each. */
export const badRowKinds = [
  'check_character',
  'unknown_park',
  'missing_name',
  'duplicate_credit_code',
  'bad_size',
  'building_in_other_park',
  'short_credit_code',
  'unknown_building',
  'name_too_long',
  'unknown_community',
] as const;
export type BadRowKind = (typeof badRowKinds)[number];

/** A bad row: its line in the file (the header is line 1) and what is wrong with it. */
export interface BadRow {
  line: number;
  kind: BadRowKind;
}

const ENTERPRISE_HEADERS = ['统一社会信用代码', '企业名称', '社区编码', '园区编码', '楼宇编码', '行业', '规模', '标签'];

/** A different character of the credit-code alphabet, so the check character is wrong. */
function otherCheckCharacter(code: string): string {
  const last = code.slice(-1);
  return `${code.slice(0, -1)}${last === '0' ? '1' : '0'}`;
}

/**
 * The enterprises, with Chinese headers and sizes; with `badRows` (at most 50) that many rows
 * spread through the file are spoiled, one kind after another. Rows are spoiled in place, so
 * the file still has one row per enterprise.
 */
export function enterprisesCsv(directory: DemoDirectory, options: { badRows: number; rename?: { index: number; name: string } } = { badRows: 0 }): { text: string; bad: BadRow[] } {
  const sizes = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;
  const rows: Cell[][] = directory.enterprises.map((e) => [e.creditCode, e.name, e.communityCode, e.parkCode, e.buildingCode, e.industry, e.size === null ? null : sizes[e.size], e.tags.join('；')]);
  if (options.rename) {
    const row = rows[options.rename.index];
    if (row) row[1] = options.rename.name;
  }
  const count = Math.min(options.badRows, 50);
  const step = Math.floor((rows.length - 100) / Math.max(count, 1));
  const bad: BadRow[] = [];
  for (let k = 0; k < count; k++) {
    const index = 100 + k * step;
    const row = rows[index];
    const enterprise = directory.enterprises[index];
    const kind = badRowKinds[k % badRowKinds.length];
    if (!row || !enterprise || !kind) throw new Error(`no row ${index} to spoil`);
    switch (kind) {
      case 'check_character':
        row[0] = otherCheckCharacter(enterprise.creditCode);
        break;
      case 'unknown_park':
        row[3] = 'P99';
        row[4] = null;
        break;
      case 'missing_name':
        row[1] = '';
        break;
      case 'duplicate_credit_code':
        row[0] = directory.enterprises[index - 1]?.creditCode ?? null;
        break;
      case 'bad_size':
        row[6] = '巨型';
        break;
      case 'building_in_other_park': {
        const other = directory.buildings.find((b) => b.parkCode !== enterprise.parkCode);
        row[4] = other?.code ?? null;
        break;
      }
      case 'short_credit_code':
        row[0] = enterprise.creditCode.slice(0, 17);
        break;
      case 'unknown_building':
        row[4] = `${enterprise.parkCode ?? 'P01'}-B99`;
        break;
      case 'name_too_long':
        row[1] = '企'.repeat(201);
        break;
      case 'unknown_community':
        row[2] = 'ZZ';
        break;
    }
    bad.push({ line: index + 2, kind });
  }
  return { text: csvText(ENTERPRISE_HEADERS, rows), bad };
}
