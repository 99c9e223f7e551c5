/**
 * `kechuang import` as a user runs it: the real program in a temp dir, on a SQLite file made
 * by `kechuang init`, with CSV files generated from the Mengchuang demo directory.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCommunity } from '@kechuang/community';
import { generateMengchuang, type DemoDirectory } from '@kechuang/demo';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGbk } from '../../packages/cli/src/import/__fixtures__/encode-gbk.js';
import { buildingsCsv, enterprisesCsv, membersCsv, parksCsv, type BadRow, type BadRowKind } from '../../packages/cli/src/import/__fixtures__/directory-csv.js';
import { parseCsvTable } from '../../packages/cli/src/import/csv-table.js';
import { decodeCsv } from '../../packages/cli/src/import/decode-csv.js';
import { runKechuang, type KechuangRun } from './run-kechuang.js';

const ZH = { LANG: 'zh_CN.UTF-8' };
const EN = { LANG: 'en_US.UTF-8' };
const directory: DemoDirectory = generateMengchuang();
const contacts = directory.members.filter((m) => m.roles.some((r) => r.role === 'enterprise_contact')).length;
const { text: enterprisesText, bad } = enterprisesCsv(directory, { badRows: 50 });

/** What each kind of bad row must be told, in Chinese and in English. */
const expectedReason: Record<BadRowKind, { zh: RegExp; en: RegExp }> = {
  check_character: { zh: /统一社会信用代码：校验位应为“.”，实为“.”/, en: /统一社会信用代码: the check character is '.' but should be '.'/ },
  unknown_park: { zh: /园区编码：园区“P99”不存在/, en: /园区编码: no park 'P99' in your office/ },
  missing_name: { zh: /企业名称：不能为空/, en: /企业名称: must not be empty/ },
  duplicate_credit_code: { zh: /统一社会信用代码：“[0-9A-Z]{18}”与第\d+行重复/, en: /统一社会信用代码: '[0-9A-Z]{18}' repeats line \d+/ },
  bad_size: { zh: /规模：“巨型”无效，可填：大型、中型、小型、微型/, en: /规模: '巨型' is not allowed; use one of: 大型, 中型/ },
  building_in_other_park: { zh: /楼宇编码：楼宇“P\d\d-B\d\d”属于园区“P\d\d”，不属于园区“P\d\d”/, en: /楼宇编码: building 'P\d\d-B\d\d' is in park 'P\d\d', not in 'P\d\d'/ },
  short_credit_code: { zh: /统一社会信用代码：统一社会信用代码应为18位，此处为17位/, en: /统一社会信用代码: a unified social credit code has 18 characters, this one has 17/ },
  unknown_building: { zh: /楼宇编码：楼宇“P\d\d-B99”不存在/, en: /楼宇编码: no building 'P\d\d-B99' in your office/ },
  name_too_long: { zh: /企业名称：不能超过200个字符/, en: /企业名称: must be at most 200 characters/ },
  unknown_community: { zh: /社区编码：社区“ZZ”不存在/, en: /社区编码: no community 'ZZ' in your office/ },
};

function freshDir(name: string): string {
  return mkdtempSync(path.join(tmpdir(), `kechuang-${name}-`));
}

async function kechuang(dir: string, args: string[], env: Record<string, string> = ZH): Promise<KechuangRun> {
  return runKechuang(args, { cwd: dir, env });
}

