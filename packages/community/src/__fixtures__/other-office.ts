import type { SmallOffice } from './small-office.js';
import { CREDIT_CODES } from './small-office.js';

/**
 * A second office in the same community instance as `fx`, with its own community, park,
 * building, team, enterprise and a station head: for tenant-isolation tests.
 */
export async function otherOffice(fx: SmallOffice) {
  const office = await fx.community.offices.create({ code: 'liangzhu', name: '良渚街道' });
  const system = fx.community.as({ kind: 'system', officeId: office.id });
  const unit = await system.communities.create({ code: 'LZ', name: '良渚文创社区' });
  const park = await system.parks.create({ communityId: unit.id, code: 'P01', name: '良渚文化创意园' });
  const building = await system.buildings.create({ parkId: park.id, code: 'P01-B01', name: 'A座' });
  const team = await system.teams.create({ code: 'LEGAL', name: '良渚法律服务站' });
  const enterprise = await system.enterprises.create({ creditCode: CREDIT_CODES[1], name: '杭州良渚文创有限公司', communityId: unit.id, parkId: park.id, buildingId: building.id });
  const head = await system.members.create({ code: 'S001', name: '良渚站长', roles: [{ role: 'station_head' }] });
  const session = fx.community.as({ kind: 'member', officeId: office.id, memberId: head.id });
  return { office, system, unit, park, building, team, enterprise, head, session };
}
