import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APPS, expectCode, kechuang, spawnKechuang } from './__fixtures__/run-kechuang.js';
import { exitCodes } from './exit-codes.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kechuang-app-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const app = (name: string): string => path.join(APPS, name);

/** `kechuang migrate --app <module>` on a new SQLite file: the first command that loads it. */
async function migrateWith(module: string, env: Record<string, string>): Promise<{ code: number | null; stderr: string; created: boolean }> {
  const cwd = freshDir();
  const run = await kechuang(['migrate', '--db', 'app.sqlite', '--app', module], { cwd, env });
  // A module that cannot be used fails before any database is opened or created.
  return { code: run.code, stderr: run.stderr, created: existsSync(path.join(cwd, 'app.sqlite')) };
}

describe('the app module (--app)', () => {
  const cases: { name: string; module: () => string; code: number; en: string[]; zh: string[] }[] = [
    {
      name: 'a file that is not there',
      module: () => './no-such-app.mjs',
      code: exitCodes.notFound,
      en: ['error: Cannot find the app module ./no-such-app.mjs (--app): there is no file ', 'no-such-app.mjs. Pass the module that exports your plugins and notifiers with --app, e.g. --app ./app.mjs.'],
      zh: ['错误：找不到应用模块 ./no-such-app.mjs（--app）：', 'no-such-app.mjs 不存在。请用 --app 指定导出插件和通知渠道的模块文件'],
    },
    {
      name: 'a package that is not installed',
      module: () => '@cangqian/no-such-app',
      code: exitCodes.notFound,
      en: ['error: Cannot find the app module @cangqian/no-such-app (--app): there is no file ', 'and no package of that name where the CLI can import it. Pass the path of the module with --app (e.g. --app ./app.mjs)'],
      zh: ['错误：找不到应用模块 @cangqian/no-such-app（--app）：既没有文件', '也没有可供命令行工具导入的同名软件包。请用 --app 给出模块文件的路径'],
    },
    {
      name: 'a module that throws while loading',
      module: () => app('throws.mjs'),
      code: exitCodes.problems,
      en: ['throws.mjs failed while loading: DINGTALK_SECRET is not set'],
      zh: ['throws.mjs 加载时出错：DINGTALK_SECRET is not set'],
    },
    {
      name: 'a module that exports neither plugins nor notifiers',
      module: () => app('nothing.mjs'),
      code: exitCodes.problems,
      en: ['nothing.mjs exports neither plugins nor notifiers (it exports: default, name). Export them by name: export const plugins = [...]; export const notifiers = [...];'],
      zh: ['nothing.mjs 既没有导出 plugins，也没有导出 notifiers（它导出的是：default、name）。请以具名导出提供'],
    },
    {
      name: "a plugin's factory instead of a plugin",
      module: () => app('factory.mjs'),
      code: exitCodes.problems,
      en: ['error: Item 1 of the plugins the app module ', 'factory.mjs exports is not a plugin (it is a function).', "\n  It is a function, the plugin's factory: call it to configure the plugin, e.g. progressReports() rather than progressReports.\n"],
      zh: ['factory.mjs 导出的 plugins 第 1 项不是插件（实际是函数）。', '\n  这一项是函数，也就是插件的工厂：请调用它来配置插件'],
    },
    {
      name: 'notifiers that are not an array',
      module: () => app('bad-notifiers.mjs'),
      code: exitCodes.problems,
      en: ['bad-notifiers.mjs exports notifiers as an object; it must be an array.'],
      zh: ['bad-notifiers.mjs 导出的 notifiers 应为数组，实际是对象。'],
    },
    {
      name: 'a plugin the community refuses',
      module: () => app('refused.mjs'),
      code: exitCodes.problems,
      en: ['refused.mjs:\n', "\n  Cannot install plugins: plugin 'progress-reports' option intervalWorkingDays: "],
      zh: ['refused.mjs 导出的插件或通知渠道无法装入社区：\n', "\n  Cannot install plugins: plugin 'progress-reports' option intervalWorkingDays: "],
    },
  ];

  for (const { name, module, code, en, zh } of cases) {
    it(`refuses ${name} with exit ${code}, in English and Chinese`, async () => {
      const inEnglish = await migrateWith(module(), EN);
      expect(inEnglish.code, inEnglish.stderr).toBe(code);
      for (const text of en) expect(inEnglish.stderr).toContain(text);
      expect(inEnglish.stderr).not.toMatch(/^\s+at /m);
      expect(inEnglish.created).toBe(false);
      const inChinese = await migrateWith(module(), ZH);
      expect(inChinese.code).toBe(code);
      for (const text of zh) expect(inChinese.stderr).toContain(text);
    });
  }

  it('names KECHUANG_APP when the module came from the environment', async () => {
    const run = await kechuang(['migrate', '--db', 'app.sqlite'], { cwd: freshDir(), env: { ...EN, KECHUANG_APP: 'missing.mjs' } });
    expectCode(run, exitCodes.notFound);
    expect(run.stderr).toContain('Cannot find the app module missing.mjs (KECHUANG_APP): there is no file ');
  });

  it('imports a package by its name, as the CLI itself would import it', async () => {
    // The plugin package exports its factory, not a list: found, and then refused for it.
    const { code, stderr } = await migrateWith('@kechuang/plugin-progress-reports', EN);
    expect(code).toBe(exitCodes.problems);
    expect(stderr).toMatch(/exports neither plugins nor notifiers \(it exports: .*progressReports/);
  });

  it('loads a TypeScript module when the CLI runs under tsx', async () => {
    const cwd = freshDir();
    const run = await spawnKechuang(['migrate', '--db', 'app.sqlite', '--app', app('notifier-only.ts')], { cwd, env: EN });
    expectCode(run, exitCodes.ok);
    expect(run.stdout).toMatch(/^The database app\.sqlite is at schema version \d+ \(\d+ tables\)\.$/m);
  }, 30_000);

  it('is ignored by commands that open no community, and documented in the help', async () => {
    const cwd = freshDir();
    const due = await kechuang(['calendar', 'due', '--from', '2026-09-30 16:00', '--days', '3', '--app', './no-such-app.mjs'], { cwd, env: EN });
    expectCode(due, exitCodes.ok);
    const help = await kechuang(['--help'], { cwd, env: ZH });
    expect(help.stdout).toMatch(/--app <module>\s+应用的 ES 模块/);
    const worker = await kechuang(['worker', '--help'], { cwd, env: EN });
    expect(worker.stdout).toContain('kechuang worker --app ./app.mjs');
  });
});
