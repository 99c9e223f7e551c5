import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../model/credit-code.js';
import type { RecordBase } from '../../model/common.js';
import type { CommunitySession } from '../../session.js';
import { rejection } from '../../__fixtures__/expect-error.js';
import { otherOffice } from '../../__fixtures__/other-office.js';
import { CREDIT_CODES, smallOffice, type SmallOffice } from '../../__fixtures__/small-office.js';
import type { DirectoryApi } from './directory-service.js';

type AnyApi = DirectoryApi<RecordBase & Record<string, unknown>, Record<string, unknown>, Record<string, unknown> & { id: string }>;
type ModelName = 'communities' | 'parks' | 'buildings' | 'enterprises' | 'teams' | 'members';

/** The session's API for `model`, widened so one table of cases can drive all six. */
const api = (session: CommunitySession, model: ModelName): AnyApi => session[model] as unknown as AnyApi;

interface Case {
  model: ModelName;
  create(fx: SmallOffice): Record<string, unknown>;
  code(input: Record<string, unknown>): string;
  update: Record<string, unknown>;
  /** A code the fixture already uses, for the DUPLICATE case. */
  taken(fx: SmallOffice): Record<string, unknown>;
}

const cases: Case[] = [
  {
    model: 'communities',
    create: () => ({ code: 'WL', name: '未来科创社区' }),
    code: (i) => i['code'] as string,
    update: { name: '未来科技城社区' },
    taken: () => ({ code: 'MC', name: '另一个梦创' }),
  },
  {
    model: 'parks',
    create: (fx) => ({ communityId: fx.mc.id, code: 'P03', name: '海创园', kind: 'factory_area', address: '文一西路998号' }),
    code: (i) => i['code'] as string,
    update: { name: '海创园二期', address: null },
    taken: (fx) => ({ communityId: fx.mc.id, code: 'P01', name: '重名园区' }),
  },
  {
    model: 'buildings',
    create: (fx) => ({ parkId: fx.park2.id, code: 'P02-B01', name: '2号楼', floors: 12 }),
    code: (i) => i['code'] as string,
    update: { floors: 18 },
    taken: (fx) => ({ parkId: fx.park1.id, code: 'P01-B01', name: '又一个1号楼' }),
  },
  {
    model: 'enterprises',
    create: (fx) => ({ creditCode: CREDIT_CODES[2], name: '杭州仓前智造有限公司', communityId: fx.mc.id, parkId: fx.park2.id, industry: '智能制造' }),
    code: (i) => i['creditCode'] as string,
    update: { industry: '高端装备', tags: ['专精特新'] },
    taken: (fx) => ({ creditCode: CREDIT_CODES[0], name: '重复企业', communityId: fx.mc.id }),
  },
  {
    model: 'teams',
    create: () => ({ code: 'HR', name: '人才服务队', kind: 'talent' }),
    code: (i) => i['code'] as string,
    update: { kind: 'talent_service' },
    taken: () => ({ code: 'LEGAL', name: '第二法律站' }),
  },
  {
    model: 'members',
    create: () => ({ code: 'S009', name: '刘科员', roles: [{ role: 'office_staff' }], mobile: '13800138000' }),
    code: (i) => i['code'] as string,
    update: { status: 'away' },
    taken: () => ({ code: 'S001', name: '又一个站长', roles: [{ role: 'station_head' }] }),
  },
];

