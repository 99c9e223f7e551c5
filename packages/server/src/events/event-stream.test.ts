import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { sseReader, type SseEvent } from '../__fixtures__/sse-reader.js';

let world: DemoServer;
beforeAll(async () => {
  world = await demoServer({ events: { pollIntervalMs: 50, heartbeatMs: 200 } });
});
afterAll(async () => {
  await world.server.close();
});

const submit = (who: string, title: string) =>
  world.call(who, 'POST', '/api/requests', { communityId: world.demo.communityId, enterpriseId: world.p01.enterpriseId, channel: 'captain_report', category: 'legal', title });

async function until(read: () => Promise<SseEvent | null>, stop: (e: SseEvent) => boolean): Promise<SseEvent[]> {
  const seen: SseEvent[] = [];
  for (;;) {
    const event = await read();
    if (!event) return seen;
    seen.push(event);
    if (stop(event)) return seen;
  }
}

describe('GET /events', () => {
  it('streams committed changes from now on, with feed positions as ids', async () => {
    await submit(world.p01.captainId, '开始之前的诉求');
    const response = await world.call(world.demo.stationHeadId, 'GET', '/events');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const stream = sseReader(response);
    const ready = await stream.next();
    expect(ready?.event).toBe('ready');
    const created = (await (await submit(world.p01.captainId, '企业尾款无法收回')).json()) as { id: string };
    const events = await until(stream.next, (e) => e.event === 'request' && JSON.parse(e.data).type === 'assigned');
    const changes = events.filter((e) => e.event === 'request').map((e) => JSON.parse(e.data) as { requestId: string; type: string; position: string });
    // Only the new request: the one submitted before subscribing is not replayed.
    expect(new Set(changes.map((c) => c.requestId))).toEqual(new Set([created.id]));
    expect(events.filter((e) => e.event === 'request').every((e, i) => e.id === changes[i]!.position)).toBe(true);
    await stream.cancel();
  });

  it('resumes after Last-Event-ID without losing or repeating a change', async () => {
    const first = sseReader(await world.call(world.demo.stationHeadId, 'GET', '/events'));
    await first.next();
    await submit(world.p01.captainId, '第一条');
    const before = await until(first.next, (e) => e.event === 'request' && JSON.parse(e.data).type === 'assigned');
    const lastId = before[before.length - 1]!.id!;
    await first.cancel();
    // Committed while nobody listened.
    const missed = (await (await submit(world.p01.captainId, '断线期间的诉求')).json()) as { id: string };
    const second = sseReader(await world.call(world.demo.stationHeadId, 'GET', '/events', undefined, { 'last-event-id': lastId }));
    await second.next();
    const after = await until(second.next, (e) => e.event === 'request' && JSON.parse(e.data).type === 'assigned');
    const ids = after.filter((e) => e.event === 'request').map((e) => JSON.parse(e.data) as { requestId: string });
    expect(ids.every((c) => c.requestId === missed.id)).toBe(true);
    await second.cancel();
  });

  it('shows a captain only the requests of their parks', async () => {
    const otherCaptain = [...world.demo.captainIds.entries()].find(([park]) => park !== 'P01')![1];
    const stream = sseReader(await world.call(otherCaptain, 'GET', '/events'));
    await stream.next();
    await submit(world.p01.captainId, 'P01 的诉求');
    // A change the captain may see, made afterwards, proves the earlier one was skipped, not late.
    const theirs = await world.call(world.demo.stationHeadId, 'POST', '/api/requests', { communityId: world.demo.communityId, channel: 'phone', category: 'policy', title: '咨询政策' });
    expect(theirs.status).toBe(201);
    const event = await Promise.race([stream.next(), new Promise<null>((r) => setTimeout(() => r(null), 500))]);
    if (event?.event === 'request') expect(JSON.parse(event.data).requestId).not.toBe(undefined);
    const seenIds = event?.event === 'request' ? [JSON.parse(event.data).requestId as string] : [];
    const p01Requests = (await (await world.call(world.demo.stationHeadId, 'GET', '/api/requests?parkId=' + (await parkOf(world.p01.enterpriseId)))).json()) as { items: { id: string }[] };
    expect(seenIds.filter((id) => p01Requests.items.some((r) => r.id === id))).toEqual([]);
    await stream.cancel();
  });

  it('answers a malformed Last-Event-ID with problem+json, and no credentials with 401', async () => {
    const bad = await world.call(world.demo.stationHeadId, 'GET', '/events', undefined, { 'last-event-id': 'not a position' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect(((await bad.json()) as { code: string }).code).toBe('INVALID_CURSOR');
    expect((await world.call(null, 'GET', '/events')).status).toBe(401);
  });
});

async function parkOf(enterpriseId: string): Promise<string> {
  const enterprise = await world.community.as({ kind: 'system', officeId: world.office.id }).enterprises.get(enterpriseId);
  return enterprise.parkId!;
}
