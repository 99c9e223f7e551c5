import { expect } from 'vitest';
import { createCommunity, createWorker, definePlugin, manualClock, sequentialIds, type StorageAdapter, type TimerRecord } from '@kechuang/community';

/** What {@link walkFailedTimer} saw, for the caller's assertions. */
export interface FailedTimerWalk {
  /** The timer as `session.timers.failed()` listed it after the worker gave up. */
  listed: TimerRecord[];
  /** The timer `session.timers.retry()` returned. */
  retried: TimerRecord;
  /** The failed timers listed after the retry (none). */
  listedAfter: TimerRecord[];
  /** How many times the handler threw (once per attempt while broken). */
  failures: number;
  /** How many times the handler ran to the end after the retry (once). */
  successes: number;
  /** The timer's row once a worker fired it again. */
  fired: TimerRecord;
}

/**
 * Runs a plugin timer through failure and retry on `storage`: a handler that throws until it
 * is fixed fails its timer `maxAttempts` (3) times, the station head lists the failed timer,
 * retries it once the handler works, and two workers then fire it exactly once. Proves that an
 * adapter keeps `lastError` and `failedAt` and migrates them. The caller owns `storage`.
 *
 * @example
 * ```ts
 * const walk = await walkFailedTimer(sqliteStorage({ filename: ':memory:' }));
 * expect(walk.successes).toBe(1);
 * ```
 */
export async function walkFailedTimer(storage: StorageAdapter): Promise<FailedTimerWalk> {
  let broken = true;
  let failures = 0;
  let successes = 0;
  const plugin = definePlugin({
    id: 'flaky',
    setup({ hooks, timers }) {
      timers.handle('sync', () => {
        if (broken) {
          failures++;
          throw new Error('the city portal answered HTTP 502');
        }
        successes++;
      });
      hooks.transaction('submit', async ({ tx, request }) => {
        await timers.schedule(tx, { officeId: request.officeId, requestId: request.id, name: 'sync', key: `${request.id}:sync`, dueAt: request.createdAt, payload: {} });
      });
    },
  })();
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const community = createCommunity({ storage, clock, ids: sequentialIds('id'), plugins: [plugin] });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const ent = await system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id });
  const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  await system.requests.submit({ communityId: mc.id, enterpriseId: ent.id, channel: 'phone', category: 'other', title: '尾款未结', description: '只有聊天记录' });
  const session = community.as({ kind: 'member', officeId: office.id, memberId: head.id });

  const workers = [createWorker(community, { id: 'w1', maxAttempts: 3, notify: false }), createWorker(community, { id: 'w2', maxAttempts: 3, notify: false })];
  for (const worker of workers) worker.on('error', () => {});
  const drain = async (): Promise<void> => {
    for (let round = 0; round < 6; round++) {
      await Promise.all(workers.map((worker) => worker.runOnce()));
      clock.advance(3_600_000);
    }
  };
  await drain();
  const listed = (await session.timers.failed({ kind: 'flaky.sync' })).items;
  broken = false;
  const retried = await session.timers.retry({ id: listed[0]?.id ?? '' });
  const listedAfter = (await session.timers.failed()).items;
  await drain();
  const row = await storage.findOne({ model: 'timer', where: [{ field: 'id', value: retried.id }] });
  return { listed, retried, listedAfter, failures, successes, fired: row as unknown as TimerRecord };
}

/**
 * Asserts what every adapter must show in a {@link walkFailedTimer} walk: three failures, the
 * failed timer listed with its last error and when it failed, the retry resetting it, and one
 * firing afterwards.
 *
 * @example
 * ```ts
 * expectFailedTimerWalk(await walkFailedTimer(storage));
 * ```
 */
export function expectFailedTimerWalk(walk: FailedTimerWalk): void {
  expect(walk.failures).toBe(3);
  expect(walk.listed).toEqual([expect.objectContaining({ kind: 'flaky.sync', status: 'failed', attempts: 3, lastError: 'the city portal answered HTTP 502', failedAt: expect.any(Date) })]);
  expect(walk.retried).toMatchObject({ status: 'pending', attempts: 0, failedAt: null });
  expect(walk.listedAfter).toEqual([]);
  expect(walk.successes).toBe(1);
  expect(walk.fired).toMatchObject({ status: 'fired', attempts: 1, lastError: null, failedAt: null });
}
