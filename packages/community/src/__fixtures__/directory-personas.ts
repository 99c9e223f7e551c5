import { expect } from 'vitest';
import type { CommunityOptions } from '../community.js';
import type { RecordBase } from '../model/common.js';
import type { Page } from '../queries/cursor.js';
import type { CommunitySession } from '../session.js';
import { isKechuangError } from '../errors/kechuang-error.js';
import { CREDIT_CODES, smallOffice, type SmallOffice } from './small-office.js';

/** The six directory APIs of a session, by name. */
export const DIRECTORY_KINDS = ['communities', 'parks', 'buildings', 'enterprises', 'teams', 'members'] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

type AnyRecord = RecordBase & Record<string, unknown>;
interface ReadApi {
  get(id: string): Promise<AnyRecord>;
  findByCode(code: string): Promise<AnyRecord | null>;
  list(options?: { filter?: Record<string, string | null>; includeArchived?: boolean; limit?: number; cursor?: string }): Promise<Page<AnyRecord>>;
}
/** One session's read API of `kind`, widened so one loop drives all six. */
export const readApi = (session: CommunitySession, kind: DirectoryKind): ReadApi => session[kind] as unknown as ReadApi;

/** The mobile, e-mail and notification address the world gives the member with `code`. */
export function piiOf(code: string, i: number) {
  return { mobile: `1390000${String(1000 + i)}`, email: `${code.toLowerCase()}@pii.example.cn`, contacts: [{ channel: 'dingtalk', address: `dt-${code.toLowerCase()}` }] };
}

/**
 * The small office with personal details on every member, plus: a colleague of the enterprise
 * contact (another contact of enterprise 1), a member who is enterprise 2's contact and park
 * 2's captain, a third enterprise, an archived office staff member and an archived contact of
 * enterprise 2.
 */
export async function directoryWorld(options: Partial<CommunityOptions<[]>> = {}) {
  const fx = await smallOffice(options);
  const { system } = fx;
  const ent3 = await system.enterprises.create({ creditCode: CREDIT_CODES[2], name: '杭州仓前智造有限公司', communityId: fx.mc.id, parkId: fx.park2.id, industry: '智能制造' });
  const extra = {
    colleague: await system.members.create({ code: 'E003', name: '褚主管', roles: [{ role: 'enterprise_contact', enterpriseId: fx.ent1.id }] }),
    contactCaptain: await system.members.create({
      code: 'E004',
      name: '卫园区长',
      roles: [
        { role: 'enterprise_contact', enterpriseId: fx.ent2.id },
        { role: 'captain', parkIds: [fx.park2.id] },
      ],
    }),
    archivedStaff: await system.members.create({ code: 'S004', name: '蒋科员', roles: [{ role: 'office_staff' }] }),
    archivedContact: await system.members.create({ code: 'E005', name: '沈经理', roles: [{ role: 'enterprise_contact', enterpriseId: fx.ent2.id }] }),
  };
  await system.members.archive({ id: extra.archivedStaff.id });
  await system.members.archive({ id: extra.archivedContact.id });
  const all = await walk(readApi(system, 'members'), { includeArchived: true, limit: 500 });
  for (const [i, m] of all.entries()) await system.members.update({ id: m.id, ...piiOf(m.code, i) });
  return { ...fx, ent3, extra, members: { ...fx.members, ...extra } };
}
export type DirectoryWorld = Awaited<ReturnType<typeof directoryWorld>>;

