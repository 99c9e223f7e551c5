import { smallOffice } from './small-office.js';

/**
 * The small office (A) plus a second office (B) in the same deployment, with its own
 * community, park, enterprise, station head and provider, for tenant-isolation tests.
 */
export async function twoOffices() {
  const a = await smallOffice();
  const officeB = await a.community.offices.create({ code: 'liangzhu', name: '良渚街道' });
  const systemB = a.community.as({ kind: 'system', officeId: officeB.id });
  const mcB = await systemB.communities.create({ code: 'MC', name: '良渚科创社区' });
  const parkB = await systemB.parks.create({ communityId: mcB.id, code: 'P01', name: '良渚文化创意园' });
  const teamB = await systemB.teams.create({ code: 'LEGAL', name: '法律服务站' });
  const entB = await systemB.enterprises.create({ creditCode: '91330110MA2H3QXJ5F', name: '杭州良渚文创有限公司', communityId: mcB.id, parkId: parkB.id });
  const headB = await systemB.members.create({ code: 'S001', name: '林站长', roles: [{ role: 'station_head' }] });
  const leadB = await systemB.members.create({ code: 'L001', name: '何律师', roles: [{ role: 'provider', teamId: teamB.id }] });
  const asB = (memberId: string) => a.community.as({ kind: 'member', officeId: officeB.id, memberId });
  return { a, b: { office: officeB, system: systemB, mc: mcB, park: parkB, team: teamB, enterprise: entB, head: headB, lead: leadB, as: asB } };
}
