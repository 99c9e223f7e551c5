import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gridConfigText, officeDatabase } from '../__fixtures__/office-database.js';
import { APPS, expectCode, kechuang } from '../__fixtures__/run-kechuang.js';
import { exitCodes } from '../exit-codes.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const APP = path.join(APPS, 'office-app.mjs');

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A directory with `kechuang.config.yaml` holding `text`, or with no config file. */
function withConfig(text?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kechuang-check-'));
  dirs.push(dir);
  if (text !== undefined) writeFileSync(path.join(dir, 'kechuang.config.yaml'), text);
  return dir;
}

describe('kechuang check and plugins', () => {
  it("refuses a plugin's operator and strategy without --app, and says how to pass the app", async () => {
    const cwd = withConfig(gridConfigText());
    const run = await kechuang(['check'], { cwd, env: EN });
    expectCode(run, exitCodes.problems);
    expect(run.stdout).toMatch(/^kechuang\.config\.yaml:\d+:\d+ {2}routing\.rules\[0\]\.when\.park\["grid\.in_zone"\]: no plugin registers the operator "grid\.in_zone"/m);
    expect(run.stdout).toMatch(/^kechuang\.config\.yaml:\d+:\d+ {2}routing\.rules\[0\]\.then\.assign\.strategy: no plugin registers the assignment strategy "grid\.first"/m);
    expect(run.stderr).toContain("The CLI knows your app's plugins only with --app <module> (or KECHUANG_APP)");
    const zh = await kechuang(['check'], { cwd, env: ZH });
    expect(zh.stderr).toContain('命令行工具只有在给出 --app <模块>（或 KECHUANG_APP）时才认识应用的插件');
  });

  it('accepts them with --app, and suggests the registered name for a misspelt one', async () => {
    const valid = await kechuang(['check', '--app', APP], { cwd: withConfig(gridConfigText()), env: EN });
    expectCode(valid, exitCodes.ok);
    expect(valid.stdout).toContain('kechuang.config.yaml: the config is valid.');

    const misspelt = await kechuang(['check', '--app', APP], { cwd: withConfig(gridConfigText({ operator: 'grid.in_zon', strategy: 'grid.frist' })), env: EN });
    expectCode(misspelt, exitCodes.problems);
    expect(misspelt.stdout).toMatch(/routing\.rules\[0\]\.when\.park\["grid\.in_zon"\]: no plugin registers the operator "grid\.in_zon": .* — did you mean "grid\.in_zone"\?$/m);
    expect(misspelt.stdout).toMatch(/routing\.rules\[0\]\.then\.assign\.strategy: no plugin registers the assignment strategy "grid\.frist": .* — did you mean "grid\.first"\?$/m);
    // With the app given, the hint about --app would only mislead.
    expect(misspelt.stderr).not.toContain('--app');
  });

  it("checks an operator's argument with the plugin's own validate", async () => {
    const run = await kechuang(['check', '--app', APP], { cwd: withConfig(gridConfigText().replace('grid.in_zone: north', 'grid.in_zone: east')), env: EN });
    expectCode(run, exitCodes.problems);
    expect(run.stdout).toContain('grid.in_zone: name one of the zones: north, south');
  });

  it('puts such a config in force with --apply --app, and the office then routes by it', async () => {
    const cwd = withConfig(gridConfigText());
    await officeDatabase(path.join(cwd, 'kechuang.sqlite'));
    const apply = await kechuang(['check', '--apply', '--app', APP], { cwd, env: EN });
    expectCode(apply, exitCodes.ok);
    expect(apply.stdout).toContain('In force: office cangqian now runs version 1 of its config.');
    // Elsewhere, with no config file at hand: the stored config, with the app's plugins.
    const db = path.join(cwd, 'kechuang.sqlite');
    const route = await kechuang(['route', '--explain', '--json', '--db', db, '--app', APP, '--park', 'P01', '--category', 'legal', '--text', '合同咨询'], { cwd: withConfig(), env: EN });
    expectCode(route, exitCodes.ok);
    expect(JSON.parse(route.stdout)).toMatchObject({ configVersion: 1, decision: { ruleId: 'north_zone', reason: 'rule north_zone: team LEGAL, strategy grid.first → L001' } });
  });
});
