import { memoryStorage, type StorageAdapter } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { demoServer } from '../__fixtures__/demo-server.js';

const submitBody = (world: Awaited<ReturnType<typeof demoServer>>, title = '限流测试') => ({
  communityId: world.demo.communityId,
  enterpriseId: world.p01.enterpriseId,
  channel: 'captain_report',
  category: 'legal',
  title,
});

describe('hardening', () => {
  it('sets security headers and a request id on every answer, problems included', async () => {
    const world = await demoServer();
    for (const response of [await world.call(world.demo.stationHeadId, 'GET', '/api/requests'), await world.call(null, 'GET', '/nowhere')]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-request-id')).toMatch(/.+/);
    }
    const missing = await world.call(null, 'GET', '/nowhere');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { code: string }).code).toBe('ROUTE_NOT_FOUND');
  });

  it('refuses bodies over the limit with 413 and writes nothing', async () => {
    const world = await demoServer({ limits: { bodyBytes: 2048 } });
    const response = await world.call(world.p01.captainId, 'POST', '/api/requests', { ...submitBody(world), description: '长'.repeat(2000) });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const list = await world.community.as({ kind: 'system', officeId: world.office.id }).requests.list({ limit: 10 });
    expect(list.items).toEqual([]);
  });

  it('rate-limits POSTs per caller with 429 and Retry-After, leaving reads and other callers alone', async () => {
    const world = await demoServer({ rateLimit: { max: 3, windowMs: 60_000 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await world.call(world.p01.captainId, 'POST', '/api/requests', submitBody(world, `第${i}条`))).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const limited = await world.call(world.p01.captainId, 'POST', '/api/requests', submitBody(world));
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { code: string }).code).toBe('RATE_LIMITED');
    expect((await world.call(world.p01.captainId, 'GET', '/api/requests')).status).toBe(200);
    expect((await world.call(world.demo.stationHeadId, 'POST', '/api/requests', submitBody(world))).status).toBe(201);
  });

  it('cuts off a request that runs too long with 503 TIMEOUT', async () => {
    let slow = false;
    const base = memoryStorage();
    const storage: StorageAdapter = new Proxy(base, {
      get(target, key, receiver) {
        if (key === 'findMany') {
          return async (args: Parameters<StorageAdapter['findMany']>[0]) => {
            if (slow && args.model === 'request') await new Promise((r) => setTimeout(r, 400));
            return target.findMany(args);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const world = await demoServer({ storage, limits: { requestTimeoutMs: 100 } });
    slow = true;
    const response = await world.call(world.demo.stationHeadId, 'GET', '/api/requests');
    slow = false;
    expect(response.status).toBe(503);
    expect(((await response.json()) as { code: string }).code).toBe('TIMEOUT');
  });

  it('answers malformed JSON and a wrong content type with problems', async () => {
    const world = await demoServer();
    const malformed = await world.call(world.p01.captainId, 'POST', '/api/requests', '{"title": ', { 'content-type': 'application/json' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { code: string }).code).toBe('MALFORMED_BODY');
    const text = await world.call(world.p01.captainId, 'POST', '/api/requests', 'title=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
  });

  it('never shows a stack trace or driver message on a failure', async () => {
    const base = memoryStorage();
    let broken = false;
    const storage: StorageAdapter = new Proxy(base, {
      get(target, key, receiver) {
        if (key === 'findMany') {
          return async (args: Parameters<StorageAdapter['findMany']>[0]) => {
            if (broken && args.model === 'request') throw new Error('connection reset by peer at 10.0.0.5:5432');
            return target.findMany(args);
          };
        }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const errors: unknown[] = [];
    const world = await demoServer({ storage, onError: (error) => errors.push(error) });
    broken = true;
    const response = await world.call(world.demo.stationHeadId, 'GET', '/api/requests');
    broken = false;
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('10.0.0.5');
    expect(text).not.toContain('at ');
    expect(JSON.parse(text).code).toBe('INTERNAL');
    expect(errors).toHaveLength(1);
  });
});
