import { describe, expect, it } from 'vitest';
import { rejection } from '../../__fixtures__/expect-error.js';
import { otherOffice } from '../../__fixtures__/other-office.js';
import { smallOffice, submission } from '../../__fixtures__/small-office.js';
import { memoryStorage } from '../../storage/memory-storage.js';

describe('community.offices', () => {
  it('creates an office, with Asia/Shanghai as the default time zone, and finds it by id and code', async () => {
    const fx = await smallOffice();
    expect(fx.office).toMatchObject({ code: 'cangqian', name: '仓前街道', timeZone: 'Asia/Shanghai', version: 1, archivedAt: null });
    expect(fx.office.officeId).toBe(fx.office.id);
    expect(await fx.community.offices.get(fx.office.id)).toEqual(fx.office);
    expect(await fx.community.offices.findByCode('cangqian')).toEqual(fx.office);
    expect(await fx.community.offices.findByCode('nowhere')).toBeNull();
    await rejection(fx.community.offices.get('id-999999'), 'NOT_FOUND');
  });

  it('refuses a code that is already taken (DUPLICATE) and an unknown time zone (VALIDATION_FAILED)', async () => {
    const fx = await smallOffice();
    await rejection(fx.community.offices.create({ code: 'cangqian', name: '另一个仓前' }), 'DUPLICATE');
    const error = await rejection(fx.community.offices.create({ code: 'mars', name: '火星街道', timeZone: 'Mars/Olympus' }), 'VALIDATION_FAILED');
    expect(error.details.issues?.[0]?.path).toEqual(['timeZone']);
    expect(await fx.community.offices.findByCode('mars')).toBeNull();
  });

  it('archives an office once; archiving again returns it unchanged; a stale version is a CONFLICT', async () => {
    const fx = await smallOffice();
    await rejection(fx.community.offices.archive({ id: fx.office.id, version: 3 }), 'CONFLICT');
    const archived = await fx.community.offices.archive({ id: fx.office.id, version: 1 });
    expect(archived.version).toBe(2);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(await fx.community.offices.archive({ id: fx.office.id })).toEqual(archived);
    expect(await fx.community.offices.get(fx.office.id)).toEqual(archived);
    await rejection(fx.community.offices.archive({ id: 'id-999999' }), 'NOT_FOUND');
  });
});

describe('session.office', () => {
  it('reads the own office and lets the station head and office staff update it', async () => {
    const fx = await smallOffice();
    const head = fx.as(fx.members.stationHead.id);
    expect(await head.office.get()).toEqual(fx.office);
    const renamed = await head.office.update({ name: '仓前街道办事处', version: 1 });
    expect(renamed).toMatchObject({ name: '仓前街道办事处', timeZone: 'Asia/Shanghai', version: 2 });
    const staff = fx.as(fx.members.officeStaff.id);
    const moved = await staff.office.update({ timeZone: 'Asia/Urumqi' });
    expect(moved).toMatchObject({ name: '仓前街道办事处', timeZone: 'Asia/Urumqi', version: 3 });
    expect(await fx.community.offices.get(fx.office.id)).toEqual(moved);
  });

  it('refuses a stale version (CONFLICT) and an unknown time zone (VALIDATION_FAILED)', async () => {
    const fx = await smallOffice();
    await fx.system.office.update({ name: '改名一次' });
    const error = await rejection(fx.system.office.update({ name: '改名两次', version: 1 }), 'CONFLICT');
    expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    await rejection(fx.system.office.update({ timeZone: 'Nowhere/Land' }), 'VALIDATION_FAILED');
    expect((await fx.system.office.get()).name).toBe('改名一次');
  });

  it.each(['captain', 'lead', 'contact'] as const)('a %s may not update the office (FORBIDDEN)', async (who) => {
    const fx = await smallOffice();
    await rejection(fx.as(fx.members[who].id).office.update({ name: '越权' }), 'FORBIDDEN');
    expect((await fx.community.offices.get(fx.office.id)).version).toBe(1);
  });

  it('a session only ever sees its own office', async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    expect((await other.session.office.get()).id).toBe(other.office.id);
    await other.session.office.update({ name: '良渚街道办事处' });
    expect((await fx.system.office.get()).name).toBe('仓前街道');
  });
});

describe('an archived office', () => {
  async function archivedOffice() {
    const storage = memoryStorage();
    const fx = await smallOffice({ storage });
    const request = await fx.system.requests.submit(submission(fx));
    const visit = await fx.system.visits.record({ enterpriseId: fx.ent1.id, requests: [{ category: 'policy', title: '政策咨询' }] });
    await fx.community.offices.archive({ id: fx.office.id });
    return { ...fx, storage, request, visit, head: fx.as(fx.members.stationHead.id) };
  }

  it('refuses every command with FORBIDDEN', async () => {
    const fx = await archivedOffice();
    const { head, system, request } = fx;
    const attempts: [string, () => Promise<unknown>][] = [
      ['submit', () => system.requests.submit(submission(fx))],
      ['assign', () => head.requests.assign({ requestId: request.id, assigneeId: fx.members.lead.id })],
      ['note', () => head.requests.note({ requestId: request.id, text: '仍在处理' })],
      ['withdraw', () => fx.as(fx.members.contact.id).requests.withdraw({ requestId: request.id, reason: '已自行解决' })],
      ['visit', () => head.visits.record({ enterpriseId: fx.ent1.id })],
      ['create park', () => system.parks.create({ communityId: fx.mc.id, code: 'P09', name: '九号园' })],
      ['update enterprise', () => head.enterprises.update({ id: fx.ent1.id, industry: '软件' })],
      ['archive member', () => system.members.archive({ id: fx.members.captain.id })],
      ['update office', () => head.office.update({ name: '新名字' })],
    ];
    for (const [name, attempt] of attempts) {
      const error = await rejection(attempt(), 'FORBIDDEN');
      expect(error.message, name).toContain('archived');
    }
  });

  it('keeps its data', async () => {
    const fx = await archivedOffice();
    expect((await fx.community.offices.get(fx.office.id)).archivedAt).toBeInstanceOf(Date);
    expect(await fx.system.office.get()).toMatchObject({ id: fx.office.id, name: '仓前街道' });
    const scoped = [{ field: 'officeId', value: fx.office.id }];
    expect(await fx.storage.count({ model: 'request', where: scoped })).toBe(2);
    expect(await fx.storage.count({ model: 'visit', where: scoped })).toBe(1);
    expect(await fx.storage.count({ model: 'park', where: scoped })).toBe(2);
    expect(await fx.storage.count({ model: 'member', where: scoped })).toBe(11);
  });

  it('keeps its records readable through the SDK, as offices.archive documents', async () => {
    const fx = await archivedOffice();
    expect((await fx.head.requests.get(fx.request.id)).request.id).toBe(fx.request.id);
    expect((await fx.head.requests.list()).items).toHaveLength(2);
    expect(await fx.system.parks.get(fx.park1.id)).toEqual(fx.park1);
    expect((await fx.system.enterprises.list()).items).toHaveLength(2);
    expect((await fx.head.visits.get(fx.visit.visit.id)).id).toBe(fx.visit.visit.id);
    expect((await fx.head.enterprises.lifecycle(fx.ent1.id)).summary.requests).toBe(2);
  });
});
