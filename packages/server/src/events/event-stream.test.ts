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
    const before = (await (await submit(world.p01.captainId, '第一条')).json()) as { id: string };
    const part1 = (await until(first.next, (e) => e.event === 'request' && JSON.parse(e.data).type === 'assigned')).filter((e) => e.event === 'request');
    const lastId = part1[part1.length - 1]!.id!;
    await first.cancel();
    // Committed while nobody listened.
    const missed = (await (await submit(world.p01.captainId, '断线期间的诉求')).json()) as { id: string };
    const expected: string[] = [];
    for (const id of [before.id, missed.id]) {
      const { timeline } = (await (await world.call(world.demo.stationHeadId, 'GET', `/api/requests/${id}`)).json()) as { timeline: { seq: number; index: number }[] };
      expected.push(...timeline.map((t) => `${id}#${t.seq}#${t.index}`));
    }
    const second = sseReader(await world.call(world.demo.stationHeadId, 'GET', '/events', undefined, { 'last-event-id': lastId }));
    await second.next();
    const part2: SseEvent[] = [];
    while (part1.length + part2.length < expected.length) {
      const event = await second.next();
      if (event?.event === 'request') part2.push(event);
    }
    const key = (e: SseEvent) => {
      const change = JSON.parse(e.data) as { requestId: string; version: number; index: number };
      return `${change.requestId}#${change.version}#${change.index}`;
    };
    const received = [...part1, ...part2].map(key);
    expect(received.sort()).toEqual(expected.sort());
    // Nothing more turns up: no repeats.
    const extra = await Promise.race([second.next(), new Promise<null>((r) => setTimeout(() => r(null), 300))]);
    expect(extra?.event === 'request' ? extra.data : null).toBeNull();
    await second.cancel();
  });

  it('shows a captain only the requests of their parks', async () => {
    const [park, captain] = [...world.demo.captainIds.entries()].find(([code]) => code !== 'P01')!;
    const stream = sseReader(await world.call(captain, 'GET', '/events'));
    await stream.next();
    const hidden = (await (await submit(world.p01.captainId, 'P01 的诉求')).json()) as { id: string };
    // A change the captain may see, made afterwards: it must be the first thing they get.
    const theirs = await world.call(world.demo.stationHeadId, 'POST', '/api/requests', {
      communityId: world.demo.communityId,
      parkId: world.demo.parkIds.get(park),
      channel: 'phone',
      category: 'policy',
      title: '咨询政策',
    });
    expect(theirs.status).toBe(201);
    const visible = (await theirs.json()) as { id: string };
    const first = await until(stream.next, (e) => e.event === 'request');
    const change = JSON.parse(first[first.length - 1]!.data) as { requestId: string };
    expect(change.requestId).toBe(visible.id);
    expect(change.requestId).not.toBe(hidden.id);
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
