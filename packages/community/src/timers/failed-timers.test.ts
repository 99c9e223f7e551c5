import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { otherOffice } from '../__fixtures__/other-office.js';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import { notifyConfig } from '../notify/__fixtures__/notify-office.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { rowToRecord } from '../storage/records.js';
import { createWorker } from '../worker/create-worker.js';
import type { TimerRecord } from './timer-record.js';

const MAX_ATTEMPTS = 3;

/**
 * A plugin whose `ping` timer (one per submitted request) throws while `broken.on` is set, and
 * records every call its handler gets once it works.
 */
function flakyPlugin(broken: { on: boolean }, calls: TimerRecord[]) {
  return definePlugin({
    id: 'pinger',
    setup({ hooks, timers }) {
      timers.handle('ping', ({ timer }) => {
        if (broken.on) throw new Error('the city portal answered HTTP 502');
        calls.push(timer);
      });
      hooks.transaction('submit', async ({ tx, request }) => {
        await timers.schedule(tx, { officeId: request.officeId, requestId: request.id, name: 'ping', key: `${request.id}:ping`, dueAt: new Date(request.createdAt.getTime() + 60_000), payload: { n: 1 } });
      });
    },
  })();
}

async function timerRows(fx: SmallOffice, kind: string): Promise<TimerRecord[]> {
  const rows = await runtimeOf(fx.community).storage.findMany({ model: 'timer', where: [{ field: 'kind', value: kind }], orderBy: [{ field: 'createdAt' }, { field: 'id' }] });
  return rows.map((row) => rowToRecord<TimerRecord>(row));
}

/** Runs the worker, moving the clock past each backoff, until nothing is due for an hour. */
async function drain(fx: SmallOffice, worker: ReturnType<typeof createWorker>): Promise<void> {
  for (let round = 0; round < 20; round++) {
    await worker.runOnce();
    fx.clock.advance(3_600_000);
  }
}

/** An office with `count` requests whose ping timers failed for good. */
async function withFailedTimers(count: number) {
  const broken = { on: true };
  const calls: TimerRecord[] = [];
  const fx = await smallOffice({ plugins: [flakyPlugin(broken, calls)] });
  const requests = [];
  for (let i = 0; i < count; i++) {
    requests.push(await fx.system.requests.submit(submission(fx, { title: `诉求 ${i}` })));
    fx.clock.advance(1_000);
  }
  const worker = createWorker(fx.community, { id: 'w1', maxAttempts: MAX_ATTEMPTS });
  worker.on('error', () => {});
  await drain(fx, worker);
  return { fx, broken, calls, requests, worker };
}

