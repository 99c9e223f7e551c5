import { createCommunity, definePlugin, isKechuangError, memoryStorage } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, reply } from '../__fixtures__/http-expect.js';
import { pluginServer, type PluginServer } from '../__fixtures__/plugin-server.js';
import { createServer } from '../create-server.js';

/** What the legal desk's handlers saw, to prove a refused call never reached them. */
const calls: string[] = [];

const legalDesk = definePlugin({
  id: 'legal-desk',
  errors: {
    CASE_CLOSED: { status: 409, description: 'The case is closed already.' },
    CASE_ARCHIVED: { status: 410, description: 'The case was archived.' },
  },
  setup({ http, error }) {
    http.route({
      method: 'GET',
      path: '/cases/:id',
      summary: 'A legal case with its request',
      async handler(_request, { actor, session, params }) {
        calls.push(`GET ${params['id']}`);
        const { request } = await session.requests.get(params['id'] ?? '');
        return Response.json({ caseId: params['id'], title: request.title, by: actor.kind === 'member' ? actor.memberId : 'system' });
      },
    });
    http.route({
      method: 'POST',
      path: '/cases/:id/close',
      summary: 'Close a legal case',
      handler(_request, { params }) {
        throw error('CASE_CLOSED', '该案件已结案，无需重复提交。', { caseId: params['id'] ?? '', record: { internal: 'kept on the server' } });
      },
    });
    http.route({
      method: 'GET',
      path: '/archive/:year/:id',
      summary: 'An archived case',
      handler() {
        throw error('CASE_ARCHIVED', '该案件已归档，请到档案室查阅。');
      },
    });
    http.route({
      method: 'POST',
      path: '/notes',
      summary: 'File a note on a case',
      async handler(request) {
        calls.push('POST notes');
        const body = (await request.json()) as Record<string, unknown>;
        return Response.json({ received: body, n: calls.filter((c) => c === 'POST notes').length }, { status: 201 });
      },
    });
    http.route({
      method: 'DELETE',
      path: '/notes/:id',
      summary: 'Withdraw a note',
      handler: () => new Response(null, { status: 204 }),
    });
    http.route({
      method: 'GET',
      path: '/broken',
      summary: 'A handler that fails',
      handler() {
        throw new Error('connection to legal-db at 10.0.0.7 refused');
      },
    });
  },
});

/** A plugin whose `before` hook never finishes for a submit whose title asks for it. */
const stuck = definePlugin({
  id: 'stuck',
  setup: ({ hooks }) =>
    hooks.before('submit', ({ input }) => (String(input['title']).includes('卡住') ? new Promise<void>(() => undefined) : undefined)),
});

