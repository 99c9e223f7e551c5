import { expect } from 'vitest';
import type { CommunityOptions } from '../community.js';
import type { DirectoryListOptions } from '../commands/directory/directory-service.js';
import { creditCodeCheckCharacter } from '../model/credit-code.js';
import type { Enterprise } from '../model/enterprise.js';
import type { CommunitySession } from '../session.js';
import { smallOffice } from './small-office.js';

/** The credit codes the search world gives its enterprises: all start with `91330110MA2K`. */
export const searchCode = (i: number): string => {
  const body = `91330110MA2K${String(i).padStart(5, '0')}`;
  return body + creditCodeCheckCharacter(body);
};

/**
 * The small office (杭州数像科技 in park 1, 杭州云栖材料 in park 2) plus enterprises whose
 * names a search box must tell apart: Latin letters in both cases, `%` and `_`, several
 * 杭州…科技 for paging, and an archived 科技 company.
 */
export async function searchWorld(options: Partial<CommunityOptions<[]>> = {}) {
  const fx = await smallOffice(options);
  const add = (i: number, name: string, parkId: string | null = null) =>
    fx.system.enterprises.create({ creditCode: searchCode(i), name, communityId: fx.mc.id, parkId });
  const abc = await add(1, 'ABC科技有限公司', fx.park1.id);
  const abcLower = await add(2, 'abc智能有限公司');
  const percent = await add(3, '百分之100%_实验室');
  const hangzhou = [];
  for (let i = 0; i < 5; i++) hangzhou.push(await add(10 + i, `杭州第${i}科技有限公司`, i % 2 ? fx.park1.id : fx.park2.id));
  const archived = await add(20, '杭州旧科技有限公司');
  await fx.system.enterprises.archive({ id: archived.id });
  return { ...fx, abc, abcLower, percent, hangzhou, archived };
}
export type SearchWorld = Awaited<ReturnType<typeof searchWorld>>;

type Named = { id: string; code: string; name: string };
interface ListApi {
  list(options?: DirectoryListOptions): Promise<{ items: Named[]; nextCursor: string | null }>;
}
const listApi = (session: CommunitySession, kind: 'enterprises' | 'members' | 'teams' | 'parks'): ListApi => session[kind] as unknown as ListApi;

/** Every record a search lists, two to a page: every page but the last is full, codes ascend. */
export async function searchAll(session: CommunitySession, options: DirectoryListOptions, kind: 'enterprises' | 'members' | 'teams' | 'parks' = 'enterprises'): Promise<Named[]> {
  const items: Named[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await listApi(session, kind).list({ limit: 2, ...options, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    if (page.nextCursor === null) break;
    expect(page.items).toHaveLength(2);
    cursor = page.nextCursor;
  }
  const codes = items.map((r) => r.code);
  expect(codes, 'ordered by code').toEqual([...codes].sort());
  expect(new Set(items.map((r) => r.id)).size, 'no record twice').toBe(items.length);
  return items;
}

const idsOf = (records: readonly { id: string }[]) => records.map((r) => r.id);
const byCode = (records: readonly Enterprise[]) => idsOf([...records].sort((a, b) => (a.code < b.code ? -1 : 1)));

/**
 * The search semantics on one world, whatever its storage: the same scenario runs on memory,
 * SQLite and PostgreSQL, so what a search box finds does not depend on the adapter.
 */
export async function expectSearchSemantics(w: SearchWorld): Promise<void> {
  const head = w.as(w.members.stationHead.id);
  const found = async (search: string, more: DirectoryListOptions = {}) => idsOf(await searchAll(head, { search, ...more }));
  const tech = byCode([w.ent1, w.abc, ...w.hangzhou]);

  // Chinese substrings, several words in any order, spaces of any width around and between.
  expect(await found('科技')).toEqual(tech);
  expect(await found('科技 杭州')).toEqual(byCode([w.ent1, ...w.hangzhou]));
  expect(await found('　杭州\u3000第3  科技 ')).toEqual([w.hangzhou[3]!.id]);
  expect(await found('杭州 材料 科技')).toEqual([]);
  // Latin letters as typed, upper- or lower-cased; full-width letters count as half-width.
  for (const search of ['abc', 'ABC', 'Abc', 'ａｂｃ', 'ＡＢＣ 科技']) expect(await found(search), search).toEqual(search.includes('科技') ? [w.abc.id] : byCode([w.abc, w.abcLower]));
  // The credit code by its beginning, in any case; full-width digits fold.
  expect(await found('91330110ma2k')).toEqual(byCode([w.abc, w.abcLower, w.percent, ...w.hangzhou]));
  expect(await found(w.ent1.code.slice(0, 16).toLowerCase())).toEqual([w.ent1.id]);
  expect(await found('９１３３０１１０ＭＡ２Ｈ３ＱＸＨ')).toEqual([w.ent2.id]);
  expect(await found('MA2K')).toEqual([]);
  // % and _ are only themselves.
  expect(await found('%')).toEqual([w.percent.id]);
  expect(await found('_')).toEqual([w.percent.id]);
  expect(await found('0%_实')).toEqual([w.percent.id]);
  // Blank is no search.
  const everyone = idsOf(await searchAll(head, {}));
  expect(everyone.length).toBe(10);
  expect(await found('')).toEqual(everyone);
  expect(await found(' \t　')).toEqual(everyone);
  // With filters and archived records.
  expect(await found('科技', { filter: { parkId: w.park1.id } })).toEqual(byCode([w.ent1, w.abc, w.hangzhou[1]!, w.hangzhou[3]!]));
  expect(await found('科技', { filter: { parkId: null } })).toEqual([]);
  expect(await found('杭州 科技', { includeArchived: true })).toEqual(byCode([w.ent1, ...w.hangzhou, w.archived]));

  // An enterprise contact still reads only their own enterprise.
  const contact = w.as(w.members.contact.id);
  expect(idsOf(await searchAll(contact, { search: '杭州' }))).toEqual([w.ent1.id]);
  expect(idsOf(await searchAll(contact, { search: w.ent2.code }))).toEqual([]);

  // The other kinds by name or code.
  expect(idsOf(await searchAll(head, { search: '王站长' }, 'members'))).toEqual([w.members.stationHead.id]);
  expect(idsOf(await searchAll(head, { search: 'legal' }, 'teams'))).toEqual([w.legal.id]);
  expect(idsOf(await searchAll(head, { search: '园' }, 'parks'))).toEqual([w.park1.id, w.park2.id]);
}
