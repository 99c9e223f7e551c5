import { memoryStorage, type Row, type StorageAdapter } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, expectInvalid, expectProblem, reply } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let storage: StorageAdapter;
let head: string;
const start = new Date('2026-03-02T01:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

/** An outbox row as a change's transaction writes it; `dead` ones failed for good. */
function outboxRow(id: string, officeId: string, minutes: number, status: 'dead' | 'pending' | 'delivered', title = '新诉求待处理'): Row {
  return {
    id,
    officeId,
    requestId: null,
    event: 'request.assign',
    notifierId: 'ding',
    channel: 'dingtalk',
    recipientMemberId: null,
    idempotencyKey: `request.assign:${id}:ding`,
    message: { locale: 'zh-CN', title, text: `您有一条新诉求待处理（${id}）`, html: null, to: { memberId: null, name: '李律师', address: null }, data: {} },
    status,
    dueAt: at(minutes),
    attempts: status === 'pending' ? 0 : 8,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: status === 'dead' ? 'HTTP 503 from the DingTalk robot' : null,
    externalId: null,
    deliveredAt: status === 'delivered' ? at(minutes) : null,
    deadAt: status === 'dead' ? at(minutes + 30) : null,
    createdAt: at(minutes),
    version: 1,
  };
}

beforeAll(async () => {
  storage = memoryStorage();
  world = await demoServer({ storage });
  head = world.demo.stationHeadId;
  const rows = [
    ...[5, 1, 4, 2, 7, 3, 6].map((n) => outboxRow(`dead-${n}`, world.office.id, n, 'dead')),
    outboxRow('pending-1', world.office.id, 0, 'pending'),
    outboxRow('delivered-1', world.office.id, 0, 'delivered'),
    outboxRow('theirs-1', world.other.office.id, 1, 'dead', '良渚秘密通知'),
  ];
  for (const row of rows) await storage.create({ model: 'outbox', data: row });
});

interface Page {
  items: { id: string; status: string; lastError: string | null; officeId: string }[];
  nextCursor: string | null;
}
const list = async (query = '', who = head, call = world.call) => {
  const got = await reply(await call(who, 'GET', `/api/dead-letters${query}`));
  expect(got.status).toBe(200);
  return got.body as unknown as Page;
};

describe('GET /api/dead-letters', () => {
  it("pages through the office's dead letters, oldest first, without repeating or skipping one", async () => {
    const ids: string[] = [];
    let page = await list('?limit=3');
    ids.push(...page.items.map((n) => n.id));
    while (page.nextCursor) {
      expect(page.items).toHaveLength(3);
      page = await list(`?limit=3&cursor=${encodeURIComponent(page.nextCursor)}`);
      ids.push(...page.items.map((n) => n.id));
    }
    expect(ids).toEqual(['dead-1', 'dead-2', 'dead-3', 'dead-4', 'dead-5', 'dead-6', 'dead-7']);
    const all = await list();
    expect(all.items[0]).toMatchObject({ status: 'dead', lastError: 'HTTP 503 from the DingTalk robot', officeId: world.office.id });
    expect(all.nextCursor).toBeNull();
  });

  it('answers bad paging input with problem+json', async () => {
    await expectInvalid(await world.call(head, 'GET', '/api/dead-letters?limit=many'), 'query.limit');
    await expectInvalid(await world.call(head, 'GET', '/api/dead-letters?limit=0'), 'limit');
    await expectInvalid(await world.call(head, 'GET', '/api/dead-letters?status=pending'), 'query.status');
    await expectProblem(await world.call(head, 'GET', '/api/dead-letters?cursor=bm90LWEtY3Vyc29y'), 400, 'INVALID_CURSOR');
  });

  it('is for the station head and office staff only (403)', async () => {
    expect((await list('', world.demo.officeStaffIds[0]!)).items.length).toBeGreaterThan(0);
    for (const who of [world.p01.captainId, world.demo.lawyerId, world.demo.dispatcherIds[0]!]) {
      const refused = await expectProblem(await world.call(who, 'GET', '/api/dead-letters'), 403, 'FORBIDDEN');
      expect(refused.text).not.toContain('dead-1');
    }
  });

  it('shows each office only its own', async () => {
    expect((await list('?limit=500')).items.map((n) => n.id)).not.toContain('theirs-1');
    const theirs = await list('', world.other.memberId, world.callOther);
    expect(theirs.items.map((n) => n.id)).toEqual(['theirs-1']);
  });
});

describe('POST /api/dead-letters/{id}/redeliver', () => {
  it('puts a dead letter back in the queue, due now, with its attempts reset', async () => {
    const got = await reply(await world.call(head, 'POST', '/api/dead-letters/dead-6/redeliver'));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: 'dead-6', status: 'pending', attempts: 0, deadAt: null, version: 2 });
    expect((await list()).items.map((n) => n.id)).not.toContain('dead-6');
    const stored = await storage.findOne({ model: 'outbox', where: [{ field: 'id', value: 'dead-6' }] });
    expect(stored).toMatchObject({ status: 'pending', attempts: 0, idempotencyKey: 'request.assign:dead-6:ding' });
  });

  it('refuses what is not dead (409), changing nothing', async () => {
    const again = await expectProblem(await world.call(head, 'POST', '/api/dead-letters/pending-1/redeliver'), 409, 'INVALID_TRANSITION');
    expect(again.body['detail']).toContain('pending');
    await expectProblem(await world.call(head, 'POST', '/api/dead-letters/delivered-1/redeliver'), 409, 'INVALID_TRANSITION');
    expect(await storage.findOne({ model: 'outbox', where: [{ field: 'id', value: 'delivered-1' }] })).toMatchObject({ status: 'delivered', version: 1 });
  });

  it("is a bare 404 for the other office's notification, and for an unknown id", async () => {
    await expectHidden(await world.call(head, 'POST', '/api/dead-letters/theirs-1/redeliver'), ['良渚秘密通知', world.other.office.id]);
    await expectHidden(await world.callOther(world.other.memberId, 'POST', '/api/dead-letters/dead-7/redeliver'), ['李律师', world.office.id]);
    await expectProblem(await world.call(head, 'POST', '/api/dead-letters/no-such-id/redeliver'), 404, 'NOT_FOUND');
    expect(await storage.findOne({ model: 'outbox', where: [{ field: 'id', value: 'theirs-1' }] })).toMatchObject({ status: 'dead', version: 1 });
    expect(await storage.findOne({ model: 'outbox', where: [{ field: 'id', value: 'dead-7' }] })).toMatchObject({ status: 'dead', version: 1 });
  });

  it('is for the station head and office staff only (403), changing nothing', async () => {
    await expectProblem(await world.call(world.p01.captainId, 'POST', '/api/dead-letters/dead-5/redeliver'), 403, 'FORBIDDEN');
    expect(await storage.findOne({ model: 'outbox', where: [{ field: 'id', value: 'dead-5' }] })).toMatchObject({ status: 'dead', version: 1 });
    const staff = await reply(await world.call(world.demo.officeStaffIds[0]!, 'POST', '/api/dead-letters/dead-5/redeliver'));
    expect(staff.body).toMatchObject({ id: 'dead-5', status: 'pending' });
  });

  it('asks for credentials first (401)', async () => {
    await expectProblem(await world.call(null, 'POST', '/api/dead-letters/dead-4/redeliver'), 401, 'UNAUTHENTICATED');
    await expectProblem(await world.call(null, 'GET', '/api/dead-letters'), 401, 'UNAUTHENTICATED');
  });
});
