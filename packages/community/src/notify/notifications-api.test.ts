import { describe, expect, it } from 'vitest';
import { rejection } from '../__fixtures__/expect-error.js';
import { otherOffice } from '../__fixtures__/other-office.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { createWorker } from '../worker/create-worker.js';
import { insertOutbox, outboxById, outboxRow, recordingNotifier } from './dispatch-fixtures.js';
import type { OutboxRecord } from './dispatch-record.js';

async function withDeadLetters() {
  const ding = recordingNotifier('ding');
  const fx = await smallOffice({ notifiers: [ding] });
  const other = await otherOffice(fx);
  const storage = runtimeOf(fx.community).storage;
  const at = (minutes: number) => new Date(fx.clock.now().getTime() + minutes * 60_000);
  const dead = (id: string, officeId: string, minutes: number): OutboxRecord =>
    outboxRow(id, officeId, 'ding', at(minutes), { status: 'dead', attempts: 8, deadAt: at(minutes + 30), lastError: 'HTTP 503', createdAt: at(minutes) });
  await insertOutbox(storage, [
    dead('d3', fx.office.id, 3),
    dead('d1', fx.office.id, 1),
    dead('d5', fx.office.id, 5),
    dead('d2', fx.office.id, 2),
    dead('d4', fx.office.id, 4),
    dead('x1', other.office.id, 1),
    outboxRow('p1', fx.office.id, 'ding', at(0)),
    outboxRow('ok1', fx.office.id, 'ding', at(0), { status: 'delivered', attempts: 1, deliveredAt: at(0) }),
  ]);
  return { fx, other, storage, ding };
}

describe('session.notifications', () => {
  it("lists the office's dead letters, oldest first, in keyset pages", async () => {
    const { fx, other } = await withDeadLetters();
    const head = fx.as(fx.members.stationHead.id);
    const first = await head.notifications.deadLetters({ limit: 2 });
    expect(first.items.map((n) => n.id)).toEqual(['d1', 'd2']);
    expect(first.items[0]).toMatchObject({ status: 'dead', attempts: 8, lastError: 'HTTP 503', notifierId: 'ding' });
    const second = await head.notifications.deadLetters({ limit: 2, after: first.nextCursor ?? '' });
    expect(second.items.map((n) => n.id)).toEqual(['d3', 'd4']);
    const third = await head.notifications.deadLetters({ limit: 2, after: second.nextCursor ?? '' });
    expect(third).toEqual({ items: [expect.objectContaining({ id: 'd5' })], nextCursor: null });
    expect((await fx.as(fx.members.officeStaff.id).notifications.deadLetters()).items).toHaveLength(5);
    expect((await fx.system.notifications.deadLetters()).items).toHaveLength(5);
    // The other office sees only its own.
    expect((await other.session.notifications.deadLetters()).items.map((n) => n.id)).toEqual(['x1']);
    await rejection(head.notifications.deadLetters({ after: 'not-a-cursor' }), 'INVALID_CURSOR');
    await rejection(head.notifications.deadLetters({ limit: 0 }), 'VALIDATION_FAILED');
  });

  it('is for the station head and office staff only', async () => {
    const { fx } = await withDeadLetters();
    for (const member of [fx.members.dispatcher, fx.members.commissioner, fx.members.lead, fx.members.captain, fx.members.contact]) {
      await rejection(fx.as(member.id).notifications.deadLetters(), 'FORBIDDEN');
      await rejection(fx.as(member.id).notifications.redeliver({ id: 'd1' }), 'FORBIDDEN');
    }
  });

  it('re-delivers a dead letter: pending, due now, attempts reset, then sent with the same idempotency key', async () => {
    const { fx, storage, ding } = await withDeadLetters();
    fx.clock.advance(3_600_000);
    const head = fx.as(fx.members.stationHead.id);
    const before = (await outboxById(storage)).get('d2')!;
    const requeued = await head.notifications.redeliver({ id: 'd2' });
    expect(requeued).toMatchObject({ id: 'd2', status: 'pending', attempts: 0, dueAt: fx.clock.now(), deadAt: null, version: before.version + 1, lastError: 'HTTP 503' });
    expect((await head.notifications.deadLetters()).items.map((n) => n.id)).toEqual(['d1', 'd3', 'd4', 'd5']);
    const worker = createWorker(fx.community);
    await worker.runOnce();
    expect(ding.calls.map((c) => [c.message.id, c.message.idempotencyKey, c.ctx.attempt])).toEqual([
      ['p1', 'request.assign:p1:ding', 1],
      ['d2', before.idempotencyKey, 1],
    ]);
    expect((await outboxById(storage)).get('d2')).toMatchObject({ status: 'delivered', attempts: 1, lastError: null });
  });

  it('refuses to re-deliver what is not dead, and what is not in the office', async () => {
    const { fx, other } = await withDeadLetters();
    const head = fx.as(fx.members.stationHead.id);
    const pending = await rejection(head.notifications.redeliver({ id: 'p1' }), 'INVALID_TRANSITION');
    expect(pending.message).toContain('pending');
    const delivered = await rejection(head.notifications.redeliver({ id: 'ok1' }), 'INVALID_TRANSITION');
    expect(delivered.message).toContain('delivered already');
    await rejection(head.notifications.redeliver({ id: 'x1' }), 'NOT_FOUND');
    await rejection(other.session.notifications.redeliver({ id: 'd1' }), 'NOT_FOUND');
    await rejection(head.notifications.redeliver({ id: 'nope' }), 'NOT_FOUND');
  });
});
