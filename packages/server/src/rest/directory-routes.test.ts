import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, expectInvalid, expectProblem, freshCreditCodes, otherDirectory, reply, type OtherDirectory } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let other: OtherDirectory;
let head: string;
let captain: string;
let newCreditCode: () => string;
beforeAll(async () => {
  world = await demoServer();
  other = await otherDirectory(world);
  head = world.demo.stationHeadId;
  captain = world.p01.captainId;
  newCreditCode = freshCreditCodes(4242);
});

type Body = Record<string, unknown>;

/** What each kind needs to be exercised: valid and invalid bodies, and the other office's record. */
interface KindCase {
  kind: string;
  create(n: number): Body;
  /** A body that is invalid, with a valid code, and the issue paths it must report. */
  invalid(n: number): { body: Body; paths: string[] };
  patch: Body;
  badPatch: { body: Body; paths: string[] };
  otherId(o: OtherDirectory): string;
}

const p01 = () => world.demo.parkIds.get('P01')!;
let serial = 0;
const next = () => ++serial;

const CASES: KindCase[] = [
  {
    kind: 'communities',
    create: (n) => ({ code: `C-T${n}`, name: `测试社区${n}` }),
    invalid: (n) => ({ body: { code: `C-X${n}`, name: '', extra: 1 }, paths: ['body.name', 'body.extra'] }),
    patch: { name: '改名社区' },
    badPatch: { body: { name: '' }, paths: ['body.name'] },
    otherId: (o) => o.communityId,
  },
  {
    kind: 'parks',
    create: (n) => ({ communityId: world.demo.communityId, code: `P-T${n}`, name: `测试园区${n}` }),
    invalid: (n) => ({ body: { communityId: world.demo.communityId, code: `P-X${n}`, name: '', kind: 'mall' }, paths: ['body.name', 'body.kind'] }),
    patch: { address: '文一西路 1 号' },
    badPatch: { body: { kind: 'mall' }, paths: ['body.kind'] },
    otherId: (o) => o.parkId,
  },
  {
    kind: 'buildings',
    create: (n) => ({ parkId: p01(), code: `B-T${n}`, name: `测试大楼${n}`, floors: 12 }),
    invalid: (n) => ({ body: { parkId: p01(), code: `B-X${n}`, name: '大楼', floors: 0 }, paths: ['body.floors'] }),
    patch: { floors: 20 },
    badPatch: { body: { floors: -1 }, paths: ['body.floors'] },
    otherId: (o) => o.buildingId,
  },
  {
    kind: 'enterprises',
    create: () => ({ creditCode: newCreditCode(), name: `测试科技有限公司${next()}`, communityId: world.demo.communityId, parkId: p01() }),
    invalid: () => ({ body: { creditCode: newCreditCode(), name: '测试公司', communityId: world.demo.communityId, size: 'huge' }, paths: ['body.size'] }),
    patch: { industry: '软件和信息技术服务业' },
    badPatch: { body: { size: 'huge' }, paths: ['body.size'] },
    otherId: (o) => o.enterpriseId,
  },
  {
    kind: 'teams',
    create: (n) => ({ code: `T-T${n}`, name: `测试服务队${n}`, kind: 'finance' }),
    invalid: (n) => ({ body: { code: `T-X${n}`, name: '' }, paths: ['body.name'] }),
    patch: { name: '金融服务队' },
    badPatch: { body: { kind: '' }, paths: ['body.kind'] },
    otherId: (o) => o.teamId,
  },
  {
    kind: 'members',
    create: (n) => ({ code: `M-T${n}`, name: `测试人员${n}`, roles: [{ role: 'office_staff' }] }),
    invalid: (n) => ({ body: { code: `M-X${n}`, name: '张三', roles: [], mobile: '12345' }, paths: ['body.roles', 'body.mobile'] }),
    patch: { mobile: '13800138000' },
    badPatch: { body: { mobile: '12345' }, paths: ['body.mobile'] },
    otherId: (o) => o.memberId,
  },
];

async function create(c: KindCase): Promise<Body> {
  const created = await reply(await world.call(head, 'POST', `/api/${c.kind}`, c.create(next())));
  expect(created.status).toBe(201);
  return created.body;
}