describe.each(cases)('$model', (c) => {
  it('creates, reads, updates and archives a record', async () => {
    const fx = await smallOffice();
    const head = api(fx.as(fx.members.stationHead.id), c.model);
    const input = c.create(fx);
    const created = await head.create(input);
    expect(created).toMatchObject({ officeId: fx.office.id, code: c.code(input), version: 1, archivedAt: null });
    expect(await head.get(created.id)).toEqual(created);
    expect(await head.findByCode(c.code(input))).toEqual(created);
    expect(await head.findByCode('NO-SUCH-CODE')).toBeNull();

    const updated = await head.update({ id: created.id, version: 1, ...c.update });
    expect(updated).toMatchObject({ ...c.update, version: 2, code: created.code });
    expect(await head.get(created.id)).toEqual(updated);

    const archived = await head.archive({ id: created.id, version: 2 });
    expect(archived.version).toBe(3);
    expect(archived.archivedAt).toBeInstanceOf(Date);
    expect(await head.get(created.id)).toEqual(archived);
    const listed = await head.list({ limit: 500 });
    expect(listed.items.map((r) => r.id)).not.toContain(created.id);
    const all = await head.list({ limit: 500, includeArchived: true });
    expect(all.items.map((r) => r.id)).toContain(created.id);
  });

  it('refuses a code already used in the office with DUPLICATE', async () => {
    const fx = await smallOffice();
    const error = await rejection(api(fx.system, c.model).create(c.taken(fx)), 'DUPLICATE');
    expect(error.details.fields).toEqual(['code']);
  });

  it('refuses a stale version with CONFLICT', async () => {
    const fx = await smallOffice();
    const records = api(fx.system, c.model);
    const created = await records.create(c.create(fx));
    await records.update({ id: created.id, ...c.update });
    const error = await rejection(records.update({ id: created.id, version: 1, ...c.update }), 'CONFLICT');
    expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    await rejection(records.archive({ id: created.id, version: 1 }), 'CONFLICT');
    expect((await records.get(created.id)).version).toBe(2);
  });

  it.each(['captain', 'lead', 'contact'] as const)('a %s may not manage it (FORBIDDEN) and nothing changes', async (who) => {
    const fx = await smallOffice();
    const existing = await api(fx.system, c.model).create(c.create(fx));
    const records = api(fx.as(fx.members[who].id), c.model);
    await rejection(records.create(c.taken(fx)), 'FORBIDDEN');
    await rejection(records.update({ id: existing.id, ...c.update }), 'FORBIDDEN');
    await rejection(records.archive({ id: existing.id }), 'FORBIDDEN');
    expect(await api(fx.system, c.model).get(existing.id)).toEqual(existing);
  });

  it("treats another office's record as NOT_FOUND", async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    const theirs = await api(other.system, c.model).create(c.create({ ...fx, mc: other.unit, park1: other.park, park2: other.park }));
    const mine = api(fx.system, c.model);
    await rejection(mine.get(theirs.id), 'NOT_FOUND');
    await rejection(mine.update({ id: theirs.id, ...c.update }), 'NOT_FOUND');
    await rejection(mine.archive({ id: theirs.id }), 'NOT_FOUND');
    const page = await mine.list({ limit: 500, includeArchived: true });
    expect(page.items.every((r) => r.officeId === fx.office.id)).toBe(true);
    expect(await api(other.system, c.model).get(theirs.id)).toEqual(theirs);
  });
});

describe('enterprise credit codes', () => {
  it('a wrong check character is VALIDATION_FAILED with credit_code_check naming the expected character', async () => {
    const fx = await smallOffice();
    const valid = CREDIT_CODES[2];
    const expected = creditCodeCheckCharacter(valid.slice(0, 17));
    const wrong = valid.slice(0, 17) + (expected === '0' ? '1' : '0');
    const error = await rejection(fx.system.enterprises.create({ creditCode: wrong, name: '错码企业', communityId: fx.mc.id }), 'VALIDATION_FAILED');
    const issue = error.details.issues?.find((i) => i.path[0] === 'creditCode');
    expect(issue?.code).toBe('credit_code_check');
    expect(issue?.message).toContain(`'${expected}'`);
    expect(await fx.system.enterprises.findByCode(wrong)).toBeNull();
  });

  it('finds an enterprise by its credit code', async () => {
    const fx = await smallOffice();
    expect((await fx.system.enterprises.findByCode(CREDIT_CODES[0]))?.id).toBe(fx.ent1.id);
  });
});

