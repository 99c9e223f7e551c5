import { describe, expect, it } from 'vitest';
import { createCommunity } from '../community.js';
import { manualClock } from '../ports/clock.js';
import { sequentialIds } from '../ports/ids.js';
import { buildSchema } from '../storage/core-schema.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { StorageAdapter, StorageOperations } from '../storage/types.js';
import { createWorker } from '../worker/create-worker.js';
import { insertOutbox, outboxById, outboxRow, recordingNotifier } from './dispatch-fixtures.js';
import { rateGate } from './rate-limit-gate.js';
import { normalizeRateLimits, rateCounterId, slotQueue, takeRateSlot } from './rate-limit.js';

const START = new Date('2026-03-02T01:00:00Z');
const MINUTE = 60_000;

/** Fails unless no span of `windowMs` holds more than `limit` of the (sorted) send times. */
function expectSlidingLimit(times: readonly number[], limit: number, windowMs: number): void {
  const sorted = [...times].sort((a, b) => a - b);
  const crowded: string[] = [];
  for (let i = 0; i + limit < sorted.length; i++) {
    if (sorted[i + limit]! - sorted[i]! < windowMs) crowded.push(`${limit + 1} sends within ${sorted[i + limit]! - sorted[i]!} ms from ${new Date(sorted[i]!).toISOString()}`);
  }
  expect(crowded).toEqual([]);
}

async function storageWithSchema(): Promise<StorageAdapter> {
  const storage = memoryStorage();
  await storage.init(buildSchema());
  return storage;
}

/**
 * Memory storage whose transactions do not isolate: each runs straight on the adapter and
 * yields between operations, so concurrent takers interleave their reads and writes as they
 * could on a database under READ COMMITTED. Only the version guard keeps the count right.
 */
function interleavingStorage(inner: StorageAdapter, random: () => number): StorageAdapter {
  const pause = () => new Promise<void>((resolve) => setTimeout(resolve, random() < 0.5 ? 0 : 1));
  const ops: StorageOperations = {
    create: async (args) => (await pause(), inner.create(args)),
    findOne: async (args) => (await pause(), inner.findOne(args)),
    findMany: async (args) => (await pause(), inner.findMany(args)),
    count: async (args) => (await pause(), inner.count(args)),
    update: async (args) => (await pause(), inner.update(args)),
    delete: async (args) => (await pause(), inner.delete(args)),
  };
  return { ...inner, ...ops, transaction: (fn) => fn(ops) };
}

function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('takeRateSlot', () => {
  it('slides: the 21st send in any minute waits until the oldest of the 20 has left it', async () => {
    const storage = await storageWithSchema();
    const runtime = { storage, newId: sequentialIds('rw') };
    const clock = manualClock(START);
    const limits = normalizeRateLimits([{ limit: 20, windowMs: MINUTE }]);
    // 10 sends at :00, 10 at :50.
    for (let i = 0; i < 20; i++) {
      if (i === 10) clock.advance(50_000);
      expect(await takeRateSlot(runtime, { id: 'ding' }, limits, () => clock.now())).toEqual({ taken: true, at: clock.now() });
    }
    // At :59.999 all 20 are still inside; a fixed window starting at :00 would reopen at 1:00 and let 10 more in.
    clock.set(new Date(START.getTime() + MINUTE - 1));
    const full = await takeRateSlot(runtime, { id: 'ding' }, limits, () => clock.now());
    // The first 10 slots free at 1:00, the next 10 at 1:50; after that, one every 3 s.
    const at = (ms: number) => START.getTime() + ms;
    expect(full).toEqual({ taken: false, until: new Date(at(MINUTE)), contended: false, slots: [...Array(10).fill(at(MINUTE)), ...Array(10).fill(at(MINUTE + 50_000))], stride: 3_000 });
    if (full.taken) throw new Error('expected a full window');
    const next = slotQueue(full);
    expect(Array.from({ length: 22 }, next).slice(9)).toEqual([at(MINUTE), ...Array(10).fill(at(MINUTE + 50_000)), at(MINUTE + 53_000), at(MINUTE + 56_000)]);
    clock.set(new Date(START.getTime() + MINUTE));
    for (let i = 0; i < 10; i++) expect((await takeRateSlot(runtime, { id: 'ding' }, limits, () => clock.now())).taken).toBe(true);
    // The next slot frees when the first send of :50 leaves, at 1:50.
    expect(await takeRateSlot(runtime, { id: 'ding' }, limits, () => clock.now())).toMatchObject({ taken: false, until: new Date(START.getTime() + 50_000 + MINUTE), contended: false });
    // Another notifier has windows of its own.
    expect((await takeRateSlot(runtime, { id: 'feishu' }, limits, () => clock.now())).taken).toBe(true);
  });

  it('checks every window before taking any, so a full window wastes no slot in another', async () => {
    const storage = await storageWithSchema();
    const runtime = { storage, newId: sequentialIds('rw') };
    const clock = manualClock(START);
    const limits = normalizeRateLimits([{ limit: 100, windowMs: MINUTE }, { limit: 5, windowMs: 1000 }, { limit: 9, windowMs: 1000 }]);
    expect(limits).toEqual([{ limit: 5, windowMs: 1000 }, { limit: 100, windowMs: MINUTE }]);
    for (let i = 0; i < 5; i++) expect((await takeRateSlot(runtime, { id: 'feishu' }, limits, () => clock.now())).taken).toBe(true);
    expect(await takeRateSlot(runtime, { id: 'feishu' }, limits, () => clock.now())).toMatchObject({ taken: false, until: new Date(START.getTime() + 1000) });
    const minute = await storage.findOne({ model: 'rate_window', where: [{ field: 'id', value: rateCounterId('feishu', MINUTE) }] });
    expect(minute?.['count']).toBe(5);
  });

  it('racing takers on interleaving transactions never get more than the limit', async () => {
    const random = seeded(7);
    const storage = interleavingStorage(await storageWithSchema(), random);
    const runtime = { storage, newId: sequentialIds('rw') };
    const clock = manualClock(START);
    const limits = normalizeRateLimits([{ limit: 20, windowMs: MINUTE }]);
    const taken: number[] = [];
    let contended = 0;
    // 12 takers, each asking until it is refused for a full window, while the clock creeps on.
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        for (let i = 0; i < 30; i++) {
          const slot = await takeRateSlot(runtime, { id: 'ding' }, limits, () => clock.now());
          if (slot.taken) taken.push(clock.now().getTime());
          else if (slot.contended) contended++;
          clock.advance(Math.floor(random() * 400));
        }
      }),
    );
    expectSlidingLimit(taken, 20, MINUTE);
    expect(taken.length).toBeGreaterThanOrEqual(20);
    console.log(`[rate-limit] racing takers: ${taken.length} slots over ${(clock.now().getTime() - START.getTime()) / 1000} s, ${contended} gave up on contention`);
  });
});