/** Every item of a list, page by page; every page but the last must be full. */
export async function walk(api: ReadApi, options: { filter?: Record<string, string | null>; includeArchived?: boolean; limit: number }): Promise<AnyRecord[]> {
  const items: AnyRecord[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await api.list({ ...options, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    expect(page.items).toHaveLength(options.limit);
    cursor = page.nextCursor;
  }
}

/** What a persona reads of the directory: per kind, the codes readable and whether others' details are withheld. */
export interface Sight {
  /** Codes readable, by kind; a kind left out is read whole. */
  only?: Partial<Record<DirectoryKind, readonly string[]>>;
  /** Whether members other than the persona show no mobile, e-mail or contacts. */
  withheld?: boolean;
}

const WITHHELD = { mobile: null, email: null, contacts: [] };

/**
 * Reads the whole directory as `memberId` (null: the system) on every path — list walked to
 * its end with a small limit, archived or not, a filtered list, get and findByCode for every
 * record of the office, the enterprise life-cycle view — and asserts it sees exactly `sight`.
 * Returns everything it was given, for leak checks.
 */
export async function readEverything(world: SmallOffice, memberId: string | null, sight: Sight): Promise<unknown[]> {
  const session = memberId === null ? world.system : world.as(memberId);
  const received: unknown[] = [];
  for (const kind of DIRECTORY_KINDS) {
    const api = readApi(session, kind);
    const stored = await walk(readApi(world.system, kind), { includeArchived: true, limit: 500 });
    const codes = sight.only?.[kind];
    const expected = stored
      .filter((r) => codes === undefined || codes.includes(r.code))
      .map((r) => (kind === 'members' && sight.withheld && r.id !== memberId ? { ...r, ...WITHHELD } : r));
    const everything = await walk(api, { includeArchived: true, limit: 2 });
    expect(everything, `${kind}, archived included`).toEqual(expected);
    const current = await walk(api, { limit: 3 });
    expect(current, `${kind}, current`).toEqual(expected.filter((r) => r.archivedAt === null));
    received.push(everything, current);
    const filter: Record<string, string> | null = kind === 'enterprises' ? { parkId: world.park2.id } : kind === 'members' ? { status: 'active' } : null;
    if (filter) {
      const [field, value] = Object.entries(filter)[0]!;
      const filtered = await walk(api, { filter, limit: 1 });
      expect(filtered, `${kind} filtered by ${field}`).toEqual(expected.filter((r) => r[field] === value && r.archivedAt === null));
      received.push(filtered);
    }
    for (const record of stored) {
      const shown = expected.find((r) => r.id === record.id);
      const got = await api.get(record.id).catch((error: unknown) => (isKechuangError(error, 'NOT_FOUND') ? 'NOT_FOUND' : Promise.reject(error)));
      expect(got, `${kind} ${record.code} by id`).toEqual(shown ?? 'NOT_FOUND');
      const byCode = await api.findByCode(record.code);
      expect(byCode, `${kind} ${record.code} by code`).toEqual(shown ?? null);
      received.push(got, byCode);
      if (kind === 'enterprises') {
        const lifecycle = await session.enterprises.lifecycle(record.id).catch((error: unknown) => (isKechuangError(error, 'NOT_FOUND') ? null : Promise.reject(error)));
        expect(lifecycle?.enterprise ?? null, `life cycle of ${record.code}`).toEqual(shown ?? null);
        received.push(lifecycle);
      }
    }
  }
  return received;
}

/** The personal details (mobiles, e-mail and notification addresses) of every member but `memberId` found in `received`. */
export async function leakedDetails(world: SmallOffice, memberId: string, received: unknown): Promise<string[]> {
  const text = JSON.stringify(received);
  const members = await walk(readApi(world.system, 'members'), { includeArchived: true, limit: 500 });
  const others = members.filter((m) => m.id !== memberId);
  const details = others.flatMap((m) => [m['mobile'], m['email'], ...((m['contacts'] as { address: string }[] | null) ?? []).map((c) => c.address)]);
  return details.filter((d): d is string => typeof d === 'string' && text.includes(d));
}

/** The matrix's personas, by name. */
export const PERSONAS = [
  'the system',
  'the station head',
  'a commissioner',
  'a captain',
  'a provider',
  'an enterprise contact',
  'an enterprise contact who captains a park',
] as const;
export type PersonaName = (typeof PERSONAS)[number];

/**
 * Who `name` is in `world` (null: the system) and what they must read. Only the enterprise
 * contact is narrowed: their own enterprise, and of the members everyone but another
 * enterprise's contacts (E002, E005), with details withheld from all but themselves. A
 * contact who also captains a park is staff.
 */
export function persona(world: DirectoryWorld, name: PersonaName): { memberId: string | null; sight: Sight } {
  const m = world.members;
  const contactSees = { enterprises: [CREDIT_CODES[0]], members: ['S001', 'S002', 'S003', 'S004', 'C001', 'L001', 'L002', 'X001', 'P01-C', 'P02-C', 'E001', 'E003', 'E004'] };
  const ids: Record<PersonaName, string | null> = {
    'the system': null,
    'the station head': m.stationHead.id,
    'a commissioner': m.commissioner.id,
    'a captain': m.captain.id,
    'a provider': m.lead.id,
    'an enterprise contact': m.contact.id,
    'an enterprise contact who captains a park': m.contactCaptain.id,
  };
  return { memberId: ids[name], sight: name === 'an enterprise contact' ? { only: contactSees, withheld: true } : {} };
}
