import { describe, expect, it } from 'vitest';
import { thrown } from '../__fixtures__/expect-error.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { createCommunity } from '../community.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { manualClock } from '../ports/clock.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { StorageAdapter } from '../storage/types.js';
import { createWorker, type Worker } from '../worker/create-worker.js';
import { insertOutbox, outboxById, outboxRow, recordingNotifier } from './dispatch-fixtures.js';
import type { OutboxRecord } from './dispatch-record.js';
import { notifyError, type Notifier } from './notifier.js';

const START = new Date('2026-03-02T01:00:00Z');

async function setUp(notifiers: Notifier[], storage: StorageAdapter = memoryStorage()) {
  const clock = manualClock(START);
  const community = createCommunity({ storage, clock, notifiers });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const rows = (n: number, notifierId = notifiers[0]?.id ?? 'none', extra: Partial<OutboxRecord> = {}) =>
    Array.from({ length: n }, (_, i) => outboxRow(`o${String(i).padStart(4, '0')}`, office.id, notifierId, START, extra));
  return { clock, community, office, storage, rows };
}

/** Collects a worker's notification events. */
function watch(worker: Worker) {
  const seen = { delivered: [] as OutboxRecord[], failed: [] as [OutboxRecord, unknown][], dead: [] as [OutboxRecord, unknown][], errors: [] as unknown[] };
  worker.on('delivered', (n) => seen.delivered.push(n));
  worker.on('failed', (n, e) => seen.failed.push([n, e]));
  worker.on('dead', (n, e) => seen.dead.push([n, e]));
  worker.on('error', (e) => seen.errors.push(e));
  return seen;
}

describe('notifier registry', () => {
  it('refuses two notifiers with one id, and keeps them by id', () => {
    const error = thrown(() => createCommunity({ storage: memoryStorage(), notifiers: [recordingNotifier('ding'), recordingNotifier('ding')] }), 'VALIDATION_FAILED');
    expect(error.message).toContain("'ding'");
    const community = createCommunity({ storage: memoryStorage(), notifiers: [recordingNotifier('ding'), recordingNotifier('mail')] });
    expect([...runtimeOf(community).notifiers.keys()]).toEqual(['ding', 'mail']);
  });

  it('refuses worker settings under which a lease could end mid-send, and rate limits that never let a message through', () => {
    const community = createCommunity({ storage: memoryStorage(), notifiers: [recordingNotifier('ding', undefined, [{ limit: 0, windowMs: 60_000 }])] });
    expect(() => createWorker(community, { notify: false })).not.toThrow();
    const limits = thrown(() => createWorker(community), 'VALIDATION_FAILED');
    expect(limits.details.issues?.[0]?.path).toEqual(['notifiers', 'ding', 'rateLimits', 0]);
    const ok = createCommunity({ storage: memoryStorage(), notifiers: [recordingNotifier('ding')] });
    const lease = thrown(() => createWorker(ok, { notify: { leaseMs: 5_000, sendTimeoutMs: 5_000 } }), 'VALIDATION_FAILED');
    expect(lease.details.issues?.map((i) => i.path.join('.'))).toEqual(['notify.leaseMs']);
  });
});

