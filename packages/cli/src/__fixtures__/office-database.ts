import { createCommunity, creditCodeCheckCharacter, manualClock, type OfficeConfigInput, type Plugin } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { stringify } from 'yaml';

const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * Cangqian Street's config for the tests: land-use requests are long-running (长期办理, so the
 * progress-reports plugin reports on them), everything goes to the lawyer, and e-mail goes
 * through the app's `mail` notifier. `rules` come first.
 */
export function officeConfig(rules: NonNullable<OfficeConfigInput['routing']>['rules'] = []): OfficeConfigInput {
  return {
    portfolios: [{ id: 'economic_development', labels: labels('经济发展', 'Economic development') }],
    teams: [{ code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') }],
    categories: [{ id: 'legal', labels: labels('法律服务', 'Legal') }],
    routing: {
      rules: [...rules, { id: 'land_use', when: { text: { any: ['用地'] } }, then: { tags: ['长期办理'] }, continue: true }],
      fallback: { assign: { member: 'L001' } },
    },
    notifications: { channels: { email: 'mail' } },
  };
}

/**
 * The office config as YAML with a rule that names the `grid` plugin's operator and strategy:
 * requests from the north zone go to the LEGAL team, first member first. `operator` and
 * `strategy` replace the names, to misspell them.
 */
export function gridConfigText({ operator = 'grid.in_zone', strategy = 'grid.first' } = {}): string {
  return stringify(officeConfig([{ id: 'north_zone', when: { park: { [operator]: 'north' } }, then: { assign: { team: 'LEGAL', strategy } } }]));
}

/**
 * A SQLite database with Cangqian Street: parks P01 and P02, an enterprise whose contact reads
 * e-mail, the station head and a lawyer in the LEGAL team. With `request`, a land-use request
 * was submitted on Wednesday 2026-09-23 by a community running `plugins`, so the first
 * progress report fell due on 2026-10-08 and waits for a worker.
 */
export async function officeDatabase(filename: string, options: { plugins?: readonly Plugin[]; request?: boolean } = {}): Promise<void> {
  const storage = sqliteStorage({ filename });
  try {
    const community = createCommunity({ storage, plugins: options.plugins ?? [], clock: manualClock(new Date('2026-09-23T10:00:00+08:00')) });
    const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
    const system = community.as({ kind: 'system', officeId: office.id });
    const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
    const p01 = await system.parks.create({ communityId: mc.id, code: 'P01', name: '梦想小镇一号园' });
    await system.parks.create({ communityId: mc.id, code: 'P02', name: '梦想小镇二号园' });
    const first17 = '91330110MA2H3QXG0';
    const enterprise = await system.enterprises.create({ creditCode: first17 + creditCodeCheckCharacter(first17), name: '杭州数像科技有限公司', communityId: mc.id, parkId: p01.id });
    const team = await system.teams.create({ code: 'LEGAL', name: '公共法律服务驿站' });
    await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }], email: 'head@mengchuang.example' });
    await system.members.create({ code: 'L001', name: '李律师', roles: [{ role: 'provider', teamId: team.id }], email: 'lead@mengchuang.example' });
    await system.members.create({ code: 'E001', name: '冯经理', roles: [{ role: 'enterprise_contact', enterpriseId: enterprise.id }], email: 'feng@shuxiang.example' });
    if (!options.request) return;
    await system.config.update(officeConfig());
    await system.requests.submit({ communityId: mc.id, enterpriseId: enterprise.id, channel: 'phone', category: 'legal', title: '园区用地规划调整协调', description: '需要较长时间协调' });
  } finally {
    await storage.close?.();
  }
}
