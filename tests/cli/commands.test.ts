/**
 * The `kechuang` commands as a user runs them: the real program as a process, in temp dirs.
 * One demo database is built once and shared by the report and route tests.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCommunity, manualClock, type SubmitRequestInput } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';
import { runKechuang, type KechuangRun } from './run-kechuang.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
/** A stack frame line as Node prints it. */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

const dirs: string[] = [];
function freshDir(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `kechuang-cli-${name}-`));
  dirs.push(dir);
  return dir;
}

function expectCode(run: KechuangRun, code: number): void {
  if (run.code !== code) throw new Error(`expected exit ${code}, got ${String(run.code)}\nstdout:\n${run.stdout}\nstderr:\n${run.stderr}`);
}

/** The demo year in one SQLite file, shared by the report and route tests. */
let demoDir = '';

beforeAll(async () => {
  demoDir = freshDir('demo');
  const run = await runKechuang(['demo', '--enterprises', '600'], { cwd: demoDir, env: EN });
  expectCode(run, 0);
}, 180_000);

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('kechuang init and check', () => {
  it('writes a commented config with its $schema line that check passes, and a database with the office', async () => {
    const cwd = freshDir('init');
    const init = await runKechuang(['init', 'my-office', '--office-name', '仓前街道'], { cwd, env: EN });
    expectCode(init, 0);
    const configFile = path.join(cwd, 'my-office', 'kechuang.config.yaml');
    const text = readFileSync(configFile, 'utf8');
    const schemaLine = /^# yaml-language-server: \$schema=(.+)$/m.exec(text);
    expect(schemaLine).not.toBeNull();
    // The reference resolves from the config's directory to the schema the core ships.
    const schemaPath = path.resolve(path.dirname(configFile), schemaLine?.[1] ?? '');
    expect(JSON.parse(readFileSync(schemaPath, 'utf8'))).toHaveProperty('properties.routing');
    expect(text).toMatch(/^# Routing rules, top to bottom/m);
    expect(existsSync(path.join(cwd, 'my-office', 'kechuang.sqlite'))).toBe(true);
    expect(init.stdout).toContain('created the office 仓前街道 (code my-office)');
    expect(init.stdout).toContain('cd my-office');

    const check = await runKechuang(['check'], { cwd: path.join(cwd, 'my-office'), env: EN });
    expectCode(check, 0);
    expect(check.stdout).toContain('kechuang.config.yaml: the config is valid.');
    expect(check.stdout).toContain('4 portfolios, 1 team, 10 categories, 6 routing rules, 4 SLA policies');

    const again = await runKechuang(['init', 'my-office'], { cwd, env: EN });
    expectCode(again, 3);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(configFile, 'utf8')).toBe(text);
  });

  it('comments the config in Chinese under a Chinese locale, and routes in the new office at once', async () => {
    const cwd = freshDir('init-zh');
    const init = await runKechuang(['init', '.', '--office-code', 'cangqian'], { cwd, env: ZH });
    expectCode(init, 0);
    expect(readFileSync(path.join(cwd, 'kechuang.config.yaml'), 'utf8')).toMatch(/^# 分派规则：自上而下逐条判断/m);
    expect(init.stdout).toContain('已创建街道');
    const route = await runKechuang(['route', '--explain', '--text', '40余个项目尾款未结', '--category', 'legal'], { cwd, env: ZH });
    expectCode(route, 0);
    expect(route.stdout).toMatch(/legal_debts\s+✓ 命中/);
  });

  it('explains a changed config as a draft without storing it, and puts it in force with check --apply', async () => {
    const cwd = freshDir('draft');
    expectCode(await runKechuang(['init', '.', '--office-code', 'cangqian'], { cwd, env: EN }), 0);
    const file = path.join(cwd, 'kechuang.config.yaml');
    // The draft drops the legal rule: legal requests then fall through to later rules or the fallback.
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\bid: legal_debts\b/, 'id: legal_debts_draft'));
    const drafted = await runKechuang(['route', '--explain', '--json', '--text', '40余个项目尾款未结', '--category', 'legal'], { cwd, env: EN });
    expectCode(drafted, 0);
    expect(JSON.parse(drafted.stdout)).toMatchObject({ configVersion: 0, outcome: { matchedRuleIds: expect.arrayContaining(['legal_debts_draft']) } });
    const apply = await runKechuang(['check', '--apply'], { cwd, env: EN });
    expectCode(apply, 0);
    expect(apply.stdout).toContain('now runs version 2 of its config');
    const again = await runKechuang(['check', '--apply'], { cwd, env: EN });
    expect(again.stdout).toContain('already runs this config (version 2)');
    // Elsewhere, with no config file at hand, the office's config in force answers: the one applied.
    const inForce = await runKechuang(['route', '--explain', '--json', '--db', path.join(cwd, 'kechuang.sqlite'), '--category', 'legal', '--text', '尾款'], { cwd: freshDir('elsewhere'), env: EN });
    expectCode(inForce, 0);
    expect(JSON.parse(inForce.stdout)).toMatchObject({ configVersion: 2, outcome: { matchedRuleIds: expect.arrayContaining(['legal_debts_draft']) } });
  });

  it('lists every problem as file:line:col and exits 1', async () => {
    const cwd = freshDir('check-bad');
    writeFileSync(
      path.join(cwd, 'bad.yaml'),
      [
        'version: 1',
        'portfolios:',
        '  - id: economic_development',
        '    labels: { zh-CN: 经济发展, en: Economic development }',
        'categories:',
        '  - id: legal',
        '    labels: { zh-CN: 法律服务, en: Legal services }',
        '    portfolio: economics',
        'routing:',
        '  rules:',
        '    - id: legal_debts',
        '      whne: { category: legal }',
        '      then: { assign: { portfolio: economic_development } }',
        '  fallback:',
        '    assign: { role: station_head }',
        '',
      ].join('\n'),
    );
    const run = await runKechuang(['check', 'bad.yaml'], { cwd, env: EN });
    expectCode(run, 1);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^bad\.yaml:8:5 {2}categories\[0\]\.portfolio: unknown portfolio "economics"/);
    expect(lines[1]).toMatch(/^bad\.yaml:11:7 {2}routing\.rules\[0\]\.when: /);
    expect(lines[2]).toBe('bad.yaml:12:7  routing.rules[0].whne: unknown key — did you mean "when"?');
    expect(run.stderr).toContain('bad.yaml: 3 problems found.');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('reports a YAML syntax error with its position', async () => {
    const cwd = freshDir('check-syntax');
    writeFileSync(path.join(cwd, 'kechuang.config.yaml'), 'routing:\n  fallback: { assign: { role: station_head }\n');
    const run = await runKechuang(['check'], { cwd, env: EN });
    expectCode(run, 1);
    expect(run.stdout).toMatch(/^kechuang\.config\.yaml:\d+:\d+ {2}YAML syntax error/m);
  });
});

