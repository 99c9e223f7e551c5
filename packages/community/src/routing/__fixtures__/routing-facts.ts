import { officeConfigSchema, type OfficeConfig, type OfficeConfigInput } from '../../config/config-schema.js';
import type { RoutingFacts } from '../types.js';

/** Facts of a plain request in park P01, with `overrides` on top. */
export function facts(overrides: Partial<RoutingFacts> = {}): RoutingFacts {
  return {
    category: 'policy',
    channel: 'phone',
    priority: 'normal',
    community: { id: 'c-mc', code: 'MC' },
    park: { id: 'p-01', code: 'P01' },
    building: { id: 'b-01-02', code: 'P01-B02' },
    enterprise: { id: 'e-1', code: '91330110MA2H3QXG0X', industry: '数字经济', size: 'small', tags: ['高新技术企业', '专精特新'] },
    attributes: {},
    title: '咨询人才政策',
    description: '想了解今年的人才补贴申报条件',
    tags: [],
    submittedAt: new Date('2025-06-02T02:00:00Z'),
    submitted: { inOfficeHours: true, workingDay: true, holiday: false },
    ...overrides,
  };
}

const labels = (zh: string, en: string): { 'zh-CN': string; en: string } => ({ 'zh-CN': zh, en });

/** A validated config with the given rules, the demo's portfolios and a few categories. */
export function config(routing: OfficeConfigInput['routing'], extra: Partial<OfficeConfigInput> = {}): OfficeConfig {
  return officeConfigSchema.parse({
    portfolios: [
      { id: 'economic_development', labels: labels('经济发展', 'Economic development') },
      { id: 'comprehensive_governance', labels: labels('综合治理', 'Comprehensive governance') },
      { id: 'public_affairs', labels: labels('公共事务', 'Public affairs') },
      { id: 'party_building', labels: labels('党群建设', 'Party building') },
    ],
    teams: [{ code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') }],
    slaPolicies: [
      { id: 'assistance', labels: labels('求助类', 'Assistance') },
      { id: 'urgent', labels: labels('紧急', 'Urgent') },
    ],
    categories: [
      {
        id: 'legal',
        labels: labels('法律服务', 'Legal'),
        attributes: [
          { code: 'amount', labels: labels('金额', 'Amount'), type: 'number' },
          { code: 'debtors', labels: labels('欠款方', 'Debtors'), type: 'multi', values: ['个人', '企业', '政府'] },
        ],
      },
      { id: 'policy', labels: labels('政策咨询', 'Policy'), attributes: [{ code: 'topic', labels: labels('主题', 'Topic'), type: 'string' }] },
      { id: 'facilities', labels: labels('园区设施', 'Facilities'), attributes: [{ code: 'urgent', labels: labels('紧急', 'Urgent'), type: 'boolean' }] },
      { id: 'talent', labels: labels('人才招聘', 'Talent') },
      { id: 'other', labels: labels('其他', 'Other') },
    ],
    routing,
    ...extra,
  });
}
