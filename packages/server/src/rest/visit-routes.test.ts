import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, expectInvalid, expectProblem, otherDirectory, reply, type OtherDirectory } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let other: OtherDirectory;
let head: string;
let otherVisitId: string;
beforeAll(async () => {
  world = await demoServer();
  other = await otherDirectory(world);
  head = world.demo.stationHeadId;
  const otherSystem = world.community.as({ kind: 'system', officeId: world.other.office.id });
  otherVisitId = (await otherSystem.visits.record({ enterpriseId: other.enterpriseId, summary: '良渚秘密走访', visitorIds: [world.other.memberId] })).visit.id;
});

/** How many visits and requests the enterprise has, as the station head sees it. */
async function lifecycleCounts(enterpriseId: string): Promise<{ visits: number; requests: number }> {
  const got = await reply(await world.call(head, 'GET', `/api/enterprises/${enterpriseId}/lifecycle`));
  const summary = got.body['summary'] as { visits: number; requests: number };
  return { visits: summary.visits, requests: summary.requests };
}

describe('POST /api/visits', () => {
  it('records a visit with the requests heard during it (201), and reads it back', async () => {
    const { enterpriseId, captainId } = world.p01;
    const got = await reply(
      await world.call(captainId, 'POST', '/api/visits', {
        enterpriseId,
        summary: '走访企业，了解用工和融资需求',
        requests: [
          { category: 'talent', title: '招聘高级工程师' },
          { category: 'finance', title: '申请科技贷款', priority: 'urgent' },
        ],
      }),
    );
    expect(got.status).toBe(201);
    const visit = got.body['visit'] as { id: string; visitorIds: string[]; requestIds: string[]; enterpriseId: string };
    const requests = got.body['requests'] as { id: string; channel: string; enterpriseId: string }[];
    expect(visit).toMatchObject({ enterpriseId, visitorIds: [captainId] });
    expect(requests.map((r) => r.channel)).toEqual(['visit', 'visit']);
    expect(visit.requestIds).toEqual(requests.map((r) => r.id));
    const read = await reply(await world.call(head, 'GET', `/api/visits/${visit.id}`));
    expect(read.status).toBe(200);
    expect(read.body).toEqual(visit);
    // The park's captain and the office see it.
    expect((await world.call(captainId, 'GET', `/api/visits/${visit.id}`)).status).toBe(200);
  });

  it('replays a retried visit with the same idempotency key instead of recording it twice', async () => {
    const body = { enterpriseId: world.p01.enterpriseId, summary: '回访', idempotencyKey: 'visit-retry-1' };
    const first = await reply(await world.call(head, 'POST', '/api/visits', body));
    const before = await lifecycleCounts(world.p01.enterpriseId);
    const second = await reply(await world.call(head, 'POST', '/api/visits', body));
    expect((second.body['visit'] as { id: string }).id).toBe((first.body['visit'] as { id: string }).id);
    expect(await lifecycleCounts(world.p01.enterpriseId)).toEqual(before);
  });

  it('answers bad input with every issue, and records neither the visit nor any request', async () => {
    const enterpriseId = world.p01.enterpriseId;
    const before = await lifecycleCounts(enterpriseId);
    await expectInvalid(
      await world.call(head, 'POST', '/api/visits', { enterpriseId, visitedAt: 'yesterday', requests: [{ category: 'legal', title: '合同审查' }, { title: '', channel: 'phone' }] }),
      'body.visitedAt',
      'body.requests.1.title',
      'body.requests.1.category',
      'body.requests.1.channel',
    );
    await expectInvalid(await world.call(head, 'POST', '/api/visits', { enterpriseId, visitorIds: ['no-such-member'] }), 'body.visitorIds');
    await expectInvalid(await world.call(head, 'POST', '/api/visits', { summary: '没有企业' }), 'body.enterpriseId');
    await expectProblem(await world.call(head, 'POST', '/api/visits', '[1, 2'), 400, 'MALFORMED_BODY');
    expect(await lifecycleCounts(enterpriseId)).toEqual(before);
  });

  it("forbids a captain a visit outside their parks (403), writing nothing", async () => {
    const outside = [...world.demo.enterpriseIds.values()].find((id) => id !== world.p01.enterpriseId)!;
    const enterprise = (await reply(await world.call(head, 'GET', `/api/enterprises/${outside}`))).body;
    const captain = world.demo.captainIds.get('P01')!;
    if (enterprise['parkId'] === world.demo.parkIds.get('P01')) throw new Error('pick an enterprise outside P01');
    const before = await lifecycleCounts(outside);
    await expectProblem(await world.call(captain, 'POST', '/api/visits', { enterpriseId: outside, requests: [{ category: 'legal', title: '越权走访' }] }), 403, 'FORBIDDEN');
    expect(await lifecycleCounts(outside)).toEqual(before);
  });

  it("cannot visit the other office's enterprise, nor the other office this one's, and says nothing of it", async () => {
    const refused = await expectProblem(await world.call(head, 'POST', '/api/visits', { enterpriseId: other.enterpriseId, summary: '跨街道走访' }), 400, 'VALIDATION_FAILED');
    for (const secret of other.secrets) expect(refused.text).not.toContain(secret);
    const before = await lifecycleCounts(world.p01.enterpriseId);
    const theirs = await expectProblem(await world.callOther(world.other.memberId, 'POST', '/api/visits', { enterpriseId: world.p01.enterpriseId }), 400, 'VALIDATION_FAILED');
    expect(theirs.text).not.toContain('梦创');
    expect(await lifecycleCounts(world.p01.enterpriseId)).toEqual(before);
  });
});

describe('GET /api/visits/{id}', () => {
  it("is a bare 404 for the other office's visit, for this office's visit asked from there, and for an unknown id", async () => {
    await expectHidden(await world.call(head, 'GET', `/api/visits/${otherVisitId}`), [...other.secrets, '良渚秘密走访']);
    const mine = await reply(await world.call(head, 'POST', '/api/visits', { enterpriseId: world.p01.enterpriseId, summary: '梦创走访记录' }));
    const id = (mine.body['visit'] as { id: string }).id;
    await expectHidden(await world.callOther(world.other.memberId, 'GET', `/api/visits/${id}`), ['梦创走访记录', world.p01.enterpriseId]);
    await expectProblem(await world.call(head, 'GET', '/api/visits/no-such-visit'), 404, 'NOT_FOUND');
  });

  it('is a 404 for a member who may not see the visit (a provider outside it)', async () => {
    const mine = await reply(await world.call(head, 'POST', '/api/visits', { enterpriseId: world.p01.enterpriseId, summary: '律师看不到的走访' }));
    const id = (mine.body['visit'] as { id: string }).id;
    await expectHidden(await world.call(world.demo.lawyerId, 'GET', `/api/visits/${id}`), ['律师看不到的走访']);
  });

  it('asks for credentials first (401)', async () => {
    await expectProblem(await world.call(null, 'GET', `/api/visits/${otherVisitId}`), 401, 'UNAUTHENTICATED');
    await expectProblem(await world.call(null, 'POST', '/api/visits', { enterpriseId: world.p01.enterpriseId }), 401, 'UNAUTHENTICATED');
  });
});
