import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gridConfigText, officeDatabase } from '../__fixtures__/office-database.js';
import { APPS, expectCode, kechuang } from '../__fixtures__/run-kechuang.js';
import { exitCodes } from '../exit-codes.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const APP = path.join(APPS, 'office-app.mjs');
const REQUEST = ['route', '--explain', '--park', 'P01', '--category', 'legal', '--text', '合同咨询'];

let cwd = '';
beforeAll(async () => {
  cwd = mkdtempSync(path.join(tmpdir(), 'kechuang-route-'));
  await officeDatabase(path.join(cwd, 'kechuang.sqlite'));
});
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

describe('kechuang route --explain and plugins', () => {
  it("explains a draft that names a plugin's operator and strategy with --app", async () => {
    writeFileSync(path.join(cwd, 'kechuang.config.yaml'), gridConfigText());
    const json = await kechuang([...REQUEST, '--json', '--app', APP], { cwd, env: EN });
    expectCode(json, exitCodes.ok);
    expect(JSON.parse(json.stdout)).toMatchObject({ configVersion: 0, decision: { ruleId: 'north_zone', reason: 'rule north_zone: team LEGAL, strategy grid.first → L001' } });
    const table = await kechuang([...REQUEST, '--app', APP], { cwd, env: EN });
    expectCode(table, exitCodes.ok);
    expect(table.stdout).toMatch(/^ {2}north_zone\s+✓ matched/m);
    const south = await kechuang([...REQUEST, '--park', 'P02', '--json', '--app', APP], { cwd, env: EN });
    expect(JSON.parse(south.stdout)).toMatchObject({ decision: { ruleId: null } });
  });

  it('refuses the same draft without --app, listing each name and how to pass the app', async () => {
    writeFileSync(path.join(cwd, 'kechuang.config.yaml'), gridConfigText());
    const run = await kechuang(REQUEST, { cwd, env: EN });
    expectCode(run, exitCodes.problems);
    expect(run.stderr).toContain('error: The config kechuang.config.yaml has 2 problems; fix them and try again.');
    expect(run.stderr).toContain('no plugin registers the operator "grid.in_zone"');
    expect(run.stderr).toContain('no plugin registers the assignment strategy "grid.first"');
    expect(run.stderr).toMatch(/\n {2}The config names plugins' operators, actions or strategies\. The CLI knows your app's plugins only with --app <module>/);
    const zh = await kechuang(REQUEST, { cwd, env: ZH });
    expectCode(zh, exitCodes.problems);
    expect(zh.stderr).toContain('配置用到了插件提供的条件、动作或分派策略。');
  });

  it('suggests the registered name for a misspelt one with --app', async () => {
    writeFileSync(path.join(cwd, 'kechuang.config.yaml'), gridConfigText({ operator: 'grid.in_zome' }));
    const run = await kechuang([...REQUEST, '--app', APP], { cwd, env: EN });
    expectCode(run, exitCodes.problems);
    expect(run.stderr).toMatch(/no plugin registers the operator "grid\.in_zome": .* — did you mean "grid\.in_zone"\?/);
    expect(run.stderr).not.toContain('The CLI knows');
  });
});
