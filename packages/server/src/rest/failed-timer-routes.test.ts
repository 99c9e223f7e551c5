import { memoryStorage, type Row, type StorageAdapter } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, expectInvalid, expectProblem, reply } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let storage: StorageAdapter;
let head: string;
const start = new Date('2026-03-02T01:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** A timer row as the worker leaves it; `failed` ones were given up after their last attempt. */
function timerRow(id: string, officeId: string, minutes: number, status: 'failed' | 'pending' | 'fired', kind = 'progress-reports.report', requestId: string | null = null): Row {
  return {
    id,
    officeId,
    requestId,
    kind,
    key: `${id}:key`,
    dueAt: at(minutes),
    payload: { note: '良渚秘密计时' },
    status,
    leaseOwner: null,
    leaseExpiresAt: null,
    firedAt: status === 'fired' ? at(minutes) : null,
    attempts: status === 'pending' ? 0 : 10,
    lastError: status === 'failed' ? "No handler is registered for timers of kind 'progress-reports.report'." : null,
    failedAt: status === 'failed' ? at(minutes + 60) : null,
    createdAt: at(minutes),
    version: 1,
  };
}

beforeAll(async () => {
  storage = memoryStorage();
  world = await demoServer({ storage });
  head = world.demo.stationHeadId;
  const rows = [
    ...[5, 1, 4, 2, 3].map((n) => timerRow(`failed-${n}`, world.office.id, n, 'failed')),
    timerRow('failed-sla', world.office.id, 6, 'failed', 'sla.reminder', 'req-9'),
    timerRow('pending-1', world.office.id, 0, 'pending'),
    timerRow('fired-1', world.office.id, 0, 'fired'),
    timerRow('theirs-1', world.other.office.id, 1, 'failed'),
  ];
  for (const row of rows) await storage.create({ model: 'timer', data: row });
});

interface Page {
  items: { id: string; status: string; kind: string; attempts: number; lastError: string | null; failedAt: string | null; officeId: string }[];
  nextCursor: string | null;
}
const list = async (query = '', who = head, call = world.call) => {
  const got = await reply(await call(who, 'GET', `/api/timers/failed${query}`));
  expect(got.status).toBe(200);
  return got.body as unknown as Page;
};

describe('GET /api/timers/failed', () => {
  it("pages through the office's failed timers, oldest first, with what failed and when", async () => {
    const ids: string[] = [];
    let page = await list('?limit=2');
    ids.push(...page.items.map((t) => t.id));
    while (page.nextCursor) {
      page = await list(`?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`);
      ids.push(...page.items.map((t) => t.id));
    }
    expect(ids).toEqual(['failed-1', 'failed-2', 'failed-3', 'failed-4', 'failed-5', 'failed-sla']);
    expect((await list()).items[0]).toMatchObject({ status: 'failed', attempts: 10, lastError: expect.stringContaining('No handler'), failedAt: at(61).toISOString(), officeId: world.office.id });
  });

  it('narrows by kind and by request', async () => {
    expect((await list('?kind=sla.reminder')).items.map((t) => t.id)).toEqual(['failed-sla']);
    expect((await list('?requestId=req-9&kind=sla.reminder')).items.map((t) => t.id)).toEqual(['failed-sla']);
    expect((await list('?requestId=req-9&kind=progress-reports.report')).items).toEqual([]);
  });

  it('answers bad input with problem+json', async () => {
    await expectInvalid(await world.call(head, 'GET', '/api/timers/failed?limit=many'), 'query.limit');
    await expectInvalid(await world.call(head, 'GET', '/api/timers/failed?status=pending'), 'query.status');
    await expectInvalid(await world.call(head, 'GET', '/api/timers/failed?kind='), 'query.kind');
    await expectProblem(await world.call(head, 'GET', '/api/timers/failed?cursor=bm90LWEtY3Vyc29y'), 400, 'INVALID_CURSOR');
  });

  it('is for the station head and office staff only (403), and shows each office only its own', async () => {
    expect((await list('', world.demo.officeStaffIds[0]!)).items.length).toBeGreaterThan(0);
    for (const who of [world.p01.captainId, world.demo.lawyerId, world.demo.dispatcherIds[0]!]) {
      const refused = await expectProblem(await world.call(who, 'GET', '/api/timers/failed'), 403, 'FORBIDDEN');
      expect(refused.text).not.toContain('failed-1');
    }
    expect((await list('?limit=500')).items.map((t) => t.id)).not.toContain('theirs-1');
    expect((await list('', world.other.memberId, world.callOther)).items.map((t) => t.id)).toEqual(['theirs-1']);
  });
});

describe('POST /api/timers/{id}/retry', () => {
  it('puts a failed timer back to pending, due now, with its attempts reset; a repeat with the same Idempotency-Key is replayed', async () => {
    const headers = { 'idempotency-key': 'retry-failed-5' };
    const first = await world.call(head, 'POST', '/api/timers/failed-5/retry', undefined, headers);
    const got = await reply(first);
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: 'failed-5', status: 'pending', attempts: 0, failedAt: null, version: 2 });
    const again = await world.call(head, 'POST', '/api/timers/failed-5/retry', undefined, headers);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect((await reply(again)).body).toEqual(got.body);
    expect((await list()).items.map((t) => t.id)).not.toContain('failed-5');
    expect(await storage.findOne({ model: 'timer', where: [{ field: 'id', value: 'failed-5' }] })).toMatchObject({ status: 'pending', attempts: 0, version: 2 });
  });

  it('refuses a timer that has not failed (409), saying its state and changing nothing', async () => {
    const pending = await expectProblem(await world.call(head, 'POST', '/api/timers/pending-1/retry'), 409, 'INVALID_TRANSITION');
    expect(pending.body['detail']).toContain('pending');
    const fired = await expectProblem(await world.call(head, 'POST', '/api/timers/fired-1/retry'), 409, 'INVALID_TRANSITION');
    expect(fired.body['detail']).toContain('fired already');
    expect(await storage.findOne({ model: 'timer', where: [{ field: 'id', value: 'fired-1' }] })).toMatchObject({ status: 'fired', version: 1 });
  });

  it("is a bare 404 for the other office's timer and for an unknown id", async () => {
    await expectHidden(await world.call(head, 'POST', '/api/timers/theirs-1/retry'), ['良渚秘密计时', world.other.office.id]);
    await expectHidden(await world.callOther(world.other.memberId, 'POST', '/api/timers/failed-4/retry'), [world.office.id]);
    await expectProblem(await world.call(head, 'POST', '/api/timers/no-such-id/retry'), 404, 'NOT_FOUND');
    expect(await storage.findOne({ model: 'timer', where: [{ field: 'id', value: 'theirs-1' }] })).toMatchObject({ status: 'failed', version: 1 });
  });

  it('is for the station head and office staff only (403), and asks for credentials first (401)', async () => {
    await expectProblem(await world.call(world.p01.captainId, 'POST', '/api/timers/failed-3/retry'), 403, 'FORBIDDEN');
    expect(await storage.findOne({ model: 'timer', where: [{ field: 'id', value: 'failed-3' }] })).toMatchObject({ status: 'failed', version: 1 });
    expect((await reply(await world.call(world.demo.officeStaffIds[0]!, 'POST', '/api/timers/failed-3/retry'))).body).toMatchObject({ id: 'failed-3', status: 'pending' });
    await expectProblem(await world.call(null, 'POST', '/api/timers/failed-2/retry'), 401, 'UNAUTHENTICATED');
    await expectProblem(await world.call(null, 'GET', '/api/timers/failed'), 401, 'UNAUTHENTICATED');
  });
});
