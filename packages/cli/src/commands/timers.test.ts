import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCommunity, type Row } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { plugins } from '../__fixtures__/apps/office-app.mjs';
import { officeDatabase } from '../__fixtures__/office-database.js';
import { APPS, expectCode, kechuang } from '../__fixtures__/run-kechuang.js';

const EN = { LANG: 'en_US.UTF-8' };
const ZH = { LANG: 'zh_CN.UTF-8' };
const APP = path.join(APPS, 'office-app.mjs');
const REPORT = 'progress-reports.report';
const ERROR = `No handler is registered for timers of kind '${REPORT}'. Install the plugin that schedules them.`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Opens the directory's database with the app's plugins, for reading and arranging rows. */
async function withStorage<T>(dir: string, use: (storage: ReturnType<typeof sqliteStorage>) => Promise<T>): Promise<T> {
  const storage = sqliteStorage({ filename: path.join(dir, 'kechuang.sqlite') });
  try {
    await createCommunity({ storage, plugins }).ready();
    return await use(storage);
  } finally {
    await storage.close?.();
  }
}

const reports = (dir: string): Promise<Row[]> => withStorage(dir, (storage) => storage.findMany({ model: 'timer', where: [{ field: 'kind', value: REPORT }], orderBy: [{ field: 'createdAt' }, { field: 'id' }] }));

/**
 * A fresh directory holding the office's database whose progress-report timer failed for good:
 * a worker without --app tried it once, and its remaining attempts are taken as spent.
 */
async function failedDir(): Promise<{ dir: string; id: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'kechuang-timers-'));
  dirs.push(dir);
  await officeDatabase(path.join(dir, 'kechuang.sqlite'), { plugins, request: true });
  expectCode(await kechuang(['worker', '--once'], { cwd: dir, env: EN }), 0);
  const [timer] = await reports(dir);
  const id = String(timer?.['id']);
  await withStorage(dir, (storage) =>
    storage.update({ model: 'timer', where: [{ field: 'id', value: id }], data: { status: 'failed', attempts: 10, failedAt: new Date('2026-10-08T02:00:00Z') } }),
  );
  return { dir, id };
}

describe('kechuang timers failed', () => {
  it('prints a table of the failed timers with their last error, and --json the records', async () => {
    const { dir, id } = await failedDir();
    const run = await kechuang(['timers', 'failed'], { cwd: dir, env: EN });
    expectCode(run, 0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^id +kind +request +attempts +failed at +last error$/);
    expect(lines[1]).toContain(id);
    expect(lines[1]).toContain(REPORT);
    expect(lines[1]).toContain('2026-10-08 10:00');
    expect(lines[1]).toContain(ERROR);
    expect(run.stdout).toContain('1 failed timer.');
    const zh = await kechuang(['timers', 'failed', '--kind', REPORT], { cwd: dir, env: ZH });
    expect(zh.stdout).toMatch(/^编号 +类型 +诉求 +尝试次数 +失败时间 +最后的错误$/m);
    expect(zh.stdout).toContain('共 1 个失败的计时。');
    const json = await kechuang(['timers', 'failed', '--json'], { cwd: dir, env: EN });
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ id, kind: REPORT, status: 'failed', attempts: 10, lastError: ERROR, failedAt: '2026-10-08T02:00:00.000Z' })]);
    expect((await kechuang(['timers', 'failed', '--kind', 'sla.reminder'], { cwd: dir, env: ZH })).stdout).toBe('没有失败的计时。\n');
  });
});

describe('kechuang timers retry', () => {
  it('queues a failed timer again, and the worker with --app then fires it once', async () => {
    const { dir, id } = await failedDir();
    const run = await kechuang(['timers', 'retry', id], { cwd: dir, env: ZH });
    expectCode(run, 0);
    expect(run.stdout).toBe(`已重新排队计时 ${id}（${REPORT}），后台任务（kechuang worker）会再次触发它。\n`);
    expect((await reports(dir))[0]).toMatchObject({ status: 'pending', attempts: 0, failedAt: null });
    const worker = await kechuang(['worker', '--once', '--app', APP], { cwd: dir, env: EN });
    expectCode(worker, 0);
    expect(worker.stdout.match(new RegExp(`fired ${REPORT}`, 'g'))).toHaveLength(1);
    expect((await reports(dir)).map((row) => row['status']).sort()).toEqual(['fired', 'pending']);
    const sent = await withStorage(dir, (storage) => storage.findMany({ model: 'progress_reports_sent' }));
    expect(sent.map((row) => row['n'])).toEqual([1]);
    // Fired now: retrying it again is refused, saying why.
    const again = await kechuang(['timers', 'retry', id], { cwd: dir, env: EN });
    expectCode(again, 3);
    expect(again.stderr).toContain(`Timer ${id} is fired, not failed; there is nothing to retry.`);
  });

  it('--all queues every failed timer that matches, with progress on standard error', async () => {
    const { dir } = await failedDir();
    const none = await kechuang(['timers', 'retry', '--all', '--kind', 'sla.reminder'], { cwd: dir, env: EN });
    expect(none.stdout).toBe('No failed timers.\n');
    const run = await kechuang(['timers', 'retry', '--all', '--kind', REPORT], { cwd: dir, env: EN });
    expectCode(run, 0);
    expect(run.stdout).toBe('Queued 1 timer again; the worker (kechuang worker) will fire it.\n');
    expect(run.stderr).toContain('Queueing again 100% (1/1)');
    expect((await kechuang(['timers', 'failed'], { cwd: dir, env: EN })).stdout).toBe('No failed timers.\n');
  });

  it('asks for an id or --all, and refuses an unknown id', async () => {
    const { dir, id } = await failedDir();
    const bare = await kechuang(['timers', 'retry'], { cwd: dir, env: ZH });
    expectCode(bare, 2);
    expect(bare.stderr).toContain('请给出计时编号，或用 --all 重新排队所有失败的计时。');
    expectCode(await kechuang(['timers', 'retry', id, '--all'], { cwd: dir, env: EN }), 2);
    expectCode(await kechuang(['timers', 'retry', id, '--kind', REPORT], { cwd: dir, env: EN }), 2);
    const unknown = await kechuang(['timers', 'retry', 'no-such-timer'], { cwd: dir, env: EN });
    expectCode(unknown, 3);
    expect(unknown.stderr).toContain("No timer 'no-such-timer'");
  });
});
