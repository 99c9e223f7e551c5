import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, expectInvalid, expectProblem, freshCreditCodes, otherDirectory, reply, type OtherDirectory } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let other: OtherDirectory;
let head: string;
beforeAll(async () => {
  world = await demoServer();
  other = await otherDirectory(world);
  head = world.demo.stationHeadId;
});

interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

/** Every page of a list, following `nextCursor`. */
async function walk(path: string, who = head): Promise<{ pages: Page[]; items: Record<string, unknown>[] }> {
  const pages: Page[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const got = await reply(await world.call(who, 'GET', `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`));
    expect(got.status).toBe(200);
    const page = got.body as unknown as Page;
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return { pages, items: pages.flatMap((p) => p.items) };
}

describe('directory lists', () => {
  it('pages through members a few at a time without repeating or skipping anyone', async () => {
    const all = await reply(await world.call(head, 'GET', '/api/members?limit=500'));
    const everyone = (all.body['items'] as { id: string }[]).map((m) => m.id);
    expect(everyone.length).toBeGreaterThan(20);
    const { pages, items } = await walk('/api/members?limit=7');
    expect(pages.length).toBe(Math.ceil(everyone.length / 7));
    for (const page of pages.slice(0, -1)) expect(page.items).toHaveLength(7);
    expect(items.map((m) => m['id'])).toEqual(everyone);
    expect(new Set(items.map((m) => m['id'])).size).toBe(everyone.length);
    // Ordered by code, as the SDK promises.
    const codes = items.map((m) => m['code'] as string);
    expect([...codes].sort()).toEqual(codes);
  });

  it('pages through enterprises in a park with a filter applied on every page', async () => {
    const every = (await walk('/api/enterprises?limit=500')).items;
    const counts = new Map<string, number>();
    for (const e of every) if (e['parkId']) counts.set(e['parkId'] as string, (counts.get(e['parkId'] as string) ?? 0) + 1);
    const [parkId] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
    const { pages, items } = await walk(`/api/enterprises?parkId=${parkId}&limit=2`);
    expect(pages.length).toBeGreaterThan(1);
    for (const enterprise of items) expect(enterprise['parkId']).toBe(parkId);
    const everyInPark = every.filter((e) => e['parkId'] === parkId);
    expect(items.map((e) => e['id'])).toEqual(everyInPark.map((e) => e['id']));
  });

  it('filters by equality, and an empty value matches records where the field is not set', async () => {
    const communityId = world.demo.communityId;
    const unplaced = await reply(await world.call(head, 'POST', '/api/enterprises', { creditCode: freshCreditCodes(99)(), name: '无园区科技有限公司', communityId }));
    expect(unplaced.status).toBe(201);
    const noPark = await walk('/api/enterprises?parkId=&limit=500');
    expect(noPark.items.map((e) => e['id'])).toContain(unplaced.body['id']);
    for (const enterprise of noPark.items) expect(enterprise['parkId']).toBeNull();

    const legal = await walk('/api/teams?kind=legal');
    expect(legal.items.map((t) => t['id'])).toContain(world.demo.legalTeamId);
    for (const team of legal.items) expect(team['kind']).toBe('legal');
    const parks = await walk(`/api/parks?communityId=${communityId}`);
    expect(parks.items.length).toBe(world.demo.parkIds.size);
    const active = await walk('/api/members?status=active&limit=500');
    expect(active.items.every((m) => m['status'] === 'active')).toBe(true);
  });

  it("finds nothing when filtering by the other office's ids, and shows none of its records", async () => {
    for (const path of [`/api/parks?communityId=${other.communityId}`, `/api/enterprises?parkId=${other.parkId}`, `/api/buildings?parkId=${other.parkId}`]) {
      const got = await reply(await world.call(head, 'GET', path));
      expect(got.body).toEqual({ items: [], nextCursor: null });
    }
    const theirs = await reply(await world.callOther(world.other.memberId, 'GET', '/api/communities'));
    expect((theirs.body['items'] as { id: string }[]).map((c) => c.id)).toEqual([other.communityId]);
  });

  it('refuses filters a kind does not have, bad flags and a cursor from another list', async () => {
    await expectInvalid(await world.call(head, 'GET', '/api/communities?parkId=x'), 'query.parkId');
    await expectInvalid(await world.call(head, 'GET', '/api/members?includeArchived=yes'), 'query.includeArchived');
    await expectInvalid(await world.call(head, 'GET', '/api/members?limit=501'), 'limit');
    const parks = await reply(await world.call(head, 'GET', '/api/parks?limit=1'));
    const cursor = parks.body['nextCursor'] as string;
    expect(cursor).toEqual(expect.any(String));
    await expectProblem(await world.call(head, 'GET', `/api/teams?cursor=${cursor}`), 400, 'INVALID_CURSOR');
  });

  it('finds enterprises by name words or credit code prefix with ?search=, a page at a time', async () => {
    const every = (await walk('/api/enterprises?limit=500')).items as { id: string; code: string; name: string; parkId: string | null }[];
    // Two characters from the middle of one name: Chinese names share such pieces.
    const target = every[every.length - 1]!;
    const piece = target.name.slice(2, 4);
    const expected = every.filter((e) => e.name.includes(piece)).map((e) => e.id);
    const found = await walk(`/api/enterprises?search=${encodeURIComponent(` ${piece} `)}&limit=2`);
    for (const page of found.pages.slice(0, -1)) expect(page.items).toHaveLength(2);
    expect(found.items.map((e) => e['id'])).toEqual(expected);
    const two = await walk(`/api/enterprises?search=${encodeURIComponent(`${target.name.slice(-2)} ${piece}`)}`);
    expect(two.items.map((e) => e['id'])).toContain(target.id);
    const byCode = await walk(`/api/enterprises?search=${target.code.slice(0, 17).toLowerCase()}`);
    expect(byCode.items.map((e) => e['id'])).toEqual([target.id]);
    const inPark = await walk(`/api/enterprises?search=${encodeURIComponent(piece)}&parkId=${target.parkId ?? ''}`);
    expect(inPark.items.map((e) => e['id'])).toEqual(every.filter((e) => e.name.includes(piece) && e.parkId === target.parkId).map((e) => e.id));
    expect((await walk('/api/enterprises?search=%25_%25')).items).toEqual([]);
    expect((await walk('/api/enterprises?search=&limit=500')).items).toEqual(every);
    const me = (await reply(await world.call(head, 'GET', `/api/members/${head}`))).body as { name: string; code: string };
    expect((await walk(`/api/members?search=${encodeURIComponent(me.name)}`)).items.map((m) => m['id'])).toContain(head);
    expect((await walk(`/api/members?search=${me.code.toLowerCase()}`)).items.map((m) => m['id'])).toContain(head);
  });

  it('refuses a search longer than 100 characters with a 400 naming query.search', async () => {
    await expectInvalid(await world.call(head, 'GET', `/api/enterprises?search=${encodeURIComponent('科'.repeat(101))}`), 'query.search');
    expect((await reply(await world.call(head, 'GET', `/api/enterprises?search=${encodeURIComponent('科'.repeat(100))}`))).status).toBe(200);
  });

  it('asks for credentials first (401)', async () => {
    const response = await expectProblem(await world.call(null, 'GET', '/api/members'), 401, 'UNAUTHENTICATED');
    expect(response.text).not.toContain(world.demo.stationHeadId);
  });
});

describe('GET /api/enterprises/{id}/lifecycle', () => {
  it("shows an enterprise's requests, visits and summary", async () => {
    const { enterpriseId, captainId } = world.p01;
    const submitted = await world.call(captainId, 'POST', '/api/requests', {
      communityId: world.demo.communityId,
      enterpriseId,
      channel: 'captain_report',
      category: 'legal',
      title: '合同纠纷咨询',
    });
    expect(submitted.status).toBe(201);
    const visit = await world.call(head, 'POST', '/api/visits', { enterpriseId, summary: '走访了解经营情况' });
    expect(visit.status).toBe(201);
    const got = await reply(await world.call(head, 'GET', `/api/enterprises/${enterpriseId}/lifecycle`));
    expect(got.status).toBe(200);
    expect((got.body['enterprise'] as { id: string }).id).toBe(enterpriseId);
    expect((got.body['requests'] as { title: string }[]).map((r) => r.title)).toContain('合同纠纷咨询');
    expect(got.body['summary']).toMatchObject({ requests: expect.any(Number), visits: 1 });
  });

  it("shows a provider only the requests they may see", async () => {
    const lawyer = await reply(await world.call(world.demo.lawyerId, 'GET', `/api/enterprises/${world.p01.enterpriseId}/lifecycle`));
    const head_ = await reply(await world.call(head, 'GET', `/api/enterprises/${world.p01.enterpriseId}/lifecycle`));
    const seen = (lawyer.body['requests'] as { assigneeId: string | null }[]) ?? [];
    expect(seen.length).toBeLessThanOrEqual((head_.body['requests'] as unknown[]).length);
    for (const request of seen) expect(request.assigneeId).toBe(world.demo.lawyerId);
  });

  it("is a bare 404 for the other office's enterprise, and for an unknown id", async () => {
    await expectHidden(await world.call(head, 'GET', `/api/enterprises/${other.enterpriseId}/lifecycle`), other.secrets);
    await expectHidden(await world.callOther(world.other.memberId, 'GET', `/api/enterprises/${world.p01.enterpriseId}/lifecycle`), ['梦创']);
    await expectProblem(await world.call(head, 'GET', '/api/enterprises/no-such-enterprise/lifecycle'), 404, 'NOT_FOUND');
  });
});
