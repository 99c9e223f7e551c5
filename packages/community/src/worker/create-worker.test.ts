import { describe, expect, it } from 'vitest';
import { smallOffice, submission } from '../__fixtures__/small-office.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { leaseDueTimers } from '../timers/fire-timers.js';
import type { TimerRecord } from '../timers/timer-record.js';
import { createWorker } from './create-worker.js';

/** A plugin that schedules `count` timers per submitted request and counts firings. */
function pinger(count: number, fired: Map<string, number>, failFirst = false) {
  const failed = new Set<string>();
  return definePlugin({
    id: 'pinger',
    setup({ hooks, timers }) {
      timers.handle('ping', ({ timer }) => {
        if (failFirst && !failed.has(timer.key)) {
          failed.add(timer.key);
          throw new Error('flaky endpoint');
        }
        fired.set(timer.key, (fired.get(timer.key) ?? 0) + 1);
      });
      hooks.transaction('submit', async ({ tx, request }) => {
        for (let i = 0; i < count; i++) {
          await timers.schedule(tx, { officeId: request.officeId, requestId: request.id, name: 'ping', key: `${request.id}:${i}`, dueAt: new Date(request.createdAt.getTime() + 60_000 * (i + 1)), payload: { i } });
        }
      });
    },
  })();
}

async function timersOf(fx: Awaited<ReturnType<typeof smallOffice>>): Promise<TimerRecord[]> {
  const runtime = runtimeOf(fx.community);
  return (await runtime.storage.findMany({ model: 'timer', where: [] })) as unknown as TimerRecord[];
}

describe('createWorker', () => {
  it('4 workers racing on one storage fire each of 200 timers exactly once', async () => {
    const fired = new Map<string, number>();
    const fx = await smallOffice({ plugins: [pinger(10, fired)] });
    for (let i = 0; i < 20; i++) await fx.system.requests.submit(submission(fx, { title: `诉求 ${i}` }));
    fx.clock.advance(24 * 3_600_000);
    const workers = Array.from({ length: 4 }, (_, i) => createWorker(fx.community, { id: `w${i}`, batchSize: 7 }));
    const firedBy = new Map<string, number>();
    for (const w of workers) w.on('fired', () => firedBy.set(w.id, (firedBy.get(w.id) ?? 0) + 1));
    // Interleave rounds of all four until nothing is left.
    for (let round = 0; round < 100; round++) {
      const counts = await Promise.all(workers.map((w) => w.runOnce()));
      if (counts.every((c) => c === 0)) break;
    }
    expect(fired.size).toBe(200);
    expect([...fired.values()].every((n) => n === 1)).toBe(true);
    expect([...firedBy.values()].reduce((a, b) => a + b, 0)).toBe(200);
    expect(firedBy.size).toBeGreaterThan(1);
    expect((await timersOf(fx)).every((t) => t.status === 'fired')).toBe(true);
  });

  it('a timer leased by a worker that died is fired by another after the lease expires, once', async () => {
    const fired = new Map<string, number>();
    const fx = await smallOffice({ plugins: [pinger(5, fired)] });
    await fx.system.requests.submit(submission(fx));
    fx.clock.advance(3_600_000);
    // The dead worker leases everything and never fires.
    const dead = await leaseDueTimers(runtimeOf(fx.community), { owner: 'dead', batchSize: 100, leaseMs: 60_000, maxAttempts: 10 }, fx.clock.now());
    expect(dead).toHaveLength(5);
    const survivor = createWorker(fx.community, { id: 'survivor', leaseMs: 60_000 });
    expect(await survivor.runOnce()).toBe(0);
    fx.clock.advance(61_000);
    expect(await survivor.runOnce()).toBe(5);
    expect(await survivor.runOnce()).toBe(0);
    expect([...fired.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('does not fire timers before they are due, and retries a failing handler with backoff', async () => {
    const fired = new Map<string, number>();
    const fx = await smallOffice({ plugins: [pinger(1, fired, true)] });
    await fx.system.requests.submit(submission(fx));
    const worker = createWorker(fx.community);
    const errors: unknown[] = [];
    worker.on('error', (error) => errors.push(error));
    expect(await worker.runOnce()).toBe(0);
    fx.clock.advance(60_000);
    expect(await worker.runOnce()).toBe(0);
    expect(errors).toHaveLength(1);
    expect((await timersOf(fx))[0]).toMatchObject({ status: 'pending', lastError: 'flaky endpoint', attempts: 1 });
    fx.clock.advance(2_000);
    expect(await worker.runOnce()).toBe(1);
    expect(fired.size).toBe(1);
  });

  it('starts, goes idle and stops cleanly', async () => {
    const fx = await smallOffice();
    const worker = createWorker(fx.community, { pollIntervalMs: 5 });
    const idle = new Promise<void>((resolve) => worker.once('idle', resolve));
    worker.start();
    await idle;
    await worker.stop();
  });
});
