import type { Community, OfficeConfigInput } from '@kechuang/community';

/** The ids the crash child works with, created once by the parent and handed over as JSON. */
export interface CrashDirectory {
  officeId: string;
  communityId: string;
  enterpriseIds: string[];
  legalTeamId: string;
  taxTeamId: string;
  headId: string;
  staffId: string;
  lawyerIds: [string, string];
  advisorId: string;
}

const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * A small office config whose one SLA policy schedules reminders and an escalation ladder, so
 * that submit, pause/resume, extensions, replies and redos all write or cancel timer rows.
 */
export const crashConfig: OfficeConfigInput = {
  portfolios: [{ id: 'economic_development', labels: labels('经济发展', 'Economic development') }],
  teams: [
    { code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') },
    { code: 'TAX', labels: labels('财税服务队', 'Tax team') },
  ],
  slaPolicies: [
    {
      id: 'assistance',
      labels: labels('求助类', 'Assistance'),
      respond: { workingDays: 1 },
      resolve: { workingDays: 5 },
      assist: { workingDays: 3 },
      reminders: [0.5, 0.8, 1],
      escalation: [
        { afterWorkingDays: 0, notify: ['station_head'] },
        { afterWorkingDays: 2, notify: ['office_staff'] },
      ],
      extension: { approvers: ['station_head'], maxWorkingDays: 10 },
    },
  ],
  defaultSla: 'assistance',
  categories: [
    { id: 'legal', labels: labels('法律服务', 'Legal'), sla: 'assistance' },
    { id: 'other', labels: labels('其他', 'Other') },
  ],
  routing: {
    rules: [{ id: 'legal_debts', when: { category: 'legal' }, then: { assign: { team: 'LEGAL', strategy: 'round_robin' } } }],
    fallback: { assign: { role: 'station_head' } },
  },
};

const CREDIT_CODES = ['91330110MA2H3QXG0X', '91330110MA2H3QXH9T', '91330110MA2H3QXJ5F'] as const;

/** Creates the office, its directory and config through `community` (run once per database). */
export async function setUpCrashDirectory(community: Community): Promise<CrashDirectory> {
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const park = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
  const enterpriseIds: string[] = [];
  for (const [i, creditCode] of CREDIT_CODES.entries()) {
    const ent = await system.enterprises.create({ creditCode, name: `杭州测试企业${i + 1}有限公司`, communityId: mc.id, parkId: park.id });
    enterpriseIds.push(ent.id);
  }
  const legal = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站', kind: 'legal' });
  const tax = await system.teams.create({ code: 'TAX', name: '财税服务队' });
  const head = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }, { role: 'dispatcher' }] });
  const staff = await system.members.create({ code: 'S003', name: '周科员', roles: [{ role: 'office_staff' }] });
  const lawyer1 = await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: legal.id }] });
  const lawyer2 = await system.members.create({ code: 'L002', name: '孙律师', roles: [{ role: 'provider', teamId: legal.id }] });
  const advisor = await system.members.create({ code: 'X001', name: '吴顾问', roles: [{ role: 'provider', teamId: tax.id }] });
  await community.as({ kind: 'member', officeId: office.id, memberId: head.id }).config.update(crashConfig);
  return {
    officeId: office.id,
    communityId: mc.id,
    enterpriseIds,
    legalTeamId: legal.id,
    taxTeamId: tax.id,
    headId: head.id,
    staffId: staff.id,
    lawyerIds: [lawyer1.id, lawyer2.id],
    advisorId: advisor.id,
  };
}
