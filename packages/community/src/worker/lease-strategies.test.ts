import { describe, expect, it } from 'vitest';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { ClaimArgs, StorageAdapter } from '../storage/types.js';
import { fireTimer, leaseDueTimers, type LeaseSettings } from '../timers/fire-timers.js';
import type { TimerRecord } from '../timers/timer-record.js';
import { createWorker } from './create-worker.js';

/** Memory storage that records its claims and guarded updates of timers. */
function observedStorage(withClaim: boolean) {
  const inner = memoryStorage();
  const claims: ClaimArgs[] = [];
  let timerUpdates = 0;
  const storage: StorageAdapter = {
    ...inner,
    capabilities: { ...inner.capabilities, claim: withClaim },
    update: (args) => {
      if (args.model === 'timer') timerUpdates += 1;
      return inner.update(args);
    },
    claim: withClaim
      ? (args) => {
          claims.push(args);
          const claim = inner.claim;
          if (!claim) throw new Error('memoryStorage should implement claim');
          return claim(args);
        }
      : undefined,
  };
  return { storage, claims, timerUpdates: () => timerUpdates };
}

/** Schedules `count` plugin timers per submitted request, a minute apart, and counts firings. */
function pinger(count: number, fired: Map<string, number>) {
  return definePlugin({
    id: 'pinger',
    setup({ hooks, timers }) {
      timers.handle('ping', ({ timer }) => {
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

async function timersOf(fx: SmallOffice): Promise<TimerRecord[]> {
  return (await runtimeOf(fx.community).storage.findMany({ model: 'timer', where: [] })) as unknown as TimerRecord[];
}

const settings = (owner: string, batchSize: number): LeaseSettings => ({ owner, batchSize, leaseMs: 60_000, maxAttempts: 10 });

describe('leaseDueTimers with claim()', () => {
  it('leases one batch in one claim, oldest due first, without guarded updates', async () => {
    const observed = observedStorage(true);
    const fx = await smallOffice({ storage: observed.storage, plugins: [pinger(6, new Map())] });
    await fx.system.requests.submit(submission(fx));
    fx.clock.advance(4 * 60_000 + 1);
    const now = fx.clock.now();
    const leased = await leaseDueTimers(runtimeOf(fx.community), settings('w1', 3), now);
    expect(observed.claims).toHaveLength(1);
    expect(observed.claims[0]).toMatchObject({ model: 'timer', limit: 3, increment: ['attempts', 'version'] });
    expect(observed.timerUpdates()).toBe(0);
    expect(leased.map((t) => t.payload['i'])).toEqual([0, 1, 2]);
    for (const timer of leased) {
      expect(timer).toMatchObject({ status: 'leased', leaseOwner: 'w1', leaseExpiresAt: new Date(now.getTime() + 60_000), attempts: 1, version: 2 });
    }
    // Only four are due: the next claim takes the one left and nothing that is not due yet.
    const rest = await leaseDueTimers(runtimeOf(fx.community), settings('w2', 3), now);
    expect(rest.map((t) => t.payload['i'])).toEqual([3]);
    expect(await leaseDueTimers(runtimeOf(fx.community), settings('w3', 3), now)).toEqual([]);
  });

  it('takes over a lease only once it has expired, raising the version past the dead worker’s', async () => {
    const observed = observedStorage(true);
    const fired = new Map<string, number>();
    const fx = await smallOffice({ storage: observed.storage, plugins: [pinger(2, fired)] });
    await fx.system.requests.submit(submission(fx));
    fx.clock.advance(3_600_000);
    const runtime = runtimeOf(fx.community);
    const dead = await leaseDueTimers(runtime, settings('dead', 10), fx.clock.now());
    expect(dead).toHaveLength(2);
    expect(await leaseDueTimers(runtime, settings('early', 10), fx.clock.now())).toEqual([]);
    fx.clock.advance(60_000);
    const taken = await leaseDueTimers(runtime, settings('late', 10), fx.clock.now());
    expect(taken.map((t) => [t.leaseOwner, t.attempts, t.version])).toEqual([
      ['late', 2, 3],
      ['late', 2, 3],
    ]);
    // The dead worker's copies carry the old version: firing them is refused, so nothing fires twice.
    for (const timer of dead) expect((await fireTimer(runtime, settings('dead', 10), timer)).kind).toBe('lost');
    for (const timer of taken) expect((await fireTimer(runtime, settings('late', 10), timer)).kind).toBe('fired');
    expect([...fired.values()]).toEqual([1, 1]);
  });
});

describe.each([
  { strategy: 'claim()', withClaim: true },
  { strategy: 'guarded updates (no claim capability)', withClaim: false },
])('4 workers leasing with $strategy', ({ withClaim }) => {
  it('fire each of 120 timers exactly once, spread over the workers', async () => {
    const observed = observedStorage(withClaim);
    const fired = new Map<string, number>();
    const fx = await smallOffice({ storage: observed.storage, plugins: [pinger(10, fired)] });
    for (let i = 0; i < 12; i++) await fx.system.requests.submit(submission(fx, { title: `诉求 ${i}` }));
    fx.clock.advance(24 * 3_600_000);
    const workers = Array.from({ length: 4 }, (_, i) => createWorker(fx.community, { id: `w${i}`, batchSize: 5 }));
    const firedBy = new Map<string, number>();
    for (const w of workers) w.on('fired', () => firedBy.set(w.id, (firedBy.get(w.id) ?? 0) + 1));
    for (let round = 0; round < 100; round++) {
      const counts = await Promise.all(workers.map((w) => w.runOnce()));
      if (counts.every((c) => c === 0)) break;
    }
    expect(fired.size).toBe(120);
    expect([...fired.values()].every((n) => n === 1)).toBe(true);
    expect([...firedBy.values()].reduce((a, b) => a + b, 0)).toBe(120);
    expect(firedBy.size).toBeGreaterThan(1);
    expect((await timersOf(fx)).every((t) => t.status === 'fired' && t.attempts === 1)).toBe(true);
    expect(observed.claims.length > 0).toBe(withClaim);
  });
});
