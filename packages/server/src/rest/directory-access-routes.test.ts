import type { Enterprise, Member } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectHidden, reply } from '../__fixtures__/http-expect.js';

/**
 * What an enterprise contact (企业联系人) reads of the directory over REST: their own
 * enterprise, themselves in full, the office's staff by name only, and nothing of other
 * companies or their contacts.
 */

let world: DemoServer;
let contact: Member;
let other: Member;
let ownEnterprise: Enterprise;
let otherEnterprise: Enterprise;
let members: Member[];
beforeAll(async () => {
  world = await demoServer();
  const system = world.community.as({ kind: 'system', officeId: world.office.id });
  members = (await system.members.list({ limit: 500 })).items;
  const [own, theirs] = [...world.demo.enterpriseContactIds];
  contact = members.find((m) => m.id === own?.[1])!;
  other = members.find((m) => m.id === theirs?.[1])!;
  ownEnterprise = (await system.enterprises.findByCode(own?.[0] ?? ''))!;
  otherEnterprise = (await system.enterprises.findByCode(theirs?.[0] ?? ''))!;
});

const get = async (path: string) => reply(await world.call(contact.id, 'GET', path));

/** Every item of a REST list, following `nextCursor` three at a time. */
async function walk(path: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | null = null;
  do {
    const got = await get(`${path}?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(got.status).toBe(200);
    items.push(...(got.body['items'] as Record<string, unknown>[]));
    cursor = got.body['nextCursor'] as string | null;
  } while (cursor);
  return items;
}

/** Another member's personal details, which must not appear in what the contact was sent. */
const detailsOf = (m: Member) => [m.mobile, m.email, ...(m.contacts ?? []).map((c) => c.address)].filter((d): d is string => d !== null);

describe("an enterprise contact's directory over REST", () => {
  it('GET /api/members lists themselves in full and the staff by name, and no other company’s contacts', async () => {
    const listed = await walk('/api/members');
    const ids = listed.map((m) => m['id']);
    expect(ids).toContain(contact.id);
    expect(ids).toContain(world.demo.stationHeadId);
    expect(ids).not.toContain(other.id);
    const staff = members.filter((m) => m.roles.some((r) => r.role !== 'enterprise_contact'));
    expect(ids).toEqual(expect.arrayContaining(staff.map((m) => m.id)));
    expect(listed.find((m) => m['id'] === contact.id)).toMatchObject({ mobile: contact.mobile, email: contact.email });
    expect(listed.find((m) => m['id'] === world.demo.stationHeadId)).toMatchObject({ mobile: null, email: null, contacts: [] });
    const text = JSON.stringify(listed);
    for (const m of members.filter((m) => m.id !== contact.id)) for (const detail of detailsOf(m)) expect(text).not.toContain(detail);
  });

  it('GET /api/members/{id} and by-code: staff without details, another company’s contact 404', async () => {
    const head = members.find((m) => m.id === world.demo.stationHeadId)!;
    const byId = await get(`/api/members/${head.id}`);
    expect(byId.body).toMatchObject({ id: head.id, name: head.name, mobile: null, email: null, contacts: [] });
    expect((await get(`/api/members/by-code/${head.code}`)).body).toEqual(byId.body);
    await expectHidden(await world.call(contact.id, 'GET', `/api/members/${other.id}`), [other.name, ...detailsOf(other)]);
    await expectHidden(await world.call(contact.id, 'GET', `/api/members/by-code/${other.code}`), [other.name, ...detailsOf(other)]);
    // The station head still reads the contact's details.
    expect((await reply(await world.call(head.id, 'GET', `/api/members/${contact.id}`))).body).toMatchObject({ mobile: contact.mobile, email: contact.email });
  });

  it('GET /api/me and the own record by id are in full', async () => {
    const me = await get('/api/me');
    expect(me.body['member']).toMatchObject({ id: contact.id, mobile: contact.mobile, email: contact.email });
    expect((await get(`/api/members/${contact.id}`)).body).toEqual(me.body['member']);
  });

  it('GET /api/enterprises lists their own enterprise only; any other is 404 by id, by code and in its life cycle', async () => {
    expect((await walk('/api/enterprises')).map((e) => e['id'])).toEqual([ownEnterprise.id]);
    expect((await get(`/api/enterprises/${ownEnterprise.id}`)).body).toMatchObject({ id: ownEnterprise.id, name: ownEnterprise.name });
    expect((await get(`/api/enterprises/by-code/${ownEnterprise.code}`)).body).toMatchObject({ id: ownEnterprise.id });
    expect((await get(`/api/enterprises/${ownEnterprise.id}/lifecycle`)).status).toBe(200);
    for (const path of [`/api/enterprises/${otherEnterprise.id}`, `/api/enterprises/by-code/${otherEnterprise.code}`, `/api/enterprises/${otherEnterprise.id}/lifecycle`]) {
      await expectHidden(await world.call(contact.id, 'GET', path), [otherEnterprise.name]);
    }
    expect((await get(`/api/enterprises?parkId=${otherEnterprise.parkId ?? ''}`)).body['items']).not.toContainEqual(expect.objectContaining({ id: otherEnterprise.id }));
  });

  it('GET /api/enterprises?search= finds their own enterprise only, by name or by code', async () => {
    const found = async (search: string) => ((await get(`/api/enterprises?limit=500&search=${encodeURIComponent(search)}`)).body['items'] as { id: string }[]).map((e) => e.id);
    expect(await found(ownEnterprise.name)).toEqual([ownEnterprise.id]);
    expect(await found(ownEnterprise.code)).toEqual([ownEnterprise.id]);
    expect(await found(otherEnterprise.name)).toEqual([]);
    expect(await found(otherEnterprise.code)).toEqual([]);
    expect(await found(otherEnterprise.code.slice(0, 8))).toEqual(ownEnterprise.code.startsWith(otherEnterprise.code.slice(0, 8)) ? [ownEnterprise.id] : []);
  });

  it('GET /api/parks, /api/teams and /api/communities read as for everyone', async () => {
    const head = world.demo.stationHeadId;
    for (const path of ['/api/parks', '/api/teams', '/api/communities', '/api/buildings']) {
      expect((await get(`${path}?limit=500`)).body, path).toEqual((await reply(await world.call(head, 'GET', `${path}?limit=500`))).body);
    }
  });
});
