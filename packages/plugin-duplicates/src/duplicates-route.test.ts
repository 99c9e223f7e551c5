import type { Actor } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { duplicatesWorld, refusal, type DuplicatesWorld } from './__fixtures__/duplicates-office.js';
import { listDuplicates } from './duplicates-route.js';

/** Calls the route the plugin registered, as the server would for a signed-in member. */
async function get(w: DuplicatesWorld, memberId: string, requestId: string): Promise<Response> {
  const mounted = w.routes.find((r) => r.plugin === 'duplicates' && r.route.method === 'GET' && r.route.path === '/requests/:id/duplicates');
  if (!mounted) throw new Error('the duplicates route is not registered');
  const actor: Actor = { kind: 'member', officeId: w.office.id, memberId };
  const request = new Request(`http://hall.example/api/plugins/duplicates/requests/${requestId}/duplicates`);
  return mounted.route.handler(request, { actor, session: w.as(memberId), params: { id: requestId } });
}

describe('GET /requests/:id/duplicates', () => {
  it('is registered with the plugin’s error codes', async () => {
    const w = await duplicatesWorld();
    expect(w.routes.map(({ plugin, route, errors }) => ({ plugin, method: route.method, path: route.path, errors }))).toEqual([
      { plugin: 'duplicates', method: 'GET', path: '/requests/:id/duplicates', errors: [{ code: 'duplicates:REPEATED_REQUEST', status: 409 }] },
    ]);
  });

  it('lists the likely duplicates with their score and shared text', async () => {
    const w = await duplicatesWorld({ plugin: { mergeAbove: null } });
    const first = await w.system.requests.submit(w.input('40余个项目尾款未结', '没有签合同，只有聊天记录'));
    w.later();
    const second = await w.system.requests.submit(w.input('有40多个项目的尾款一直未结', '没签合同，只有聊天记录'));
    const response = await get(w, w.members.contact.id, second.id);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      requestId: second.id,
      duplicateOfId: first.id,
      decision: 'suggest',
      duplicates: [{ requestId: first.id, title: '40余个项目尾款未结', status: 'submitted', createdAt: '2026-03-02T01:00:00.000Z', score: 0.6222, sharedText: '签合同只有聊天记录' }],
    });
  });

  it('is NOT_FOUND for a request the caller may not see', async () => {
    const w = await duplicatesWorld();
    const request = await w.system.requests.submit(w.input('40余个项目尾款未结'));
    await refusal(get(w, w.members.otherContact.id, request.id), 'NOT_FOUND');
    await refusal(get(w, w.members.contact.id, 'no-such-request'), 'NOT_FOUND');
  });

  it('leaves out duplicates the caller may not see', async () => {
    // In the park scope, another enterprise's request can be the match; its contact sees only their own.
    const w = await duplicatesWorld({ plugin: { scope: 'park', mergeAbove: null } });
    const neighbours = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { category: 'infrastructure', enterpriseId: w.ent3.id }));
    const own = await w.system.requests.submit(w.input('园区门口路灯不亮', '晚上很黑', { category: 'infrastructure' }));
    expect(await listDuplicates(w.as(w.members.contact.id), own.id)).toEqual({ requestId: own.id, duplicateOfId: null, decision: 'suggest', duplicates: [] });
    const forHead = await listDuplicates(w.as(w.members.stationHead.id), own.id);
    expect(forHead.duplicates.map((d) => d.requestId)).toEqual([neighbours.id]);
    expect(forHead.duplicateOfId).toBe(neighbours.id);
  });

  it('is empty for a request intake found no duplicate for', async () => {
    const w = await duplicatesWorld();
    const request = await w.system.requests.submit(w.input('申请高新技术企业认定'));
    expect(await listDuplicates(w.system, request.id)).toEqual({ requestId: request.id, duplicateOfId: null, decision: null, duplicates: [] });
  });
});
