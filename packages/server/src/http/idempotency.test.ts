import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';

let world: DemoServer;
beforeAll(async () => {
  world = await demoServer();
});

const body = (title: string) => ({ communityId: world.demo.communityId, enterpriseId: world.p01.enterpriseId, channel: 'captain_report', category: 'legal', title });
const countRequests = async () => {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await world.community
      .as({ kind: 'system', officeId: world.office.id })
      .requests.list({ limit: 500, ...(cursor ? { cursor } : {}) });
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return total;
};

describe('Idempotency-Key', () => {
  it('replays the first response to a retried POST, writing once', async () => {
    const before = await countRequests();
    const key = { 'idempotency-key': 'retry-test-1' };
    const first = await world.call(world.p01.captainId, 'POST', '/api/requests', body('重试的诉求'), key);
    const again = await world.call(world.p01.captainId, 'POST', '/api/requests', body('重试的诉求'), key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await countRequests()).toBe(before + 1);
  });

  it('replays a command: a retried accept is answered as the first, not as a conflict', async () => {
    const created = (await (await world.call(world.p01.captainId, 'POST', '/api/requests', body('签收重试'))).json()) as { id: string };
    const key = { 'idempotency-key': 'accept-once' };
    const first = await world.call(world.demo.lawyerId, 'POST', `/api/requests/${created.id}/accept`, { version: 1 }, key);
    const again = await world.call(world.demo.lawyerId, 'POST', `/api/requests/${created.id}/accept`, { version: 1 }, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { version: number }).version).toBe(2);
    // Without the key, the same stale call is a conflict.
    const stale = await world.call(world.demo.lawyerId, 'POST', `/api/requests/${created.id}/accept`, { version: 1 });
    expect(stale.status).toBe(409);
  });

  it('refuses the same key with a different body (422) and scopes keys per caller', async () => {
    const key = { 'idempotency-key': 'reused-key' };
    expect((await world.call(world.p01.captainId, 'POST', '/api/requests', body('甲'), key)).status).toBe(201);
    const other = await world.call(world.p01.captainId, 'POST', '/api/requests', body('乙'), key);
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe('IDEMPOTENCY_KEY_REUSED');
    // Another member's identical key is their own.
    expect((await world.call(world.demo.stationHeadId, 'POST', '/api/requests', body('乙'), key)).status).toBe(201);
  });

  it('keeps no refusal of invalid input, so the corrected form goes through under the same key', async () => {
    const key = { 'idempotency-key': 'fixed-form' };
    const first = await world.call(world.p01.captainId, 'POST', '/api/requests', { ...body('丁'), title: '' }, key);
    expect(first.status).toBe(400);
    expect(first.headers.get('idempotency-replayed')).toBeNull();
    const fixed = await world.call(world.p01.captainId, 'POST', '/api/requests', body('丁'), key);
    expect(fixed.status).toBe(201);
    const retried = await world.call(world.p01.captainId, 'POST', '/api/requests', body('丁'), key);
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotency-replayed')).toBe('true');
    expect(await retried.json()).toEqual(await fixed.json());
  });

  it('replays a refusal made after the command ran, and rejects a malformed key', async () => {
    const created = (await (await world.call(world.p01.captainId, 'POST', '/api/requests', body('戊'))).json()) as { id: string; assigneeId: string };
    const key = { 'idempotency-key': 'stale-version' };
    const first = await world.call(created.assigneeId, 'POST', `/api/requests/${created.id}/accept`, { version: 99 }, key);
    const again = await world.call(created.assigneeId, 'POST', `/api/requests/${created.id}/accept`, { version: 99 }, key);
    expect(first.status).toBe(409);
    expect(again.status).toBe(409);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    const malformed = await world.call(world.p01.captainId, 'POST', '/api/requests', body('丙'), { 'idempotency-key': 'has space' });
    expect(malformed.status).toBe(400);
  });

  it('lets concurrent retries run the command once', async () => {
    const before = await countRequests();
    const key = { 'idempotency-key': 'concurrent' };
    const responses = await Promise.all(Array.from({ length: 8 }, () => world.call(world.p01.captainId, 'POST', '/api/requests', body('并发重试'), key)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await countRequests()).toBe(before + 1);
  });
});
