import { createCommunity, manualClock, sequentialIds, type ServiceRequest, type StorageAdapter, type TimelineEntry } from '@kechuang/community';

/** What {@link walkClosedLoop} leaves behind, for the caller's assertions. */
export interface ClosedLoopWalk {
  /** The request as the last command (the follow-up) returned it. */
  done: ServiceRequest;
  /** The request and its timeline, read back from storage afterwards. */
  request: ServiceRequest;
  /** Its timeline, oldest entry first. */
  timeline: TimelineEntry[];
}

/**
 * Runs the whole SDK on `storage`: builds a small office (community, park, enterprise, legal
 * team, station head, lawyer), then walks one request through submit → assign → accept →
 * reply → follow-up and reads it back. Proves an adapter under real commands, beyond the
 * contract cases of `testStorageAdapter`. The caller owns `storage` and closes it.
 *
 * @example
 * ```ts
 * const { done, request, timeline } = await walkClosedLoop(sqliteStorage({ filename: ':memory:' }));
 * expect(request.version).toBe(done.version);
 * ```
 */
export async function walkClosedLoop(storage: StorageAdapter): Promise<ClosedLoopWalk> {
  const community = createCommunity({ storage, clock: manualClock(new Date('2026-03-02T01:00:00Z')), ids: sequentialIds('id') });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const ent = await system.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
  const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  const lead = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
  const as = (memberId: string) => community.as({ kind: 'member', officeId: office.id, memberId });

  const r = await system.requests.submit({ communityId: mc.id, enterpriseId: ent.id, channel: 'phone', category: 'other', title: '尾款未结', description: '只有聊天记录' });
  if (r.status === 'submitted') await as(head.id).requests.assign({ requestId: r.id, assigneeId: lead.id });
  await as(lead.id).requests.accept({ requestId: r.id });
  await as(lead.id).requests.reply({ requestId: r.id, outcome: 'solved', note: '已办理' });
  const done = await system.requests.followUp({ requestId: r.id, rating: 'satisfied' });
  const { request, timeline } = await system.requests.get(r.id);
  return { done, request, timeline };
}