describe('kechuang route --explain', () => {
  it('prints the same explanation as session.routing.explain on the same data', async () => {
    const at = '2026-03-04T10:00:00+08:00';
    const route = await runKechuang(
      ['route', '--explain', '--json', '--text', '40余个项目尾款未结，只有聊天记录', '--category', 'legal', '--park', 'P03', '--channel', 'visit', '--at', at],
      { cwd: demoDir, env: EN },
    );
    expectCode(route, 0);
    const fromCli: unknown = JSON.parse(route.stdout);

    const storage = sqliteStorage({ filename: path.join(demoDir, 'kechuang.sqlite') });
    try {
      const community = createCommunity({ storage, clock: manualClock(new Date(at)) });
      const office = await community.offices.findByCode('cangqian');
      if (office === null) throw new Error('the demo office is missing');
      const session = community.as({ kind: 'system', officeId: office.id });
      const park = await session.parks.findByCode('P03');
      if (park === null) throw new Error('park P03 is missing');
      const input: SubmitRequestInput = {
        communityId: park.communityId,
        parkId: park.id,
        channel: 'visit',
        category: 'legal',
        title: '40余个项目尾款未结，只有聊天记录',
      };
      const inProcess = await session.routing.explain(input);
      expect(fromCli).toEqual(JSON.parse(JSON.stringify(inProcess)));
      expect(inProcess.decision.ruleId).toBe('legal_debts');
    } finally {
      await storage.close?.();
    }
  });

  it('resolves an enterprise by credit code and prints a readable rule-by-rule table', async () => {
    const storage = sqliteStorage({ filename: path.join(demoDir, 'kechuang.sqlite') });
    let creditCode = '';
    try {
      const community = createCommunity({ storage });
      const office = await community.offices.findByCode('cangqian');
      const session = community.as({ kind: 'system', officeId: office?.id ?? '' });
      const page = await session.enterprises.list({ limit: 1 });
      creditCode = page.items[0]?.code ?? '';
    } finally {
      await storage.close?.();
    }
    const run = await runKechuang(['route', '--explain', '--text', '园区消防通道被占用', '--category', 'facilities', '--enterprise', creditCode], { cwd: demoDir, env: EN });
    expectCode(run, 0);
    expect(run.stdout).toMatch(/^Decision · Config version \d+$/m);
    expect(run.stdout).toMatch(/^ {2}By\s+rule governance_matters$/m);
    expect(run.stdout).toMatch(/^ {2}SLA policy\s+urgent \(Urgent\) · set by a rule$/m);
    expect(run.stdout).toMatch(/^ {2}safety_is_urgent\s+✓ matched\s+✓ any$/m);
    expect(run.stdout).toMatch(/^ {2}\(fallback\)\s+– not used\s+role station_head$/m);
    // The table's columns line up in terminal columns, Chinese text included.
    const header = run.stdout.split('\n').find((line) => line.includes('rule') && line.includes('expected')) ?? '';
    const textRow = run.stdout.split('\n').find((line) => line.includes('✓ text any')) ?? '';
    expect(textRow.indexOf('安全隐患')).toBe(header.indexOf('expected'));
  });

  it('refuses an unknown park with exit 3 and no stack trace', async () => {
    const run = await runKechuang(['route', '--explain', '--category', 'legal', '--park', 'P99'], { cwd: demoDir, env: EN });
    expectCode(run, 3);
    expect(run.stderr).toBe('error: There is no park with the code P99.\n');
  });
});

