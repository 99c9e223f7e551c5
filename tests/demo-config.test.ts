import { createCommunity, memoryStorage } from '@kechuang/community';
import { generateMengchuang, loadDemo, mengchuangConfigText } from '@kechuang/demo';
import { beforeAll, describe, expect, it } from 'vitest';

const directory = generateMengchuang({ enterprises: 300 });
const community = createCommunity({ storage: memoryStorage() });
let demo: Awaited<ReturnType<typeof loadDemo>>;
let officeId = '';

beforeAll(async () => {
  const office = await community.offices.create(directory.office);
  officeId = office.id;
  demo = await loadDemo(community.as({ kind: 'system', officeId }), directory);
  await community.as({ kind: 'member', officeId, memberId: demo.stationHeadId }).config.update(mengchuangConfigText(), { filename: 'kechuang.config.yaml' });
});

function submit(extra: { category: string; title: string; channel?: 'phone' | 'captain_report' }) {
  const enterprise = directory.enterprises.find((e) => e.parkCode !== null)!;
  const captainId = demo.captainIds.get(enterprise.parkCode!)!;
  const session = community.as({ kind: 'member', officeId, memberId: extra.channel === 'captain_report' ? captainId : demo.stationHeadId });
  return { captainId, request: session.requests.submit({ communityId: demo.communityId, enterpriseId: demo.enterpriseIds.get(enterprise.creditCode)!, channel: extra.channel ?? 'phone', category: extra.category, title: extra.title }) };
}

describe('the Mengchuang default config', () => {
  it('sends unpaid invoices, contract disputes and debts to the legal station', async () => {
    for (const title of ['40余个项目尾款未结', '合同纠纷咨询', '客户拖欠货款']) {
      const r = await submit({ category: 'other', title }).request;
      expect(r).toMatchObject({ assigneeId: demo.lawyerId, assigneeTeamId: demo.legalTeamId, routing: { ruleId: 'legal_debts' } });
    }
  });

  it('sends talent and hiring to the economic-development commissioner', async () => {
    const r = await submit({ category: 'other', title: '研发岗位招聘困难' }).request;
    expect(r.assigneeId).toBe(demo.commissionerIds.get('economic_development'));
  });

  it("copies a captain's report to the captain and still routes it", async () => {
    const { captainId, request } = submit({ category: 'facilities', title: '园区道路积水', channel: 'captain_report' });
    const r = await request;
    expect(r.watchers).toContain(captainId);
    expect(r.tags).toContain('园区长上报');
    expect(r.assigneeId).toBe(demo.commissionerIds.get('comprehensive_governance'));
  });

  it('marks safety hazards urgent and falls back to the station head for the rest', async () => {
    const hazard = await submit({ category: 'other', title: '厂房消防通道堵塞' }).request;
    expect(hazard.priority).toBe('urgent');
    expect(hazard.slaPolicy).toBe('urgent');
    const rest = await submit({ category: 'other', title: '会议室借用' }).request;
    expect(rest).toMatchObject({ assigneeId: demo.stationHeadId, routing: { source: 'fallback' } });
  });
});
