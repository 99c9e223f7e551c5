import { createCommunity, type CommunityOptions } from '../community.js';
import type { Plugin } from '../plugins/define-plugin.js';
import { manualClock } from '../ports/clock.js';
import { sequentialIds } from '../ports/ids.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { CommunitySession } from '../session.js';
import type { Actor } from '../auth/actor.js';

/** A valid credit code used by fixtures (check character computed). */
export const CREDIT_CODES = ['91330110MA2H3QXG0X', '91330110MA2H3QXH9T', '91330110MA2H3QXJ5F'] as const;

/**
 * A small office for tests: one community, two parks, a building, two enterprises, a legal
 * team and one member per role. Deterministic ids and a manual clock.
 */
export async function smallOffice<const P extends readonly Plugin[] = []>(options: Partial<CommunityOptions<P>> = {}) {
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const community = createCommunity({ storage: memoryStorage(), clock, ids: sequentialIds('id'), ...options } as CommunityOptions<P>);
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park1 = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const park2 = await system.parks.create({ communityId: mc.id, code: 'P02', name: '仓前数字产业园', kind: 'park' });
  const building = await system.buildings.create({ parkId: park1.id, code: 'P01-B01', name: '1号楼' });
  const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  const ent1 = await system.enterprises.create({ creditCode: CREDIT_CODES[0], name: '杭州数像科技有限公司', communityId: mc.id, parkId: park1.id, buildingId: building.id, industry: '数字经济', size: 'small' });
  const ent2 = await system.enterprises.create({ creditCode: CREDIT_CODES[1], name: '杭州云栖材料有限公司', communityId: mc.id, parkId: park2.id, industry: '新材料', size: 'micro' });
  const m = (code: string, name: string, roles: Parameters<CommunitySession['members']['create']>[0]['roles']) => system.members.create({ code, name, roles });
  const members = {
    stationHead: await m('S001', '王站长', [{ role: 'station_head' }]),
    dispatcher: await m('S002', '陈副站长', [{ role: 'dispatcher' }]),
    officeStaff: await m('S003', '周科员', [{ role: 'office_staff' }]),
    commissioner: await m('C001', '赵专员', [{ role: 'commissioner', portfolio: 'economic_development' }]),
    lead: await m('L001', '李律师', [{ role: 'provider', teamId: legal.id }]),
    assisting: await m('L002', '孙律师', [{ role: 'provider', teamId: legal.id }]),
    otherProvider: await m('X001', '吴顾问', [{ role: 'provider', teamId: (await system.teams.create({ code: 'TAX', name: '财税服务队' })).id }]),
    captain: await m('P01-C', '钱园区长', [{ role: 'captain', parkIds: [park1.id] }]),
    otherCaptain: await m('P02-C', '郑园区长', [{ role: 'captain', parkIds: [park2.id] }]),
    contact: await m('E001', '冯经理', [{ role: 'enterprise_contact', enterpriseId: ent1.id }]),
    otherContact: await m('E002', '蒋经理', [{ role: 'enterprise_contact', enterpriseId: ent2.id }]),
  };
  const as = (memberId: string): CommunitySession => community.as({ kind: 'member', officeId: office.id, memberId });
  const actorOf = (memberId: string): Actor => ({ kind: 'member', officeId: office.id, memberId });
  return { community, clock, office, system, mc, park1, park2, building, legal, ent1, ent2, members, as, actorOf };
}

export type SmallOffice = Awaited<ReturnType<typeof smallOffice>>;

/** A valid submit input for enterprise 1 in park 1. */
export function submission(fx: SmallOffice, extra: Record<string, unknown> = {}) {
  return {
    communityId: fx.mc.id,
    enterpriseId: fx.ent1.id,
    channel: 'phone' as const,
    category: 'legal',
    title: '40余个项目尾款未结',
    description: '没有签合同，只有聊天记录',
    ...extra,
  };
}