describe('references', () => {
  /** Replaces every occurrence of `id` so two messages can be compared. */
  const masked = (message: string, id: string): string => message.split(id).join('<id>');

  it("another office's records are refused like missing ones, never revealing that office", async () => {
    const fx = await smallOffice();
    const other = await otherOffice(fx);
    const attempts: [string, (id: string) => Promise<unknown>][] = [
      ['park.communityId', (id) => fx.system.parks.create({ communityId: id, code: 'P07', name: '七号园' })],
      ['building.parkId', (id) => fx.system.buildings.create({ parkId: id, code: 'X-B1', name: 'X1' })],
      ['enterprise.parkId', (id) => fx.system.enterprises.create({ creditCode: CREDIT_CODES[2], name: '企业', communityId: fx.mc.id, parkId: id })],
      ['captain.parkIds', (id) => fx.system.members.create({ code: 'C9', name: '园区长', roles: [{ role: 'captain', parkIds: [id] }] })],
      ['provider.teamId', (id) => fx.system.members.create({ code: 'L9', name: '律师', roles: [{ role: 'provider', teamId: id }] })],
      ['contact.enterpriseId', (id) => fx.system.members.create({ code: 'E9', name: '联系人', roles: [{ role: 'enterprise_contact', enterpriseId: id }] })],
    ];
    const foreign: Record<string, string> = {
      'park.communityId': other.unit.id,
      'building.parkId': other.park.id,
      'enterprise.parkId': other.park.id,
      'captain.parkIds': other.park.id,
      'provider.teamId': other.team.id,
      'contact.enterpriseId': other.enterprise.id,
    };
    for (const [name, attempt] of attempts) {
      const theirs = await rejection(attempt(foreign[name] as string), 'VALIDATION_FAILED');
      const missing = await rejection(attempt('id-999999'), 'VALIDATION_FAILED');
      expect(masked(theirs.message, foreign[name] as string), name).toBe(masked(missing.message, 'id-999999'));
      for (const secret of [other.office.name, other.office.code, other.unit.name, other.park.name, other.team.name, other.enterprise.name]) {
        expect(theirs.message, name).not.toContain(secret);
      }
    }
  });

  it('lists every wrong reference of an enterprise at once', async () => {
    const fx = await smallOffice();
    const error = await rejection(
      fx.system.enterprises.create({ creditCode: CREDIT_CODES[2], name: '企业', communityId: 'id-999991', parkId: 'id-999992', buildingId: 'id-999993' }),
      'VALIDATION_FAILED',
    );
    expect(error.details.issues?.map((i) => i.path.join('.')).sort()).toEqual(['buildingId', 'communityId', 'parkId']);
  });

  it('refuses a building in an archived park and one that is not in the enterprise park', async () => {
    const fx = await smallOffice();
    const park = await fx.system.parks.create({ communityId: fx.mc.id, code: 'P05', name: '五号园' });
    await fx.system.parks.archive({ id: park.id });
    await rejection(fx.system.buildings.create({ parkId: park.id, code: 'P05-B1', name: '1号楼' }), 'VALIDATION_FAILED');
    const error = await rejection(
      fx.system.enterprises.create({ creditCode: CREDIT_CODES[2], name: '企业', communityId: fx.mc.id, parkId: fx.park2.id, buildingId: fx.building.id }),
      'VALIDATION_FAILED',
    );
    expect(error.details.issues?.map((i) => i.path.join('.'))).toEqual(['buildingId']);
  });

  it('moving an enterprise to another park must not keep a building of the old park', async () => {
    const fx = await smallOffice();
    await rejection(fx.system.enterprises.update({ id: fx.ent1.id, parkId: fx.park2.id }), 'VALIDATION_FAILED');
    const moved = await fx.system.enterprises.update({ id: fx.ent1.id, parkId: fx.park2.id, buildingId: null });
    expect(moved).toMatchObject({ parkId: fx.park2.id, buildingId: null });
  });

  it('clearing an enterprise park must not keep its building (building.parkId would disagree)', async () => {
    const fx = await smallOffice();
    const error = await rejection(fx.system.enterprises.update({ id: fx.ent1.id, parkId: null }), 'VALIDATION_FAILED');
    expect(error.details.issues?.map((i) => i.path.join('.'))).toEqual(['buildingId']);
    expect(await fx.system.enterprises.get(fx.ent1.id)).toMatchObject({ parkId: fx.park1.id, buildingId: fx.building.id });
  });
});

describe('lists', () => {
  it('cursor pages walk every record exactly once, in code order', async () => {
    const fx = await smallOffice();
    for (let i = 3; i <= 14; i++) await fx.system.parks.create({ communityId: fx.mc.id, code: `P${String(i).padStart(2, '0')}`, name: `园区${i}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await fx.system.parks.list({ limit: 5, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.code));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 14 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`));
  });

  it('filters on the model fields, including null', async () => {
    const fx = await smallOffice();
    expect((await fx.system.enterprises.list({ filter: { parkId: fx.park2.id } })).items.map((e) => e.id)).toEqual([fx.ent2.id]);
    expect((await fx.system.enterprises.list({ filter: { buildingId: null } })).items.map((e) => e.id)).toEqual([fx.ent2.id]);
    expect((await fx.system.buildings.list({ filter: { parkId: fx.park1.id } })).items.map((b) => b.id)).toEqual([fx.building.id]);
    expect((await fx.system.teams.list({ filter: { kind: 'legal' } })).items.map((t) => t.id)).toEqual([fx.legal.id]);
    await fx.system.members.update({ id: fx.members.lead.id, status: 'away' });
    expect((await fx.system.members.list({ filter: { status: 'away' } })).items.map((m) => m.id)).toEqual([fx.members.lead.id]);
    const error = await rejection(fx.system.parks.list({ filter: { name: 'x' } }), 'VALIDATION_FAILED');
    expect(error.details.issues?.[0]?.path).toEqual(['filter', 'name']);
  });

  it('refuses an invalid cursor, and a cursor of another list, with INVALID_CURSOR', async () => {
    const fx = await smallOffice();
    const page = await fx.system.members.list({ limit: 2 });
    expect(page.nextCursor).not.toBeNull();
    await rejection(fx.system.members.list({ cursor: 'not-a-cursor!' }), 'INVALID_CURSOR');
    await rejection(fx.system.teams.list({ cursor: page.nextCursor as string }), 'INVALID_CURSOR');
    await rejection(fx.system.members.list({ limit: 0 }), 'VALIDATION_FAILED');
  });
});
