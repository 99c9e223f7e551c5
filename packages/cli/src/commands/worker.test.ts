import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCommunity, type Row } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { deliveries, plugins } from '../__fixtures__/apps/office-app.mjs';
import { officeDatabase } from '../__fixtures__/office-database.js';
import { APPS, expectCode, kechuang, spawnKechuang } from '../__fixtures__/run-kechuang.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const APP = path.join(APPS, 'office-app.mjs');
const REPORT = 'progress-reports.report';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory holding the office's database with its land-use request submitted. */
async function officeDir(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kechuang-worker-'));
  dirs.push(dir);
  await officeDatabase(path.join(dir, 'kechuang.sqlite'), { plugins, request: true });
  return dir;
}

/** The rows the run left: timers, outbox rows and the plugin's record of sent reports. */
async function rowsOf(dir: string): Promise<{ timers: Row[]; outbox: Row[]; sent: Row[] }> {
  const storage = sqliteStorage({ filename: path.join(dir, 'kechuang.sqlite') });
  try {
    await createCommunity({ storage, plugins }).ready();
    return {
      timers: await storage.findMany({ model: 'timer', where: [{ field: 'kind', value: REPORT }] }),
      outbox: await storage.findMany({ model: 'outbox', where: [{ field: 'event', value: REPORT }] }),
      sent: await storage.findMany({ model: 'progress_reports_sent' }),
    };
  } finally {
    await storage.close?.();
  }
}

describe('kechuang worker --app', () => {
  it("fires a due plugin timer with the plugin's handler and delivers its notification through the app's notifier", async () => {
    const dir = await officeDir();
    const before = deliveries.length;
    const run = await kechuang(['worker', '--once', '--app', APP], { cwd: dir, env: EN });
    expectCode(run, 0);
    expect(run.stdout).toMatch(new RegExp(`^App module ${APP}: plugins progress-reports \\d+\\.\\d+\\.\\d+, grid 1\\.0\\.0; notifiers mail \\(email\\)\\.$`, 'm'));
    expect(run.stdout).not.toContain('No notifiers are configured');
    expect(run.stdout).toMatch(new RegExp(`^ {2}fired ${REPORT} \\(request `, 'm'));
    expect(run.stderr).toBe('');
    const { timers, outbox, sent } = await rowsOf(dir);
    expect(sent.map((row) => row['n'])).toEqual([1]);
    expect(outbox.map((row) => [row['status'], row['notifierId']])).toEqual([['delivered', 'mail']]);
    expect(timers.map((row) => row['status']).sort()).toEqual(['fired', 'pending']); // the next report is scheduled
    const reports = deliveries.slice(before).filter((message) => message.event === REPORT);
    expect(reports.map((message) => message.to.address)).toEqual(['feng@shuxiang.example']);
    expect(reports[0]?.text).toContain('园区用地规划调整协调');
  });

  it('without --app fails the plugin timer with PLUGIN_ERROR and delivers nothing, and says why', async () => {
    const dir = await officeDir();
    const before = deliveries.length;
    const run = await kechuang(['worker', '--once'], { cwd: dir, env: ZH });
    expectCode(run, 0);
    expect(run.stdout).toContain('未配置通知渠道：待发通知保留在发件箱中');
    expect(run.stdout).toContain('未指定应用模块：插件的计时无人处理，会以 PLUGIN_ERROR 失败。');
    expect(run.stderr).toContain(`No handler is registered for timers of kind '${REPORT}'`);
    const { timers, outbox, sent } = await rowsOf(dir);
    expect(timers.map((row) => [row['status'], row['attempts']])).toEqual([['pending', 1]]);
    expect(timers[0]?.['lastError']).toContain('Install the plugin that schedules them.');
    expect(outbox).toEqual([]);
    expect(sent).toEqual([]);
    expect(deliveries.length).toBe(before);
  });

  it('runs as a process of its own with the module KECHUANG_APP names, relative to the working directory', async () => {
    const dir = await officeDir();
    const relative = path.relative(dir, APP);
    const run = await spawnKechuang(['worker', '--once'], { cwd: dir, env: { ...EN, KECHUANG_APP: relative } });
    expectCode(run, 0);
    expect(run.stdout).toContain(`App module ${relative}: plugins progress-reports`);
    expect(run.stdout).toMatch(/^Timers fired: [1-9]\d*; notifications delivered: [1-9]\d*, failed \(to retry\): 0, dead: 0\.$/m);
    const { outbox } = await rowsOf(dir);
    expect(outbox.map((row) => row['status'])).toEqual(['delivered']);
  }, 30_000);
});