describe.each(CASES)('/api/$kind', (c) => {
  it('creates (201), reads back by id and by code, updates and archives', async () => {
    const record = await create(c);
    const id = record['id'] as string;
    expect(record).toMatchObject({ officeId: world.office.id, version: 1, archivedAt: null });
    const byId = await reply(await world.call(head, 'GET', `/api/${c.kind}/${id}`));
    expect(byId.body).toEqual(record);
    const byCode = await reply(await world.call(head, 'GET', `/api/${c.kind}/by-code/${encodeURIComponent(record['code'] as string)}`));
    expect(byCode.body['id']).toBe(id);

    const patched = await reply(await world.call(head, 'PATCH', `/api/${c.kind}/${id}`, { ...c.patch, version: 1 }));
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ ...c.patch, id, version: 2 });

    const archived = await reply(await world.call(head, 'POST', `/api/${c.kind}/${id}/archive`, { version: 2 }));
    expect(archived.status).toBe(200);
    expect(archived.body['archivedAt']).toEqual(expect.any(String));
    // Archived records stay readable, and leave the default list.
    expect((await reply(await world.call(head, 'GET', `/api/${c.kind}/${id}`))).body['version']).toBe(3);
    const listed = async (query: string) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await reply(await world.call(head, 'GET', `/api/${c.kind}?limit=500${query}${cursor ? `&cursor=${cursor}` : ''}`));
        ids.push(...(page.body['items'] as { id: string }[]).map((r) => r.id));
        cursor = page.body['nextCursor'] as string | null;
      } while (cursor);
      return ids;
    };
    expect(await listed('')).not.toContain(id);
    expect(await listed('&includeArchived=true')).toContain(id);
  });

  it('answers bad input with problem+json listing every issue, and writes nothing', async () => {
    const { body, paths } = c.invalid(next());
    await expectInvalid(await world.call(head, 'POST', `/api/${c.kind}`, body), ...paths);
    const code = (body['code'] ?? body['creditCode']) as string;
    await expectProblem(await world.call(head, 'GET', `/api/${c.kind}/by-code/${code}`), 404, 'NOT_FOUND');

    const record = await create(c);
    const id = record['id'] as string;
    await expectInvalid(await world.call(head, 'PATCH', `/api/${c.kind}/${id}`, c.badPatch.body), ...c.badPatch.paths);
    await expectInvalid(await world.call(head, 'PATCH', `/api/${c.kind}/${id}`, { id: 'another' }), 'body.id');
    await expectInvalid(await world.call(head, 'POST', `/api/${c.kind}/${id}/archive`, { version: 0 }), 'body.version');
    expect((await reply(await world.call(head, 'GET', `/api/${c.kind}/${id}`))).body).toEqual(record);

    await expectInvalid(await world.call(head, 'GET', `/api/${c.kind}?limit=ten`), 'query.limit');
    await expectInvalid(await world.call(head, 'GET', `/api/${c.kind}?limit=0`), 'limit');
    await expectInvalid(await world.call(head, 'GET', `/api/${c.kind}?colour=red`), 'query.colour');
    await expectProblem(await world.call(head, 'GET', `/api/${c.kind}?cursor=not-a-cursor`), 400, 'INVALID_CURSOR');
    await expectProblem(await world.call(head, 'POST', `/api/${c.kind}`, '{"code":'), 400, 'MALFORMED_BODY');
  });

  it("hides the other office's records behind a bare 404, and its own from the other office", async () => {
    const id = c.otherId(other);
    await expectHidden(await world.call(head, 'GET', `/api/${c.kind}/${id}`), other.secrets);
    await expectHidden(await world.call(head, 'PATCH', `/api/${c.kind}/${id}`, c.patch), other.secrets);
    await expectHidden(await world.call(head, 'POST', `/api/${c.kind}/${id}/archive`, {}), other.secrets);
    const otherCode = (await world.community.as({ kind: 'system', officeId: world.other.office.id })[c.kind as 'parks'].get(id)).code;
    // The detail repeats the code asked for, and nothing else of the record.
    const byCode = await expectHidden(await world.call(head, 'GET', `/api/${c.kind}/by-code/${otherCode}`), ['良渚', '王站长']);
    expect(byCode.text.replaceAll(otherCode, '')).not.toMatch(/LZ-|91330110/);
    const list = await reply(await world.call(head, 'GET', `/api/${c.kind}?limit=500&includeArchived=true`));
    expect(list.text).not.toContain(id);
    for (const secret of other.secrets) expect(list.text).not.toContain(secret);

    const mine = await create(c);
    const stranger = world.other.memberId;
    await expectHidden(await world.callOther(stranger, 'GET', `/api/${c.kind}/${mine['id']}`), [mine['code'] as string]);
    await expectHidden(await world.callOther(stranger, 'PATCH', `/api/${c.kind}/${mine['id']}`, c.patch), [mine['code'] as string]);
    await expectHidden(await world.callOther(stranger, 'POST', `/api/${c.kind}/${mine['id']}/archive`, {}), [mine['code'] as string]);
    expect((await reply(await world.call(head, 'GET', `/api/${c.kind}/${mine['id']}`))).body).toEqual(mine);
  });

  it('forbids writes to members who may not manage the directory (403), writing nothing', async () => {
    const attempt = c.create(next());
    await expectProblem(await world.call(captain, 'POST', `/api/${c.kind}`, attempt), 403, 'FORBIDDEN');
    const code = (attempt['code'] ?? attempt['creditCode']) as string;
    await expectProblem(await world.call(head, 'GET', `/api/${c.kind}/by-code/${code}`), 404, 'NOT_FOUND');
    const record = await create(c);
    await expectProblem(await world.call(captain, 'PATCH', `/api/${c.kind}/${record['id']}`, c.patch), 403, 'FORBIDDEN');
    await expectProblem(await world.call(captain, 'POST', `/api/${c.kind}/${record['id']}/archive`, {}), 403, 'FORBIDDEN');
    // Reading is for every member of the office.
    expect((await reply(await world.call(captain, 'GET', `/api/${c.kind}/${record['id']}`))).body).toEqual(record);
  });

  it('answers a stale version with 409 CONFLICT and keeps the newer record', async () => {
    const record = await create(c);
    const id = record['id'] as string;
    await world.call(head, 'PATCH', `/api/${c.kind}/${id}`, c.patch);
    const stale = await expectProblem(await world.call(head, 'PATCH', `/api/${c.kind}/${id}`, { ...c.patch, version: 1 }), 409, 'CONFLICT');
    expect(stale.body['details']).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    await expectProblem(await world.call(head, 'POST', `/api/${c.kind}/${id}/archive`, { version: 1 }), 409, 'CONFLICT');
    expect((await reply(await world.call(head, 'GET', `/api/${c.kind}/${id}`))).body).toMatchObject({ version: 2, archivedAt: null });
  });

  it('answers a code used twice with 409 DUPLICATE', async () => {
    const body = c.create(next());
    expect((await world.call(head, 'POST', `/api/${c.kind}`, body)).status).toBe(201);
    await expectProblem(await world.call(head, 'POST', `/api/${c.kind}`, body), 409, 'DUPLICATE');
  });
});