describe('rateGate', () => {
  it('asks storage one message at a time, then leases none of a full notifier until slots free, and then only as many', async () => {
    const storage = await storageWithSchema();
    const clock = manualClock(START);
    const gate = rateGate({ storage, newId: sequentialIds('rw'), clock });
    const bot = recordingNotifier('bot', undefined, [{ limit: 3, windowMs: MINUTE }]);
    const free = recordingNotifier('free');
    // Five messages at once: three slots, then the two turned away get the coming slots one each.
    clock.advance(1_000);
    const first = await Promise.all([gate.slot(bot), gate.slot(bot)]);
    clock.advance(1_000);
    const rest = await Promise.all([gate.slot(bot), gate.slot(bot), gate.slot(bot)]);
    const at = (ms: number) => new Date(START.getTime() + ms);
    expect([...first, ...rest]).toEqual([
      { send: true, at: at(1_000) },
      { send: true, at: at(1_000) },
      { send: true, at: at(2_000) },
      { send: false, dueAt: at(1_000 + MINUTE) },
      { send: false, dueAt: at(1_000 + MINUTE) },
    ]);
    expect(await gate.slot(free)).toEqual({ send: true, at: at(2_000) });
    expect(gate.plan(['bot', 'free'], clock.now())).toEqual({ open: ['free'], limited: [] });
    clock.set(at(1_000 + MINUTE));
    expect(gate.plan(['bot', 'free'], clock.now())).toEqual({ open: ['free'], limited: [{ id: 'bot', limit: 2 }] });
    clock.set(at(2_001 + MINUTE));
    expect(gate.plan(['bot', 'free'], clock.now())).toEqual({ open: ['bot', 'free'], limited: [] });
  });
});

describe('shared rate limits across workers', () => {
  it('3 workers on one storage never send a 20/min bot more than 20 messages in any minute', async () => {
    const sends: number[] = [];
    const ding = recordingNotifier(
      'ding',
      async (_message, ctx) => {
        sends.push(ctx.now.getTime());
        return { externalId: null };
      },
      [{ limit: 20, windowMs: MINUTE }],
    );
    const storage = memoryStorage();
    const clock = manualClock(START);
    const community = createCommunity({ storage, clock, notifiers: [ding] });
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    await insertOutbox(storage, Array.from({ length: 70 }, (_, i) => outboxRow(`o${i}`, office.id, 'ding', START)));
    const random = seeded(42);
    const workers = Array.from({ length: 3 }, (_, i) => createWorker(community, { id: `w${i}`, notify: { batchSize: 8, random } }));
    for (let round = 0; round < 2_000; round++) {
      await Promise.all(workers.map((w) => w.runOnce()));
      const rows = [...(await outboxById(storage)).values()];
      if (rows.every((r) => r.status === 'delivered')) break;
      clock.advance(Math.floor(random() * 3_000));
    }
    const rows = [...(await outboxById(storage)).values()];
    expect(rows.filter((r) => r.status === 'delivered')).toHaveLength(70);
    expect(sends).toHaveLength(70);
    expectSlidingLimit(sends, 20, MINUTE);
    // A message put back for a full window has not used up an attempt.
    expect(rows.every((r) => r.attempts === 1)).toBe(true);
    const rateLimited = workers.reduce((sum, w) => sum + w.stats.rateLimited, 0);
    expect(rateLimited).toBeGreaterThan(0);
    // Sends that left the window are pruned now and then: fewer rows than sends remain.
    const windowRows = await storage.count({ model: 'rate_window', where: [] });
    expect(windowRows).toBeLessThan(70 + 1);
    console.log(`[rate-limit] 3 workers: 70 sends over ${((Math.max(...sends) - START.getTime()) / 1000).toFixed(0)} s, ${rateLimited} put back for a full window, ${windowRows} rate_window rows left`);
  });
});