describe('kechuang report', () => {
  it('writes the monthly report in each of the four formats', async () => {
    const html = await runKechuang(['report', '--period', '2026-02', '--format', 'html'], { cwd: demoDir, env: EN });
    expectCode(html, 0);
    expect(html.stdout).toBe('Wrote the monthly report for 2026-02: monthly-report-2026-02-park.en.html\n');
    expect(readFileSync(path.join(demoDir, 'monthly-report-2026-02-park.en.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);

    const csv = await runKechuang(['report', '--period', '2026-02', '--format', 'csv', '--unit', 'portfolio', '--out', 'feb.csv'], { cwd: demoDir, env: ZH });
    expectCode(csv, 0);
    expect(csv.stdout).toContain('feb.csv');
    const csvText = readFileSync(path.join(demoDir, 'feb.csv'), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    expect(csvText).toContain('经济发展');

    const md = await runKechuang(['report', '--period', '2026-02', '--format', 'md', '--out', '-', '--lang', 'zh-CN'], { cwd: demoDir, env: EN });
    expectCode(md, 0);
    expect(md.stdout).toMatch(/^# .*2026/);

    const json = await runKechuang(['report', '--period', '2025-12', '--format', 'json', '--out', 'dec.json', '--since', '2025-03-01'], { cwd: demoDir, env: EN });
    expectCode(json, 0);
    const data = JSON.parse(readFileSync(path.join(demoDir, 'dec.json'), 'utf8')) as { month: string; cumulative: { from: string; collected: number } };
    expect(data.month).toBe('2025-12');
    expect(data.cumulative.from).toBe('2025-03-01');
    expect(data.cumulative.collected).toBeGreaterThan(0);
  });

  it('rejects a malformed period as a usage error', async () => {
    const run = await runKechuang(['report', '--period', '2026-13'], { cwd: demoDir, env: EN });
    expectCode(run, 2);
    expect(run.stderr).toContain('Cannot read the month 2026-13');
  });
});

describe('kechuang calendar', () => {
  const due = async (args: string[]): Promise<{ due: string; days: { date: string; kind: string; workingDay?: number; hours?: number }[] }> => {
    const run = await runKechuang(['calendar', 'due', ...args, '--json'], { cwd: freshDir('calendar'), env: EN });
    expectCode(run, 0);
    return JSON.parse(run.stdout) as { due: string; days: { date: string; kind: string; workingDay?: number; hours?: number }[] };
  };

  it('counts working days from the day after the start, make-up workdays included', async () => {
    const national = await due(['--from', '2026-09-30 16:00', '--days', '3']);
    expect(national.due).toBe(new Date('2026-10-10T17:30:00+08:00').toISOString());
    expect(national.days.filter((d) => d.workingDay !== undefined).map((d) => d.date)).toEqual(['2026-10-08', '2026-10-09', '2026-10-10']);
    expect(national.days.filter((d) => d.kind === 'holiday')).toHaveLength(7);

    const spring = await due(['--from', '2025-01-24 18:00', '--days', '2']);
    expect(spring.due).toBe(new Date('2025-01-27T17:30:00+08:00').toISOString());
    expect(spring.days.find((d) => d.date === '2025-01-26')).toMatchObject({ kind: 'make_up_workday', workingDay: 1 });
  });

  it('adds working hours across a make-up Saturday, and accepts ISO times with an offset', async () => {
    const hours = await due(['--from', '2025-10-10T16:00:00+08:00', '--hours', '4']);
    expect(hours.due).toBe(new Date('2025-10-11T11:00:00+08:00').toISOString());
    expect(hours.days.map((d) => d.hours)).toEqual([1.5, 2.5]);
  });

  it('prints the deadline and the skipped days in the chosen language', async () => {
    const cwd = freshDir('calendar-lang');
    const zh = await runKechuang(['calendar', 'due', '--from', '2026-09-30 16:00', '--days', '3'], { cwd, env: ZH });
    expectCode(zh, 0);
    expect(zh.stdout).toMatch(/^期限\s+2026-10-10 17:30 周六$/m);
    expect(zh.stdout).toContain('节假日（国庆节），跳过');
    expect(zh.stdout).toContain('调休上班（国庆节调休） · 第 3 个工作日');
    const en = await runKechuang(['calendar', 'due', '--from', '2026-09-30 16:00', '--days', '3', '--lang', 'en'], { cwd, env: ZH });
    expectCode(en, 0);
    expect(en.stdout).toMatch(/^Due\s+2026-10-10 17:30 Sat$/m);
    expect(en.stdout).toContain('holiday (国庆节), skipped');
  });

  it('checks a new year of holiday data and reports each problem with its line and column', async () => {
    const cwd = freshDir('calendar-check');
    writeFileSync(
      path.join(cwd, 'holidays-2027.yaml'),
      [
        'holidays:',
        "  - { from: '2027-02-06', to: '2027-02-13', name: 春节 }",
        "  - { date: '2027-02-30', name: 元宵 }",
        "  - { from: '2027-05-05', to: '2027-05-01', name: 劳动节 }",
        'workdays:',
        "  - { date: '2027-02-20', name: 春节调休 }",
        "  - { date: '2027-02-17', name: 春节调休 }",
        "  - { date: '2027-02-20' }",
        '',
      ].join('\n'),
    );
    const bad = await runKechuang(['calendar', 'check', 'holidays-2027.yaml'], { cwd, env: EN });
    expectCode(bad, 1);
    expect(bad.stdout.trim().split('\n')).toEqual([
      'holidays-2027.yaml:3:7  holidays[1].date: "2027-02-30" is not a date; write YYYY-MM-DD, e.g. 2026-10-01',
      'holidays-2027.yaml:4:27  holidays[2].to: The range ends (2027-05-01) before it starts (2027-05-05)',
      'holidays-2027.yaml:7:5  workdays[1]: 2027-02-17 is a working day anyway; make-up workdays fall on weekends',
      'holidays-2027.yaml:8:5  workdays[2]: 2027-02-20 is listed twice in workdays (first in entry 1)',
    ]);

    writeFileSync(path.join(cwd, 'good.json'), JSON.stringify({ holidays: [{ from: '2027-02-06', to: '2027-02-13', name: '春节' }], workdays: [{ date: '2027-02-20', name: '春节调休' }] }));
    const good = await runKechuang(['calendar', 'check', 'good.json'], { cwd, env: EN });
    expectCode(good, 0);
    expect(good.stdout).toContain('2027: 8 holiday days, 1 make-up workday');
  });
});

describe('operators: migrate, worker, demo', () => {
  it('migrates a new database and says which schema version it is at', async () => {
    const cwd = freshDir('migrate');
    const run = await runKechuang(['migrate', '--db', 'ops.sqlite'], { cwd, env: EN });
    expectCode(run, 0);
    expect(run.stdout).toMatch(/^The database ops\.sqlite is at schema version \d+ \(\d+ tables\)\.$/m);
    expect(existsSync(path.join(cwd, 'ops.sqlite'))).toBe(true);
  });

  it('runs one worker pass with --once and says that notifications wait without notifiers', async () => {
    const run = await runKechuang(['worker', '--once'], { cwd: demoDir, env: { ...EN, DATABASE_URL: path.join(demoDir, 'kechuang.sqlite') } });
    expectCode(run, 0);
    expect(run.stdout).toContain('No notifiers are configured: notifications wait in the outbox');
    expect(run.stdout).toMatch(/^Timers fired: \d+; notifications delivered: 0/m);
  });

  it('refuses to load the demo office twice', async () => {
    const run = await runKechuang(['demo'], { cwd: demoDir, env: ZH });
    expectCode(run, 3);
    expect(run.stderr).toContain('已有演示街道（cangqian）');
  });
});

describe('errors, exit codes and help', () => {
  it('prints a user error without a stack trace, and the stack only with --debug', async () => {
    const cwd = freshDir('errors');
    const plain = await runKechuang(['report', '--period', '2026-02'], { cwd, env: EN });
    expectCode(plain, 3);
    expect(plain.stderr).toBe('error: There is no database at kechuang.sqlite. Run `kechuang init` first, or name one with --db.\n');
    const debug = await runKechuang(['report', '--period', '2026-02', '--debug'], { cwd, env: EN });
    expectCode(debug, 3);
    expect(debug.stderr).toMatch(STACK_FRAME);
  });

  it('exits 2 on bad flags, in the chosen language', async () => {
    const cwd = freshDir('usage');
    const en = await runKechuang(['check', '--bogus'], { cwd, env: EN });
    expectCode(en, 2);
    expect(en.stderr).toContain("error: unknown option '--bogus'");
    const zh = await runKechuang(['calendar', 'due', '--from', '2026-09-30 16:00'], { cwd, env: ZH });
    expectCode(zh, 2);
    expect(zh.stderr).toContain('错误：请给出 --days 或 --hours 其中之一。');
    const choices = await runKechuang(['report', '--period', '2026-02', '--format', 'pdf'], { cwd, env: EN });
    expectCode(choices, 2);
  });

  it('exits 4 when the database cannot be opened', async () => {
    const cwd = freshDir('storage');
    writeFileSync(path.join(cwd, 'kechuang.sqlite'), 'this is not a database, just text long enough to fill a header page');
    const broken = await runKechuang(['report', '--period', '2026-02'], { cwd, env: EN });
    expectCode(broken, 4);
    expect(broken.stderr).toMatch(/^error: Cannot open the database kechuang\.sqlite: /);
    expect(broken.stderr).not.toMatch(STACK_FRAME);
    const unreachable = await runKechuang(['migrate', '--db', 'postgres://nobody@127.0.0.1:9/nothing'], { cwd, env: EN });
    expectCode(unreachable, 4);
  });

  it('exits 2 and lists the offices when the database holds several and none is chosen', async () => {
    const cwd = freshDir('offices');
    expectCode(await runKechuang(['init', '.', '--office-code', 'north'], { cwd, env: EN }), 0);
    expectCode(await runKechuang(['init', '.', '--office-code', 'south', '--force'], { cwd, env: EN }), 0);
    const run = await runKechuang(['report', '--period', '2026-02'], { cwd, env: EN });
    expectCode(run, 2);
    expect(run.stderr).toContain('several offices (north, south)');
    expectCode(await runKechuang(['report', '--period', '2026-02', '--office', 'south', '--format', 'json'], { cwd, env: EN }), 0);
  });

  it('documents the exit codes and answers --help on every command, with examples', async () => {
    const cwd = freshDir('help');
    const top = await runKechuang(['--help'], { cwd, env: EN });
    expectCode(top, 0);
    expect(top.stdout).toContain('Exit codes:');
    expect(top.stdout).toMatch(/^ {2}70 {2}internal error/m);
    const version = await runKechuang(['--version'], { cwd, env: EN });
    expectCode(version, 0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
    const commands = [['init'], ['check'], ['route'], ['import'], ['report'], ['calendar', 'due'], ['calendar', 'check'], ['migrate'], ['worker'], ['demo']];
    const runs = await Promise.all(commands.map((command) => runKechuang([...command, '--help'], { cwd, env: ZH })));
    runs.forEach((run, i) => {
      expectCode(run, 0);
      expect(run.stdout, commands[i]?.join(' ')).toMatch(/^用法：\s?kechuang/m);
      expect(run.stdout, commands[i]?.join(' ')).toContain('示例：');
    });
  });
});

describe('on PostgreSQL', async () => {
  const reachable = await probeDatabase('tests/cli/commands.test.ts');
  const schema = freshSchemaName();
  const url = new URL(connectionString);
  url.searchParams.set('schema', schema);

  afterAll(async () => {
    if (reachable) await dropSchema(schema);
  });

  it.skipIf(!reachable)('migrates, initialises and explains through DATABASE_URL with a schema', async () => {
    const cwd = freshDir('postgres');
    const env = { ...EN, DATABASE_URL: url.href };
    const migrate = await runKechuang(['migrate'], { cwd, env });
    expectCode(migrate, 0);
    expect(migrate.stdout).toContain(`(schema ${schema})`);
    expectCode(await runKechuang(['init', '.', '--office-code', 'pg-office'], { cwd, env }), 0);
    const route = await runKechuang(['route', '--explain', '--json', '--text', '拖欠货款', '--category', 'other'], { cwd, env });
    expectCode(route, 0);
    // The new office has a team but no members yet: the rule matches, and nobody is available.
    expect(JSON.parse(route.stdout)).toMatchObject({ outcome: { matchedRuleIds: ['legal_debts'] }, decision: { memberId: null, source: 'none' } });
  });
});
