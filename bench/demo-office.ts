/**
 * The office the storage benchmarks submit into: the demo Mengchuang directory with its
 * config, so a benchmarked submit is the real one — routed by the rules, with its SLA clock
 * started and its reminder and escalation timers written.
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
