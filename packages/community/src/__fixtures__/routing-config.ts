import type { OfficeConfigInput } from '../config/config-schema.js';

const labels = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A small office config matching the small-office fixture's directory. */
export function routingConfig(overrides: Partial<OfficeConfigInput> = {}): OfficeConfigInput {
  return {
    portfolios: [
      { id: 'economic_development', labels: labels('经济发展', 'Economic development') },
      { id: 'comprehensive_governance', labels: labels('综合治理', 'Comprehensive governance') },
    ],
    teams: [{ code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') }],
    slaPolicies: [{ id: 'assistance', labels: labels('求助类', 'Assistance') }],
    categories: [
      { id: 'legal', labels: labels('法律服务', 'Legal'), sla: 'assistance' },
      { id: 'policy', labels: labels('政策咨询', 'Policy'), portfolio: 'economic_development' },
      { id: 'facilities', labels: labels('园区设施', 'Facilities') },
      { id: 'other', labels: labels('其他', 'Other') },
    ],
    routing: {
      rules: [
        { id: 'captain_reports', when: { channel: 'captain_report' }, then: { tags: ['园区长上报'], watchers: [{ captain: true }] }, continue: true },
        { id: 'legal_debts', when: { any: [{ category: 'legal' }, { text: { any: ['欠款', '尾款'] } }] }, then: { assign: { team: 'LEGAL', strategy: 'round_robin' } } },
        { id: 'policy', when: { category: 'policy' }, then: { assign: { portfolio: 'economic_development' } } },
        { id: 'facilities_p01', when: { all: [{ category: 'facilities' }, { park: 'P01' }] }, then: { assign: { captain: true }, assist: [{ member: 'C001' }] } },
      ],
      fallback: { assign: { role: 'station_head' } },
    },
    ...overrides,
  };
}