describe('dispatching outbox rows', () => {
  it('delivers a due row once, handing the notifier the stored message and the attempt', async () => {
    const ding = recordingNotifier('ding');
    const { clock, community, storage, rows } = await setUp([ding]);
    const [row] = rows(1);
    await insertOutbox(storage, [row!, { ...outboxRow('later', row!.officeId, 'ding', new Date(START.getTime() + 60_000)) }]);
    const worker = createWorker(community, { id: 'w1' });
    const seen = watch(worker);
    expect(await worker.runOnce()).toBe(1);
    expect(await worker.runOnce()).toBe(0);
    expect(ding.calls).toHaveLength(1);
    const { message, ctx } = ding.calls[0]!;
    expect(message).toEqual({
      id: row!.id,
      idempotencyKey: row!.idempotencyKey,
      event: 'request.assign',
      locale: 'zh-CN',
      title: row!.message.title,
      text: row!.message.text,
      html: null,
      to: row!.message.to,
      officeId: row!.officeId,
      requestId: null,
      data: row!.message.data,
      createdAt: START,
    });
    expect(ctx.attempt).toBe(1);
    expect(ctx.now).toEqual(START);
    expect(ctx.signal.aborted).toBe(false);
    const stored = (await outboxById(storage)).get(row!.id)!;
    expect(stored).toMatchObject({ status: 'delivered', externalId: `ext-${row!.id}`, deliveredAt: START, attempts: 1, leaseOwner: null, leaseExpiresAt: null, lastError: null });
    expect(seen.delivered.map((n) => n.id)).toEqual([row!.id]);
    expect(worker.stats).toEqual({ delivered: 1, failed: 0, dead: 0, rateLimited: 0, lostLeases: 0 });
    // The later row goes once it is due.
    clock.advance(60_000);
    expect(await worker.runOnce()).toBe(1);
    expect(ding.calls.map((c) => c.message.id)).toEqual([row!.id, 'later']);
  });

  it('retries a retryable failure after an exponential, fully jittered, capped backoff, then delivers', async () => {
    let failures = 4;
    const ding = recordingNotifier('ding', async () => {
      if (failures-- > 0) throw notifyError.retryable('HTTP 503');
      return { externalId: 'm-1' };
    });
    const { clock, community, storage, rows } = await setUp([ding]);
    await insertOutbox(storage, rows(1));
    const worker = createWorker(community, { notify: { backoff: { baseMs: 1_000, maxMs: 5_000 }, random: () => 0.5 } });
    const seen = watch(worker);
    const delays: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await worker.runOnce()).toBe(1);
      const row = [...(await outboxById(storage)).values()][0]!;
      expect(row).toMatchObject({ status: 'pending', attempts: attempt, lastError: 'HTTP 503', leaseOwner: null });
      delays.push(row.dueAt.getTime() - clock.now().getTime());
      // Not before it is due.
      clock.advance(row.dueAt.getTime() - clock.now().getTime() - 1);
      expect(await worker.runOnce()).toBe(0);
      clock.advance(1);
    }
    // Half of min(5000, 1000·2^(n−1)): the cap holds from the fourth attempt on.
    expect(delays).toEqual([500, 1_000, 2_000, 2_500]);
    expect(await worker.runOnce()).toBe(1);
    expect([...(await outboxById(storage)).values()][0]).toMatchObject({ status: 'delivered', attempts: 5, externalId: 'm-1', lastError: null });
    expect(seen.failed).toHaveLength(4);
    expect(seen.failed.every(([, e]) => isKechuangError(e, 'NOTIFY_RETRYABLE'))).toBe(true);
    expect(ding.calls.map((c) => c.ctx.attempt)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(ding.calls.map((c) => c.message.idempotencyKey)).size).toBe(1);
  });

  it("waits at least the notifier's retryAfterMs, and treats unclassified errors as retryable", async () => {
    let call = 0;
    const ding = recordingNotifier('ding', async () => {
      call++;
      if (call === 1) throw notifyError.retryable('sending too fast', { retryAfterMs: 600_000 });
      if (call === 2) throw new TypeError('fetch failed');
      return { externalId: null };
    });
    const { clock, community, storage, rows } = await setUp([ding]);
    await insertOutbox(storage, rows(1));
    const worker = createWorker(community, { notify: { random: () => 0.99 } });
    await worker.runOnce();
    const first = [...(await outboxById(storage)).values()][0]!;
    expect(first.dueAt.getTime() - clock.now().getTime()).toBe(600_000);
    clock.set(first.dueAt);
    await worker.runOnce();
    const second = [...(await outboxById(storage)).values()][0]!;
    expect(second).toMatchObject({ status: 'pending', lastError: 'fetch failed', attempts: 2 });
    clock.set(second.dueAt);
    await worker.runOnce();
    expect([...(await outboxById(storage)).values()][0]).toMatchObject({ status: 'delivered', externalId: null });
  });

  it('makes a permanent failure a dead letter at once, and a retryable one after maxAttempts', async () => {
    const ding = recordingNotifier('ding', async (message) => {
      if (message.id === 'o0000') throw notifyError.permanent('DingTalk errcode 310000: the signature does not match');
      throw notifyError.retryable('HTTP 502');
    });
    const { clock, community, storage, rows } = await setUp([ding]);
    await insertOutbox(storage, rows(2));
    const worker = createWorker(community, { notify: { maxAttempts: 3, backoff: { baseMs: 10, maxMs: 10 } } });
    const seen = watch(worker);
    for (let round = 0; round < 10; round++) {
      await worker.runOnce();
      clock.advance(10);
    }
    const stored = await outboxById(storage);
    expect(stored.get('o0000')).toMatchObject({ status: 'dead', attempts: 1, deadAt: START, lastError: 'DingTalk errcode 310000: the signature does not match', deliveredAt: null });
    expect(stored.get('o0001')).toMatchObject({ status: 'dead', attempts: 3, lastError: 'HTTP 502' });
    expect(seen.dead.map(([n]) => n.id).sort()).toEqual(['o0000', 'o0001']);
    expect(isKechuangError(seen.dead.find(([n]) => n.id === 'o0000')?.[1], 'NOTIFY_PERMANENT')).toBe(true);
    expect(seen.failed.map(([n]) => n.id)).toEqual(['o0001', 'o0001']);
    expect(ding.calls.filter((c) => c.message.id === 'o0000')).toHaveLength(1);
    expect(ding.calls.filter((c) => c.message.id === 'o0001')).toHaveLength(3);
    expect(seen.delivered).toEqual([]);
  });

  it('aborts a send that outlasts sendTimeoutMs and retries it, even when the notifier ignores the signal', async () => {
    const signals: AbortSignal[] = [];
    let call = 0;
    const slow = recordingNotifier('slow', (_message, ctx) => {
      signals.push(ctx.signal);
      call++;
      // The first call never settles; the second would resolve long after the timeout.
      if (call === 1) return new Promise(() => undefined);
      if (call === 2) return new Promise((resolve) => setTimeout(() => resolve({ externalId: 'too-late' }), 400));
      return Promise.resolve({ externalId: 'in-time' });
    });
    const { clock, community, storage, rows } = await setUp([slow]);
    await insertOutbox(storage, rows(1));
    const worker = createWorker(community, { notify: { sendTimeoutMs: 40, leaseMs: 1_000, backoff: { baseMs: 1, maxMs: 1 } } });
    const seen = watch(worker);
    for (let round = 0; round < 3; round++) {
      await worker.runOnce();
      clock.advance(1);
    }
    expect(signals.map((s) => s.aborted)).toEqual([true, true, false]);
    expect(isKechuangError(signals[0]!.reason, 'NOTIFY_RETRYABLE')).toBe(true);
    expect(seen.failed.map(([, e]) => (isKechuangError(e) ? e.code : String(e)))).toEqual(['NOTIFY_RETRYABLE', 'NOTIFY_RETRYABLE']);
    expect([...(await outboxById(storage)).values()][0]).toMatchObject({ status: 'delivered', externalId: 'in-time', attempts: 3 });
  });

  it('counts a lease lost to another worker instead of recording over it', async () => {
    let release: () => void = () => undefined;
    let first = true;
    const ding = recordingNotifier('ding', async () => {
      if (first) {
        first = false;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { externalId: 'from-a' };
      }
      return { externalId: 'from-b' };
    });
    const { clock, community, storage, rows } = await setUp([ding]);
    await insertOutbox(storage, rows(1));
    const a = createWorker(community, { id: 'a', notify: { leaseMs: 30_000, sendTimeoutMs: 10_000 } });
    const b = createWorker(community, { id: 'b', notify: { leaseMs: 30_000, sendTimeoutMs: 10_000 } });
    const seenA = watch(a);
    const roundA = a.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // A's lease expires while its send hangs; B takes the row over and delivers it.
    clock.advance(30_001);
    expect(await b.runOnce()).toBe(1);
    release();
    expect(await roundA).toBe(0);
    expect(a.stats.lostLeases).toBe(1);
    expect(seenA.errors).toEqual([]);
    expect(seenA.delivered).toEqual([]);
    expect([...(await outboxById(storage)).values()][0]).toMatchObject({ status: 'delivered', externalId: 'from-b', attempts: 2 });
    // Both sends carried the same idempotency key: a visible retry.
    expect(new Set(ding.calls.map((c) => c.message.idempotencyKey)).size).toBe(1);
  });

  it('leaves rows of a notifier nobody registered pending, says so once, and delivers them once it is registered', async () => {
    const { community, storage, rows } = await setUp([recordingNotifier('ding')]);
    await insertOutbox(storage, rows(3, 'wecom'));
    const worker = createWorker(community);
    const seen = watch(worker);
    for (let round = 0; round < 3; round++) expect(await worker.runOnce()).toBe(0);
    expect(seen.errors).toHaveLength(1);
    expect(isKechuangError(seen.errors[0], 'PLUGIN_ERROR') && seen.errors[0].details['notifierId']).toBe('wecom');
    expect([...(await outboxById(storage)).values()].map((r) => [r.status, r.attempts])).toEqual([
      ['pending', 0],
      ['pending', 0],
      ['pending', 0],
    ]);
    const wecom = recordingNotifier('wecom');
    const later = createCommunity({ storage, clock: manualClock(START), notifiers: [wecom] });
    expect(await createWorker(later).runOnce()).toBe(3);
    expect([...(await outboxById(storage)).values()].every((r) => r.status === 'delivered')).toBe(true);
  });

  it.each([
    ['with claim()', true],
    ['with guarded updates (no claim)', false],
  ])('4 workers racing %s deliver each of 300 rows exactly once', async (_label, withClaim) => {
    const inner = memoryStorage();
    const storage: StorageAdapter = withClaim ? inner : { ...inner, capabilities: { ...inner.capabilities, claim: false }, claim: undefined };
    const ding = recordingNotifier('ding', async (message) => {
      // Yield so that the workers' rounds interleave.
      await new Promise((resolve) => setTimeout(resolve, 0));
      return { externalId: message.id };
    });
    const { community, rows } = await setUp([ding], storage);
    await insertOutbox(storage, rows(300));
    const workers = Array.from({ length: 4 }, (_, i) => createWorker(community, { id: `w${i}`, notify: { batchSize: 16, concurrency: 4 } }));
    const deliveredBy = new Map<string, number>();
    for (const w of workers) w.on('delivered', () => deliveredBy.set(w.id, (deliveredBy.get(w.id) ?? 0) + 1));
    for (let round = 0; round < 100; round++) {
      const counts = await Promise.all(workers.map((w) => w.runOnce()));
      if (counts.every((c) => c === 0)) break;
    }
    const perKey = new Map<string, number>();
    for (const call of ding.calls) perKey.set(call.message.id, (perKey.get(call.message.id) ?? 0) + 1);
    expect(perKey.size).toBe(300);
    expect([...perKey.values()].every((n) => n === 1)).toBe(true);
    expect([...(await outboxById(storage)).values()].every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
    expect([...deliveredBy.values()].reduce((a, b) => a + b, 0)).toBe(300);
    expect(deliveredBy.size).toBeGreaterThan(1);
  });

  it('a started worker delivers what is due, goes idle and stops', async () => {
    const ding = recordingNotifier('ding');
    const fx = await smallOffice({ notifiers: [ding] });
    const storage = runtimeOf(fx.community).storage;
    await insertOutbox(storage, Array.from({ length: 45 }, (_, i) => outboxRow(`s${i}`, fx.office.id, 'ding', fx.clock.now())));
    const worker = createWorker(fx.community, { pollIntervalMs: 5 });
    const idle = new Promise<void>((resolve) => worker.once('idle', resolve));
    worker.start();
    await idle;
    await worker.stop();
    expect(ding.calls).toHaveLength(45);
    expect(worker.stats.delivered).toBe(45);
  });

  it('a worker with notify: false leaves notifications alone', async () => {
    const ding = recordingNotifier('ding');
    const { community, storage, rows } = await setUp([ding]);
    await insertOutbox(storage, rows(2));
    expect(await createWorker(community, { notify: false }).runOnce()).toBe(0);
    expect(ding.calls).toEqual([]);
  });
});
