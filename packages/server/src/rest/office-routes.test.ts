import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectInvalid, expectProblem, reply } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let head: string;
// A host resolver for the system actor (as an API key would give), tried before the dev sign-in.
const systemOf = (request: Request) => {
  const officeId = request.headers.get('x-test-system-office');
  return officeId ? { kind: 'system' as const, officeId } : null;
};
beforeAll(async () => {
  world = await demoServer({ resolveActor: systemOf });
  head = world.demo.stationHeadId;
});

describe('GET /api/me', () => {
  it('names a member and their roles', async () => {
    const got = await reply(await world.call(head, 'GET', '/api/me'));
    expect(got.status).toBe(200);
    expect(got.body['actor']).toEqual({ kind: 'member', officeId: world.office.id, memberId: head });
    const member = got.body['member'] as { id: string; name: string; roles: { role: string }[] };
    expect(member.id).toBe(head);
    expect(member.name).toEqual(expect.any(String));
    expect(member.roles.map((r) => r.role)).toContain('station_head');
    const captain = await reply(await world.call(world.p01.captainId, 'GET', '/api/me'));
    expect((captain.body['member'] as { roles: { role: string; parkIds?: string[] }[] }).roles).toContainEqual({ role: 'captain', parkIds: [world.demo.parkIds.get('P01')] });
  });

  it('names the system actor with no member record', async () => {
    const got = await reply(await world.call(null, 'GET', '/api/me', undefined, { 'x-test-system-office': world.office.id }));
    expect(got.body).toEqual({ actor: { kind: 'system', officeId: world.office.id }, member: null });
  });

  it("tells the other office's member about themselves only", async () => {
    const got = await reply(await world.callOther(world.other.memberId, 'GET', '/api/me'));
    expect(got.body['actor']).toEqual({ kind: 'member', officeId: world.other.office.id, memberId: world.other.memberId });
    expect(got.text).not.toContain(world.office.id);
  });

  it('asks for credentials first (401)', async () => {
    await expectProblem(await world.call(null, 'GET', '/api/me'), 401, 'UNAUTHENTICATED');
    // A member of another office cannot pose as one of this office through the dev header.
    await expectProblem(await world.callOther(head, 'GET', '/api/me'), 401, 'UNAUTHENTICATED');
  });
});

describe('/api/office', () => {
  it('reads and renames the office, raising its version', async () => {
    const before = await reply(await world.call(head, 'GET', '/api/office'));
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ id: world.office.id, name: world.office.name, timeZone: 'Asia/Shanghai' });
    expect(before.body).not.toHaveProperty('configVersion');
    const version = before.body['version'] as number;
    const renamed = await reply(await world.call(head, 'PATCH', '/api/office', { name: '梦创街道办事处', version }));
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '梦创街道办事处', timeZone: 'Asia/Shanghai', version: version + 1 });
    expect((await reply(await world.call(world.p01.captainId, 'GET', '/api/office'))).body['name']).toBe('梦创街道办事处');
    const zone = await reply(await world.call(head, 'PATCH', '/api/office', { timeZone: 'Asia/Urumqi' }));
    expect(zone.body).toMatchObject({ name: '梦创街道办事处', timeZone: 'Asia/Urumqi' });
    await world.call(head, 'PATCH', '/api/office', { timeZone: 'Asia/Shanghai' });
  });

  it('answers bad input with every issue and changes nothing', async () => {
    const before = (await reply(await world.call(head, 'GET', '/api/office'))).body;
    await expectInvalid(await world.call(head, 'PATCH', '/api/office', { name: '', timeZone: 7 }), 'body.name', 'body.timeZone');
    await expectInvalid(await world.call(head, 'PATCH', '/api/office', { id: world.other.office.id, name: '改名' }), 'body.id');
    await expectInvalid(await world.call(head, 'PATCH', '/api/office', { timeZone: 'Mars/Olympus_Mons' }), 'body.timeZone');
    await expectProblem(await world.call(head, 'PATCH', '/api/office', { name: 'x' }, { 'content-type': 'text/plain' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect((await reply(await world.call(head, 'GET', '/api/office'))).body).toEqual(before);
  });

  it('lets only the station head and office staff change it (403), and refuses a stale version (409)', async () => {
    const before = (await reply(await world.call(head, 'GET', '/api/office'))).body;
    for (const who of [world.p01.captainId, world.demo.lawyerId, world.demo.dispatcherIds[0]!]) {
      await expectProblem(await world.call(who, 'PATCH', '/api/office', { name: '被改名的街道' }), 403, 'FORBIDDEN');
    }
    const stale = await expectProblem(await world.call(head, 'PATCH', '/api/office', { name: '旧版本', version: 1 }), 409, 'CONFLICT');
    expect(stale.body['details']).toMatchObject({ expectedVersion: 1, actualVersion: before['version'] });
    const staff = world.demo.officeStaffIds[0]!;
    const byStaff = await reply(await world.call(staff, 'PATCH', '/api/office', { name: before['name'] as string }));
    expect(byStaff.status).toBe(200);
  });

  it("gives the other office its own office, and never touches this one from there", async () => {
    const before = (await reply(await world.call(head, 'GET', '/api/office'))).body;
    const theirs = await reply(await world.callOther(world.other.memberId, 'GET', '/api/office'));
    expect(theirs.body).toMatchObject({ id: world.other.office.id, name: '良渚街道' });
    expect(theirs.text).not.toContain(world.office.id);
    const renamed = await reply(await world.callOther(world.other.memberId, 'PATCH', '/api/office', { name: '良渚街道办事处' }));
    expect(renamed.body['id']).toBe(world.other.office.id);
    expect((await reply(await world.call(head, 'GET', '/api/office'))).body).toEqual(before);
  });
});
