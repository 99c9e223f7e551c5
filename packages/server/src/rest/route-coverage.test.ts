import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { reply } from '../__fixtures__/http-expect.js';

// Every operation the OpenAPI document describes must be served: a documented route that
// answers ROUTE_NOT_FOUND (or 405) is a broken promise to every generated client. The API's
// routes must also be guarded: without credentials each one is a 401 before anything runs.

let world: DemoServer;
let operations: { method: string; path: string }[];
beforeAll(async () => {
  world = await demoServer();
  const doc = (await (await world.call(null, 'GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));
});

/** The path with its parameters filled in: a format where Open311 wants one, an unknown id elsewhere. */
const concrete = (path: string) => path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'format' ? 'json' : 'no-such-record'));

describe('the OpenAPI document', () => {
  it('documents the REST API of every SDK command and query', () => {
    const documented = new Set(operations.map((op) => `${op.method} ${op.path}`));
    for (const expected of [
      'GET /api/me',
      'PATCH /api/office',
      'POST /api/requests',
      'PATCH /api/members/{id}',
      'GET /api/enterprises/by-code/{code}',
      'GET /api/enterprises/{id}/lifecycle',
      'POST /api/parks/{id}/archive',
      'POST /api/visits',
      'PUT /api/config',
      'GET /api/config/history',
      'POST /api/routing/explain',
      'POST /api/metrics/query',
      'GET /api/reports/monthly',
      'GET /api/dead-letters',
      'POST /api/dead-letters/{id}/redeliver',
      'GET /api/timers/failed',
      'POST /api/timers/{id}/retry',
    ]) {
      expect(documented).toContain(expected);
    }
    expect(operations.length).toBeGreaterThan(60);
  });

  it('asks for credentials (401) on every /api operation and the event stream before anything runs', async () => {
    const unguarded: string[] = [];
    for (const op of operations.filter((o) => o.path.startsWith('/api/') || o.path === '/events')) {
      const response = await reply(await world.call(null, op.method, concrete(op.path), op.method === 'GET' ? undefined : {}));
      if (response.status !== 401 || response.body['code'] !== 'UNAUTHENTICATED') unguarded.push(`${op.method} ${op.path} → ${response.status}`);
    }
    expect(unguarded).toEqual([]);
  });

  it('serves every documented operation (no ROUTE_NOT_FOUND, no 405), signed in', async () => {
    const missing: string[] = [];
    for (const op of operations) {
      if (op.path === '/events') {
        // A stream never ends: check that it opens, then hang up.
        const stream = await world.call(world.demo.stationHeadId, 'GET', '/events');
        if (stream.status !== 200 || !stream.headers.get('content-type')?.startsWith('text/event-stream')) missing.push(`GET /events → ${stream.status}`);
        await stream.body?.cancel();
        continue;
      }
      // A body that no route accepts, so that nothing is written: the answer is a 4xx from the route itself.
      const response = await reply(
        await world.call(world.demo.stationHeadId, op.method, concrete(op.path), op.method === 'GET' ? undefined : '[]', op.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      );
      if (response.body['code'] === 'ROUTE_NOT_FOUND' || response.status === 405 || response.status >= 500) missing.push(`${op.method} ${op.path} → ${response.status} ${String(response.body['code'])}`);
    }
    expect(missing).toEqual([]);
  });

  it('answers an undocumented /api path with ROUTE_NOT_FOUND, which the check above looks for', async () => {
    const response = await reply(await world.call(world.demo.stationHeadId, 'GET', '/api/no-such-family'));
    expect(response).toMatchObject({ status: 404, type: 'application/problem+json' });
    expect(response.body['code']).toBe('ROUTE_NOT_FOUND');
  });
});