/** `kechuang init` with the Mengchuang community, then parks, buildings and members (without enterprise contacts). */
async function prepareOffice(dir: string): Promise<void> {
  const init = await kechuang(dir, ['init', '.', '--office-code', 'cangqian', '--office-name', '仓前街道', '--community-code', 'MC', '--community-name', '梦创社区']);
  expect(init.code, init.stderr).toBe(0);
  writeFileSync(path.join(dir, 'parks.csv'), parksCsv(directory));
  writeFileSync(path.join(dir, 'buildings.csv'), buildingsCsv(directory));
  writeFileSync(path.join(dir, 'members.csv'), membersCsv(directory, { withContacts: false }));
  for (const [kind, count] of [['parks', 62], ['buildings', 95], ['members', directory.members.length - contacts]] as const) {
    const run = await kechuang(dir, ['import', kind, `${kind}.csv`]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(`新增 ${count} 条 · 更新 0 条 · 未变 0 条 · 拒绝 0 条（共 ${count} 行）`);
  }
}

/** The rejects file: a BOM, then the rows with their line and reason. */
function readRejects(file: string): { bom: boolean; headers: string[]; rows: { line: number; reason: string; cells: string[] }[] } {
  const decoded = decodeCsv(readFileSync(file));
  const table = parseCsvTable(decoded.text);
  return {
    bom: decoded.bom,
    headers: table.headers,
    rows: table.rows.map(({ cells }) => ({ line: Number(cells[0]), reason: cells[cells.length - 1] ?? '', cells })),
  };
}

function expectRejectsMatch(file: string, lang: 'zh' | 'en', rows: readonly BadRow[]): void {
  const rejects = readRejects(file);
  expect(rejects.bom).toBe(true);
  expect(rejects.headers).toEqual(lang === 'zh' ? ['行号', '统一社会信用代码', '企业名称', '社区编码', '园区编码', '楼宇编码', '行业', '规模', '标签', '原因'] : ['line', '统一社会信用代码', '企业名称', '社区编码', '园区编码', '楼宇编码', '行业', '规模', '标签', 'reason']);
  expect(rejects.rows.map((r) => r.line)).toEqual(rows.map((r) => r.line));
  rejects.rows.forEach((row, i) => {
    const expected = rows[i];
    if (!expected) throw new Error('more rejects than bad rows');
    expect(row.reason, `line ${row.line} (${expected.kind})`).toMatch(expectedReason[expected.kind][lang]);
  });
}

/** Counts stored enterprises, straight from the database file. */
async function storedEnterprises(dir: string): Promise<Map<string, { name: string; version: number }>> {
  const storage = sqliteStorage({ filename: path.join(dir, 'kechuang.sqlite') });
  try {
    const community = createCommunity({ storage });
    const office = await community.offices.findByCode('cangqian');
    if (!office) throw new Error('no office');
    const session = community.as({ kind: 'system', officeId: office.id });
    const found = new Map<string, { name: string; version: number }>();
    let cursor: string | undefined;
    do {
      const page = await session.enterprises.list({ limit: 500, ...(cursor ? { cursor } : {}) });
      for (const e of page.items) found.set(e.code, { name: e.name, version: e.version });
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return found;
  } finally {
    await storage.close?.();
  }
}

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('kechuang import: 6,000 enterprises in UTF-8 with 50 bad rows', () => {
  const dir = freshDir('import-utf8');
  dirs.push(dir);
  const file = path.join(dir, 'enterprises.csv');
  const rejectsFile = `${file}.rejects.csv`;

  beforeAll(async () => {
    await prepareOffice(dir);
    writeFileSync(file, enterprisesText);
  }, 120_000);

  it('accepts the good rows and reports exactly the 50 bad ones, with their lines and reasons', async () => {
    const run = await kechuang(dir, ['import', 'enterprises', 'enterprises.csv']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('导入企业：enterprises.csv（UTF-8 编码）');
    expect(run.stdout).toContain('  新增 5,950 条 · 更新 0 条 · 未变 0 条 · 拒绝 50 条（共 6,000 行）');
    expect(run.stdout).toContain('被拒绝的行及原因已写入 enterprises.csv.rejects.csv，修改后可再次导入。');
    expect(run.stdout).toContain('……另有 40 行，详见 rejects 文件');
    expectRejectsMatch(rejectsFile, 'zh', bad);
    const stored = await storedEnterprises(dir);
    expect(stored.size).toBe(5950);
    const spoiled = new Set(bad.map((b) => b.line - 2));
    directory.enterprises.forEach((e, i) => {
      if (!spoiled.has(i)) expect(stored.get(e.creditCode)?.name).toBe(e.name);
    });
  }, 120_000);

  it('changes nothing when the same file is imported again, and says so in English', async () => {
    const run = await kechuang(dir, ['import', 'enterprises', 'enterprises.csv', '--lang', 'en']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Imported enterprises from enterprises.csv (UTF-8)');
    expect(run.stdout).toContain('  accepted 0 · updated 0 · unchanged 5,950 · rejected 50 (6,000 rows)');
    expect(run.stdout).toContain('Rejected rows and their reasons were written to enterprises.csv.rejects.csv; fix them there and import that file.');
    expectRejectsMatch(rejectsFile, 'en', bad);
    expect([...(await storedEnterprises(dir)).values()].every((e) => e.version === 1)).toBe(true);
  }, 120_000);

  it('updates the one row whose name was edited; a dry run first reports it and writes nothing', async () => {
    const target = directory.enterprises[10];
    if (!target) throw new Error('no enterprise 10');
    writeFileSync(path.join(dir, 'edited.csv'), enterprisesCsv(directory, { badRows: 50, rename: { index: 10, name: `${target.name}（更名）` } }).text);

    const dry = await kechuang(dir, ['import', 'enterprises', 'edited.csv', '--dry-run', '--rejects', 'dry-rejects.csv']);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain('试导入企业：edited.csv（UTF-8 编码）');
    expect(dry.stdout).toContain('  新增 0 条 · 更新 1 条 · 未变 5,949 条 · 拒绝 50 条（共 6,000 行）');
    expect(dry.stdout).toContain('试导入：以上为预计结果，未写入数据库。');
    expect(readRejects(path.join(dir, 'dry-rejects.csv')).rows).toHaveLength(50);
    expect((await storedEnterprises(dir)).get(target.creditCode)).toEqual({ name: target.name, version: 1 });

    const run = await kechuang(dir, ['import', 'enterprises', 'edited.csv']);
    expect(run.stdout).toContain('  新增 0 条 · 更新 1 条 · 未变 5,949 条 · 拒绝 50 条（共 6,000 行）');
    expect((await storedEnterprises(dir)).get(target.creditCode)).toEqual({ name: `${target.name}（更名）`, version: 2 });
  }, 120_000);

  it('takes the corrected rejects file as it is, with its 行号 and 原因 columns', async () => {
    // Restore the 50 rows to the generated data, in the rejects file's own layout.
    const rejects = readRejects(rejectsFile);
    const sizes = { large: '大型', medium: '中型', small: '小型', micro: '微型' } as const;
    const fixed = rejects.rows.map((row) => {
      const e = directory.enterprises[row.line - 2];
      if (!e) throw new Error(`no enterprise for line ${row.line}`);
      return [String(row.line), e.creditCode, e.name, e.communityCode, e.parkCode ?? '', e.buildingCode ?? '', e.industry ?? '', e.size ? sizes[e.size] : '', e.tags.join('；'), row.reason];
    });
    const text = [rejects.headers, ...fixed].map((cells) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');
    writeFileSync(path.join(dir, 'fixed.csv'), `\uFEFF${text}\r\n`);
    const run = await kechuang(dir, ['import', 'enterprises', 'fixed.csv']);
    expect(run.stdout).toContain('  新增 50 条 · 更新 0 条 · 未变 0 条 · 拒绝 0 条（共 50 行）');
    expect(run.code).toBe(0);
    expect((await storedEnterprises(dir)).size).toBe(6000);
  }, 120_000);

  it('adds the enterprise contacts once their enterprises exist, leaving the other members unchanged', async () => {
    writeFileSync(path.join(dir, 'all-members.csv'), membersCsv(directory, { withContacts: true }));
    const run = await kechuang(dir, ['import', 'members', 'all-members.csv']);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toContain(`新增 ${contacts} 条 · 更新 0 条 · 未变 ${directory.members.length - contacts} 条 · 拒绝 0 条`);
  }, 120_000);

  it('refuses a file of the wrong kind before reading a row, listing the columns it expects', async () => {
    const run = await kechuang(dir, ['import', 'parks', 'enterprises.csv'], EN);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('The header row of enterprises.csv does not fit an import of parks; no row was imported:');
    expect(run.stderr).toContain("unknown column '统一社会信用代码'");
    expect(run.stderr).toContain("required column 'name' is missing");
    expect(run.stderr).toContain('Columns (* required): code* (园区编码), name* (园区名称), community* (所属社区编码)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 3 for a missing file, and 2 for an unknown kind, an unknown encoding or rejects written over the input', async () => {
    const missing = await kechuang(dir, ['import', 'enterprises', 'nope.csv']);
    expect([missing.code, missing.stderr.trim()]).toEqual([3, '错误：找不到文件 nope.csv，请检查路径。']);
    const kind = await kechuang(dir, ['import', 'visits', 'enterprises.csv']);
    expect([kind.code, kind.stderr.trim()]).toEqual([2, '错误：无法导入“visits”，可导入：parks、buildings、enterprises、members。']);
    const encoding = await kechuang(dir, ['import', 'enterprises', 'enterprises.csv', '--encoding', 'latin1'], EN);
    expect([encoding.code, encoding.stderr.trim()]).toEqual([2, "error: Unsupported encoding 'latin1'; use utf8 or gbk."]);
    const self = await kechuang(dir, ['import', 'enterprises', 'enterprises.csv', '--rejects', './enterprises.csv'], EN);
    expect([self.code, self.stderr.trim()]).toEqual([2, 'error: --rejects must not name the file being imported; choose another name.']);
  });
});

describe('kechuang import: 6,000 enterprises in GBK with 50 bad rows', () => {
  const dir = freshDir('import-gbk');
  dirs.push(dir);

  beforeAll(async () => {
    await prepareOffice(dir);
    writeFileSync(path.join(dir, 'enterprises.csv'), encodeGbk(enterprisesText));
  }, 120_000);

  it('detects GBK, accepts the good rows and reports exactly the 50 bad ones', async () => {
    const run = await kechuang(dir, ['import', 'enterprises', 'enterprises.csv', '--rejects', 'problems.csv'], EN);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Imported enterprises from enterprises.csv (GBK)');
    expect(run.stdout).toContain('  accepted 5,950 · updated 0 · unchanged 0 · rejected 50 (6,000 rows)');
    expectRejectsMatch(path.join(dir, 'problems.csv'), 'en', bad);
    const stored = await storedEnterprises(dir);
    expect(stored.size).toBe(5950);
    const first = directory.enterprises[0];
    expect(first && stored.get(first.creditCode)?.name).toBe(first?.name);
  }, 120_000);
});
