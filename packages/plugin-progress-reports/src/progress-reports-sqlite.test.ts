import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { communityOver, local, progressOffice, runDaily, sh, workerOf } from './__fixtures__/progress-office.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-progress-reports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('progress reports on SQLite', () => {
  it('survive a restart: timers scheduled by one process are fired by a fresh one, each report once', async () => {
    const filename = join(dir, 'restart.db');
    const first = sqliteStorage({ filename });
    const fx = await progressOffice({}, { storage: first });
    fx.clock.set(sh('2026-09-23T10:00:00'));
    const request = await fx.system.requests.submit(fx.input('园区用地规划调整协调'));
    await fx.community.close();
    await first.close?.();

    // A new process: its own adapter, caches and worker, on the same file.
    const second = sqliteStorage({ filename });
    const community = communityOver(second, fx, 'b');
    const worker = workerOf(community, 'after-restart');
    try {
      await runDaily(fx.clock, worker, '2026-10-15');
      const sent = await second.findMany({ model: 'progress_reports_sent', where: [{ field: 'requestId', value: request.id }], orderBy: [{ field: 'n' }] });
      expect(sent.map((row) => [row['n'], local(row['sentAt'] as Date), row['messages']])).toEqual([
        [1, '2026-10-08 18:00', 1],
        [2, '2026-10-14 18:00', 1],
      ]);
      const rows = await second.findMany({ model: 'outbox', where: [{ field: 'requestId', value: request.id }, { field: 'event', value: 'progress-reports.report' }] });
      expect(rows.map((row) => [row['status'], (row['message'] as { to: { address: string } }).to.address])).toEqual([
        ['delivered', 'feng@shuxiang.example'],
        ['delivered', 'feng@shuxiang.example'],
      ]);
      expect(fx.mail.messages.filter((m) => m.event === 'progress-reports.report')).toHaveLength(2);
    } finally {
      await community.close();
      await second.close?.();
    }
  });
});