describe('plugin routes', () => {
  let world: PluginServer;
  beforeAll(async () => {
    world = await pluginServer([legalDesk()]);
  });

  it('answers a signed-in member under /api/plugins/<plugin-id>, with the session and path parameters', async () => {
    const response = await world.call(world.commissionerId, 'GET', `/api/plugins/legal-desk/cases/${world.request.id}`);
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const got = await reply(response);
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ caseId: world.request.id, title: '咨询高新技术企业认定政策', by: world.commissionerId });
  });

  it('refuses an anonymous caller with 401 before the handler runs', async () => {
    const before = calls.length;
    await expectProblem(await world.call(null, 'GET', `/api/plugins/legal-desk/cases/${world.request.id}`), 401, 'UNAUTHENTICATED');
    await expectProblem(await world.call(null, 'POST', '/api/plugins/legal-desk/notes', { text: '匿名' }), 401, 'UNAUTHENTICATED');
    expect(calls.length).toBe(before);
  });

  it("keeps another office's records hidden: the handler's session answers 404", async () => {
    const got = await expectProblem(await world.call(world.headId, 'GET', `/api/plugins/legal-desk/cases/${world.otherRequestId}`), 404, 'NOT_FOUND');
    expect(got.text).not.toContain('良渚');
  });

  it("answers a plugin's own error with its declared status and a problem body, sending only plain details", async () => {
    const closed = await expectProblem(await world.call(world.headId, 'POST', '/api/plugins/legal-desk/cases/c-1/close', {}), 409, 'legal-desk:CASE_CLOSED');
    expect(closed.body).toEqual({
      type: 'urn:kechuang:problem:plugin:legal-desk:case-closed',
      title: "Refused by the plugin 'legal-desk'",
      status: 409,
      detail: '该案件已结案，无需重复提交。',
      instance: '/api/plugins/legal-desk/cases/c-1/close',
      code: 'legal-desk:CASE_CLOSED',
      details: { plugin: 'legal-desk', caseId: 'c-1' },
    });
    expect(closed.text).not.toContain('kept on the server');
    const archived = await expectProblem(await world.call(world.headId, 'GET', '/api/plugins/legal-desk/archive/2025/c-9'), 410, 'legal-desk:CASE_ARCHIVED');
    expect(archived.body['type']).toBe('urn:kechuang:problem:plugin:legal-desk:case-archived');
  });

  it('answers a failing handler with a bare 500 and tells the operator', async () => {
    const before = world.reported.length;
    const got = await expectProblem(await world.call(world.headId, 'GET', '/api/plugins/legal-desk/broken'), 500, 'INTERNAL');
    expect(got.text).not.toContain('10.0.0.7');
    expect(world.reported.length).toBe(before + 1);
  });

  it('hands the body on to the handler and replays a POST sent again with its Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'note-1' };
    const first = await world.call(world.headId, 'POST', '/api/plugins/legal-desk/notes', { text: '已电话联系企业' }, headers);
    const firstBody = await reply(first);
    expect(firstBody.status).toBe(201);
    expect(firstBody.body['received']).toEqual({ text: '已电话联系企业' });
    const again = await world.call(world.headId, 'POST', '/api/plugins/legal-desk/notes', { text: '已电话联系企业' }, headers);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect((await reply(again)).body).toEqual(firstBody.body);
    await expectProblem(await world.call(world.headId, 'POST', '/api/plugins/legal-desk/notes', { text: '另一条' }, headers), 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('serves every method a plugin registers, and answers one it does not with ROUTE_NOT_FOUND', async () => {
    expect((await world.call(world.headId, 'DELETE', '/api/plugins/legal-desk/notes/n-1')).status).toBe(204);
    await expectProblem(await world.call(world.headId, 'PUT', '/api/plugins/legal-desk/notes', {}), 404, 'ROUTE_NOT_FOUND');
    await expectProblem(await world.call(world.headId, 'GET', '/api/plugins/other-plugin/cases/1'), 404, 'ROUTE_NOT_FOUND');
  });

  it('lists every plugin route in the OpenAPI document, with its parameters and the plugin’s error statuses', async () => {
    const doc = (await (await world.call(null, 'GET', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, { tags: string[]; summary: string; parameters?: { name: string; in: string }[]; responses: Record<string, { description: string; headers?: Record<string, unknown> }> }>>;
    };
    const pluginPaths = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/plugins/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`));
    expect(pluginPaths.sort()).toEqual(
      [
        'GET /api/plugins/legal-desk/cases/{id}',
        'POST /api/plugins/legal-desk/cases/{id}/close',
        'GET /api/plugins/legal-desk/archive/{year}/{id}',
        'POST /api/plugins/legal-desk/notes',
        'DELETE /api/plugins/legal-desk/notes/{id}',
        'GET /api/plugins/legal-desk/broken',
      ].sort(),
    );
    const close = doc.paths['/api/plugins/legal-desk/cases/{id}/close']?.['post'];
    expect(close?.summary).toBe('Close a legal case');
    expect(close?.tags).toEqual(['Plugins']);
    expect(close?.parameters?.map((p) => [p.name, p.in])).toEqual([['id', 'path']]);
    expect(close?.responses['409']?.description).toContain('legal-desk:CASE_CLOSED');
    expect(close?.responses['410']?.description).toContain('legal-desk:CASE_ARCHIVED');
    expect(close?.responses['401']).toBeDefined();
    expect(close?.responses['503']?.headers).toHaveProperty('Retry-After');
  });

  it('asks for credentials on every documented plugin operation', async () => {
    const doc = (await (await world.call(null, 'GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const unguarded: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/plugins/'))) {
      for (const method of Object.keys(ops)) {
        const response = await world.call(null, method.toUpperCase(), path.replace(/\{\w+\}/g, 'x'));
        if (response.status !== 401) unguarded.push(`${method} ${path} → ${response.status}`);
      }
    }
    expect(unguarded).toEqual([]);
  });
});

describe('plugin routes and the limits of writes', () => {
  it('rate-limits POSTs to plugin routes like every other POST', async () => {
    const world = await pluginServer([legalDesk()], { server: { rateLimit: { max: 2, windowMs: 60_000 } } });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await world.call(world.headId, 'POST', '/api/plugins/legal-desk/notes', { text: `第${i}条` })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe('PLUGIN_TIMEOUT', () => {
  it('answers 503 with Retry-After when a plugin hook does not finish in time, and nothing is written', async () => {
    const world = await pluginServer([stuck()], { community: { pluginHookTimeoutMs: 20 } });
    const response = await world.call(world.headId, 'POST', '/api/requests', { communityId: world.communityId, channel: 'phone', category: 'policy', title: '人才公寓申请（卡住）' });
    const got = await expectProblem(response, 503, 'PLUGIN_TIMEOUT');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(got.body['type']).toBe('urn:kechuang:problem:plugin-timeout');
    expect(got.body['detail']).toContain('nothing was written');
    expect(got.body['details']).toEqual({ plugin: 'stuck' });
    expect(world.reported.some((error) => isKechuangError(error, 'PLUGIN_TIMEOUT'))).toBe(true);
    const list = await world.community.as({ kind: 'system', officeId: world.officeId }).requests.list({ limit: 10 });
    // Only the request the fixture submitted before the server started.
    expect(list.items.map((r) => r.id)).toEqual([world.request.id]);
  });
});

describe('mounting', () => {
  it('refuses at createServer a path it cannot mount, naming the plugin and the route', () => {
    const wild = definePlugin({
      id: 'wild',
      setup({ http }) {
        http.route({ method: 'GET', path: '/files/*', summary: 'Any file', handler: () => new Response('') });
        http.route({ method: 'GET', path: '/pair/:id/:id', summary: 'Twice', handler: () => new Response('') });
      },
    });
    const community = createCommunity({ storage: memoryStorage(), plugins: [wild()] });
    let caught: unknown;
    try {
      createServer({ community, resolveActor: () => null });
    } catch (error) {
      caught = error;
    }
    expect(isKechuangError(caught, 'PLUGIN_ERROR')).toBe(true);
    const message = (caught as Error).message;
    expect(message).toContain("plugin 'wild' registers the HTTP route GET /files/*, which cannot be mounted");
    expect(message).toContain("it names the parameter ':id' twice");
  });
});
