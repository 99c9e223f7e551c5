/**
 * The offices the storage benchmarks submit into. `demoOffice`: the demo Mengchuang directory
 * with its config, so a benchmarked submit is the real one — routed by the rules, with its SLA
 * clock started and its reminder and escalation timers written. `plainOffice`: an office with
 * no config, where a submit is validated and stored with its one timeline entry.
 */
import { createCommunity, type CommunitySession, type StorageAdapter } from '@kechuang/community';
import { generateMengchuang, loadDemo, mengchuangConfigText } from '@kechuang/demo';

/** A session and a submission that routing sends to the legal station with the assistance SLA. */
export interface DemoOffice {
  session: CommunitySession;
  input: Record<string, unknown>;
}

export async function demoOffice(storage: StorageAdapter): Promise<DemoOffice> {
  const community = createCommunity({ storage });
  const directory = generateMengchuang();
  const office = await community.offices.create(directory.office);
  const demo = await loadDemo(community.as({ kind: 'system', officeId: office.id }), directory);
  const head = community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId });
  await head.config.update(mengchuangConfigText());
  const enterpriseId = [...demo.enterpriseIds.values()][0]!;
  const enterprise = await head.enterprises.get(enterpriseId);
  return {
    session: head,
    input: { communityId: enterprise.communityId, enterpriseId, channel: 'phone', category: 'legal', title: '项目尾款未结', description: '没有签合同，只有聊天记录' },
  };
}

export async function plainOffice(storage: StorageAdapter): Promise<DemoOffice> {
  const community = createCommunity({ storage });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const session = community.as({ kind: 'system', officeId: office.id });
  const mc = await session.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await session.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const enterprise = await session.enterprises.create({ creditCode: '91330110MA2H3QXG0X', name: '杭州数像科技有限公司', communityId: mc.id, parkId: park.id });
  return {
    session,
    input: { communityId: mc.id, enterpriseId: enterprise.id, channel: 'phone', category: 'legal', title: '项目尾款未结', description: '没有签合同，只有聊天记录' },
  };
}
