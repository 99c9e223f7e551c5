import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';

let world: DemoServer;
beforeAll(async () => {
  world = await demoServer();
});

const json = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  location: response.headers.get('location'),
  body: (await response.json()) as Record<string, unknown>,
});

describe('request routes', () => {
  it('submits, then works a request around the loop', async () => {
    const { call, demo } = world;
    const { enterpriseId, captainId: captain } = world.p01;
    const submitted = await json(
      await call(captain, 'POST', '/api/requests', { communityId: demo.communityId, enterpriseId, channel: 'captain_report', category: 'legal', title: '企业尾款无法收回', description: '40余个项目尾款未结' }),
    );
    expect(submitted.status).toBe(201);
    const id = submitted.body['id'] as string;
    expect(submitted.location).toBe(`/api/requests/${id}`);
    expect(submitted.body['assigneeId']).toBe(demo.lawyerId);
    const accepted = await json(await call(demo.lawyerId, 'POST', `/api/requests/${id}/accept`, { version: 1 }));
    expect(accepted.status).toBe(200);
    expect(accepted.body['status']).toBe('accepted');
    const got = await json(await call(demo.lawyerId, 'GET', `/api/requests/${id}`));
    expect((got.body['timeline'] as unknown[]).length).toBeGreaterThan(1);
  });

  it('answers bad input with problem+json listing the issues', async () => {
    const { call, demo } = world;
    const response = await json(await call(demo.stationHeadId, 'POST', '/api/requests', { communityId: demo.communityId, channel: 'fax', title: '' }));
    expect(response.status).toBe(400);
    expect(response.type).toBe('application/problem+json');
    expect(response.body['code']).toBe('VALIDATION_FAILED');
    expect((response.body['issues'] as { path: string[] }[]).map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['body.channel', 'body.title']));
  });

  it("answers a category or attribute the office's config does not allow at the field's own path", async () => {
    const { call, demo } = world;
    const { enterpriseId, captainId: captain } = world.p01;
    const base = { communityId: demo.communityId, enterpriseId, channel: 'captain_report', title: '尾款未结' };
    const unknown = await json(await call(captain, 'POST', '/api/requests', { ...base, category: 'legl' }));
    expect(unknown.status).toBe(400);
    expect((unknown.body['issues'] as { path: string[] }[]).map((i) => i.path.join('.'))).toEqual(['body.category']);
    const amount = await json(await call(captain, 'POST', '/api/requests', { ...base, category: 'legal', attributes: { amount: '三十万' } }));
    expect((amount.body['issues'] as { path: string[]; message: string }[])[0]).toMatchObject({ path: ['body', 'attributes', 'amount'], message: 'Expected a number' });
    const visit = await json(
      await call(demo.dispatcherIds[0]!, 'POST', '/api/visits', { enterpriseId, summary: '走访', requests: [{ category: 'legal', title: '甲' }, { category: 'legal', attributes: { amount: 'x' }, title: '乙' }] }),
    );
    expect(visit.status).toBe(400);
    expect((visit.body['issues'] as { path: string[] }[]).map((i) => i.path.join('.'))).toEqual(['body.requests.1.attributes.amount']);
    const explained = await json(await call(captain, 'POST', '/api/routing/explain', { ...base, category: 'legal', attributes: { amount: 'x' } }));
    expect(explained.status).toBe(400);
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const response = await json(await world.call(null, 'GET', '/openapi.json'));
    expect(response.status).toBe(200);
    expect(response.body['openapi']).toBe('3.1.0');
    expect(Object.keys(response.body['paths'] as object)).toContain('/api/requests/{id}/follow-up');
  });
});

describe('request command bodies', () => {
  it('refuses a requestId in the body instead of silently using the path', async () => {
    const { call } = world;
    const created = (await (await call(world.p01.captainId, 'POST', '/api/requests', { communityId: world.demo.communityId, enterpriseId: world.p01.enterpriseId, channel: 'captain_report', category: 'legal', title: '路径与正文' })).json()) as { id: string };
    const response = await call(world.demo.lawyerId, 'POST', `/api/requests/${created.id}/accept`, { requestId: 'another', version: 1 });
    expect(response.status).toBe(400);
    const { issues } = (await response.json()) as { issues: { path: string[] }[] };
    expect(issues.map((i) => i.path.join('.'))).toContain('body.requestId');
    expect(((await (await call(world.demo.lawyerId, 'GET', `/api/requests/${created.id}`)).json()) as { request: { version: number } }).request.version).toBe(1);
  });
});