describe('session.timers', () => {
  it("lists the office's failed timers, oldest first, in keyset pages, with what failed and when", async () => {
    const { fx, requests } = await withFailedTimers(3);
    const pings = await timerRows(fx, 'pinger.ping');
    expect(pings.map((t) => t.status)).toEqual(['failed', 'failed', 'failed']);
    const head = fx.as(fx.members.stationHead.id);
    const first = await head.timers.failed({ limit: 2 });
    expect(first.items.map((t) => t.id)).toEqual([pings[0]!.id, pings[1]!.id]);
    expect(first.items[0]).toMatchObject({ kind: 'pinger.ping', status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'the city portal answered HTTP 502', requestId: requests[0]!.id });
    expect(first.items[0]!.failedAt).toBeInstanceOf(Date);
    expect(first.items[0]!.failedAt!.getTime()).toBeGreaterThan(first.items[0]!.createdAt.getTime());
    const second = await head.timers.failed({ limit: 2, after: first.nextCursor ?? '' });
    expect(second).toEqual({ items: [expect.objectContaining({ id: pings[2]!.id })], nextCursor: null });
    // Filters: by request, by kind, and both.
    expect((await head.timers.failed({ requestId: requests[1]!.id })).items.map((t) => t.id)).toEqual([pings[1]!.id]);
    expect((await head.timers.failed({ kind: 'pinger.ping' })).items).toHaveLength(3);
    expect((await head.timers.failed({ kind: 'sla.reminder' })).items).toEqual([]);
    expect((await head.timers.failed({ kind: 'pinger.ping', requestId: requests[2]!.id })).items.map((t) => t.id)).toEqual([pings[2]!.id]);
    await rejection(head.timers.failed({ after: 'not-a-cursor' }), 'INVALID_CURSOR');
    await rejection(head.timers.failed({ limit: 0 }), 'VALIDATION_FAILED');
  });

  it('retries a failed timer: pending, due now, attempts reset; a worker then fires it exactly once with the same timer', async () => {
    const { fx, broken, calls, worker } = await withFailedTimers(1);
    const [failed] = await timerRows(fx, 'pinger.ping');
    broken.on = false; // the cause is fixed
    const head = fx.as(fx.members.stationHead.id);
    const requeued = await head.timers.retry({ id: failed!.id });
    expect(requeued).toMatchObject({ id: failed!.id, status: 'pending', attempts: 0, dueAt: fx.clock.now(), failedAt: null, version: failed!.version + 1, lastError: 'the city portal answered HTTP 502' });
    expect((await head.timers.failed()).items).toEqual([]);
    const fired: string[] = [];
    worker.on('fired', (timer) => fired.push(timer.id));
    const other = createWorker(fx.community, { id: 'w2' });
    await Promise.all([worker.runOnce(), other.runOnce()]);
    await drain(fx, worker);
    expect(fired.filter((id) => id === failed!.id)).toHaveLength(1);
    expect(calls.map((t) => [t.id, t.key, t.payload, t.attempts])).toEqual([[failed!.id, failed!.key, { n: 1 }, 1]]);
    expect((await timerRows(fx, 'pinger.ping'))[0]).toMatchObject({ status: 'fired', attempts: 1, lastError: null, failedAt: null });
  });

  it("lets the station head, office staff and the system in; every other role is FORBIDDEN; another office's timer is NOT_FOUND", async () => {
    const { fx } = await withFailedTimers(2);
    const [one, two] = await timerRows(fx, 'pinger.ping');
    const other = await otherOffice(fx);
    expect((await fx.as(fx.members.officeStaff.id).timers.failed()).items).toHaveLength(2);
    expect((await fx.system.timers.failed()).items).toHaveLength(2);
    for (const member of [fx.members.dispatcher, fx.members.commissioner, fx.members.lead, fx.members.captain, fx.members.contact]) {
      await rejection(fx.as(member.id).timers.failed(), 'FORBIDDEN');
      await rejection(fx.as(member.id).timers.retry({ id: one!.id }), 'FORBIDDEN');
    }
    expect((await other.session.timers.failed()).items).toEqual([]);
    await rejection(other.session.timers.retry({ id: one!.id }), 'NOT_FOUND');
    await rejection(fx.system.timers.retry({ id: 'no-such-timer' }), 'NOT_FOUND');
    expect(await fx.as(fx.members.officeStaff.id).timers.retry({ id: one!.id })).toMatchObject({ status: 'pending' });
    expect(await fx.system.timers.retry({ id: two!.id })).toMatchObject({ status: 'pending' });
  });

  it('refuses to retry a timer that has not failed, saying its state', async () => {
    const { fx, broken, worker } = await withFailedTimers(1);
    const [failed] = await timerRows(fx, 'pinger.ping');
    const head = fx.as(fx.members.stationHead.id);
    await head.timers.retry({ id: failed!.id });
    const pending = await rejection(head.timers.retry({ id: failed!.id }), 'INVALID_TRANSITION');
    expect(pending.message).toContain('is pending, not failed');
    expect(pending.details).toMatchObject({ state: 'pending', model: 'timer' });
    broken.on = false;
    await drain(fx, worker);
    const fired = await rejection(head.timers.retry({ id: failed!.id }), 'INVALID_TRANSITION');
    expect(fired.message).toContain('it fired already');
  });

  it("firing a concluded request's failed SLA reminder again does nothing", async () => {
    const fx = await smallOffice();
    await fx.system.config.update(notifyConfig(null));
    const r = await fx.system.requests.submit(submission(fx));
    const storage = runtimeOf(fx.community).storage;
    const [reminder] = await timerRows(fx, 'sla.reminder');
    expect(reminder).toBeDefined();
    // As if every attempt had failed while the request was open.
    await storage.update({ model: 'timer', where: [{ field: 'id', value: reminder!.id }], data: { status: 'failed', attempts: 10, lastError: 'database timeout', failedAt: fx.clock.now(), version: reminder!.version + 1 } });
    const lead = fx.as(r.assigneeId ?? '');
    await lead.requests.accept({ requestId: r.id });
    await lead.requests.reply({ requestId: r.id, outcome: 'solved', note: '已办理' });
    await fx.system.requests.followUp({ requestId: r.id, rating: 'satisfied' });
    const reminders: unknown[] = [];
    fx.community.events.on('sla.reminder', (event) => void reminders.push(event));
    await fx.system.timers.retry({ id: reminder!.id });
    const worker = createWorker(fx.community);
    expect(await worker.runOnce()).toBe(1);
    expect(reminders).toEqual([]);
    expect((await timerRows(fx, 'sla.reminder')).find((t) => t.id === reminder!.id)).toMatchObject({ status: 'fired' });
    expect(await storage.count({ model: 'outbox', where: [{ field: 'event', value: 'sla.reminder' }] })).toBe(0);
  });
});
