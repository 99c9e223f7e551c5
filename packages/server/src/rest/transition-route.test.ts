import { definePlugin } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInvalid, expectProblem, reply } from '../__fixtures__/http-expect.js';
import { pluginServer, type PluginServer } from '../__fixtures__/plugin-server.js';

/** The station's legal review (法律审核): the lead sends a request to it, the station head approves it back. */
const legalReview = definePlugin({
  id: 'legal-review',
  setup({ workflow }) {
    workflow.state('reviewing');
    workflow.transition({ name: 'legal-review.send', from: ['accepted', 'in_progress'], to: 'legal-review.reviewing', roles: ['assignee'] });
    workflow.transition({ name: 'legal-review.approve', from: ['legal-review.reviewing'], to: 'in_progress', roles: ['station_head'] });
  },
});

describe('POST /api/requests/{id}/transition', () => {
  let world: PluginServer;
  let path: string;
  beforeAll(async () => {
    world = await pluginServer([legalReview()]);
    path = `/api/requests/${world.request.id}/transition`;
    expect((await world.call(world.headId, 'POST', `/api/requests/${world.request.id}/assign`, { assigneeId: world.commissionerId })).status).toBe(200);
    expect((await world.call(world.commissionerId, 'POST', `/api/requests/${world.request.id}/accept`, {})).status).toBe(200);
  });

  it("fires a plugin's transitions in turn, each by the roles it names, with the note on the timeline", async () => {
    const sent = await reply(await world.call(world.commissionerId, 'POST', path, { version: 3, name: 'legal-review.send', note: '合同条款需站内法律审核' }));
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ id: world.request.id, status: 'legal-review.reviewing', version: 4 });

    await expectProblem(await world.call(world.commissionerId, 'POST', path, { version: 4, name: 'legal-review.approve' }), 403, 'FORBIDDEN');
    await expectProblem(await world.call(world.headId, 'POST', path, { version: 3, name: 'legal-review.approve' }), 409, 'CONFLICT');
    const approved = await reply(await world.call(world.headId, 'POST', path, { version: 4, name: 'legal-review.approve' }));
    expect(approved.body).toMatchObject({ status: 'in_progress', version: 5 });

    const got = await reply(await world.call(world.headId, 'GET', `/api/requests/${world.request.id}`));
    const entries = got.body['timeline'] as { type: string; note?: string }[];
    expect(entries.some((entry) => JSON.stringify(entry).includes('合同条款需站内法律审核'))).toBe(true);
  });

  it('refuses a core command, an unknown transition and a requestId in the body, at the field', async () => {
    await expectInvalid(await world.call(world.headId, 'POST', path, { name: 'accept' }), 'body.name');
    await expectInvalid(await world.call(world.headId, 'POST', path, { name: 'legal-review.publish' }), 'body.name');
    await expectInvalid(await world.call(world.headId, 'POST', path, {}), 'body.name');
    await expectInvalid(await world.call(world.headId, 'POST', path, { name: 'legal-review.send', requestId: world.otherRequestId }), 'body.requestId');
  });

  it("asks for credentials (401) and keeps another office's request hidden (404)", async () => {
    await expectProblem(await world.call(null, 'POST', path, { name: 'legal-review.send' }), 401, 'UNAUTHENTICATED');
    await expectProblem(await world.call(world.headId, 'POST', `/api/requests/${world.otherRequestId}/transition`, { name: 'legal-review.send' }), 404, 'NOT_FOUND');
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await (await world.call(null, 'GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, { summary: string }>> };
    expect(doc.paths['/api/requests/{id}/transition']?.['post']?.summary).toContain('transition');
  });
});
