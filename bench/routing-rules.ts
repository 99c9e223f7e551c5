/**
 * The realistic rule set the routing benchmarks run: 110 rules shaped like Mengchuang's —
 * side-action rules that continue, keyword rules for the legal station and the
 * commissioners, a captain rule per park (62 parks) and category rules — with a fallback to
 * the station head.
 */
import { officeConfigSchema, type OfficeConfig, type OfficeConfigInput } from '../packages/community/src/config/config-schema.js';

type Rules = NonNullable<OfficeConfigInput['routing']['rules']>;

const labels = (zh: string, en: string): { 'zh-CN': string; en: string } => ({ 'zh-CN': zh, en });

/** Request categories with their labels, as the demo office declares them. */
export const BENCH_CATEGORIES = [
  ['policy', '政策咨询', 'Policy'],
  ['talent', '人才服务', 'Talent'],
  ['legal', '法律服务', 'Legal'],
  ['finance', '融资服务', 'Finance'],
  ['facilities', '园区设施', 'Facilities'],
  ['property', '物业服务', 'Property'],
  ['safety', '安全生产', 'Safety'],
  ['ip', '知识产权', 'Intellectual property'],
  ['tax', '财税服务', 'Tax'],
  ['permits', '行政审批', 'Permits'],
  ['environment', '环境保护', 'Environment'],
  ['party', '党群服务', 'Party building'],
  ['other', '其他', 'Other'],
] as const;

const LEGAL_RR = { team: 'LEGAL', strategy: 'round_robin' } as const;
const LEGAL_LL = { team: 'LEGAL', strategy: 'least_loaded' } as const;
const ECON = { portfolio: 'economic_development' } as const;
const GOV = { portfolio: 'comprehensive_governance' } as const;
const PUBLIC = { portfolio: 'public_affairs' } as const;
const PARTY = { portfolio: 'party_building' } as const;

/** Keyword rules: [id, keywords, target]. Legal ones come before the captain rules. */
const LEGAL_KEYWORDS: [string, string[], Rules[number]['then']['assign']][] = [
  ['legal_debts', ['欠款', '尾款', '拖欠', '欠薪', '货款未付'], LEGAL_RR],
  ['legal_contracts', ['合同纠纷', '违约', '合同诈骗', '解除合同'], LEGAL_LL],
  ['legal_ip', ['侵权', '商标被抢注', '专利纠纷', '盗版'], LEGAL_RR],
  ['legal_labour', ['劳动仲裁', '工伤', '社保纠纷', '辞退'], LEGAL_RR],
];
const OTHER_KEYWORDS: [string, string[], Rules[number]['then']['assign']][] = [
  ['kw_talent', ['招聘', '人才', '落户', '人才公寓'], ECON],
  ['kw_finance', ['融资', '贷款', '上市辅导'], ECON],
  ['kw_subsidy', ['补贴', '奖励资金', '项目申报'], ECON],
  ['kw_export', ['出口', '跨境', '外贸'], ECON],
  ['kw_tax', ['退税', '发票', '税务登记'], ECON],
  ['kw_permits', ['营业执照', '许可证', '审批'], ECON],
  ['kw_safety', ['消防', '安全隐患', '燃气'], GOV],
  ['kw_environment', ['噪音', '污水', '油烟'], GOV],
  ['kw_dispute', ['邻里纠纷', '矛盾', '投诉'], GOV],
  ['kw_data', ['数据安全', '网络安全', '等保'], GOV],
  ['kw_party', ['党建', '党员', '组织关系'], PARTY],
  ['kw_volunteer', ['志愿', '公益'], PARTY],
  ['kw_utilities', ['停水', '停电', '网络中断'], PUBLIC],
  ['kw_transport', ['公交', '通勤', '班车'], PUBLIC],
  ['kw_canteen', ['食堂', '餐饮'], PUBLIC],
  ['kw_rent', ['租金', '房租', '租赁'], PUBLIC],
];

/** The 62 park codes, P01 … P62. */
export const BENCH_PARK_CODES = Array.from({ length: 62 }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);

/** The rules, in order. */
export function benchRules(): Rules {
  const rules: Rules = [
    { id: 'urgent_words', when: { text: { any: ['紧急', '停电', '漏水', '火灾', 'URGENT'] } }, then: { priority: 'urgent', tags: ['紧急'] }, continue: true },
    { id: 'hotline', when: { channel: 'hotline_12345' }, then: { sla: 'hotline', watchers: ['MC-S001'] }, continue: true },
    { id: 'captain_reports', when: { channel: 'captain_report' }, then: { tags: ['园区长上报'], watchers: [{ captain: true }] }, continue: true },
    { id: 'specialised', when: { 'enterprise.tags': { includes: '专精特新' } }, then: { tags: ['专精特新'] }, continue: true },
    { id: 'big_debts', when: { all: [{ category: 'legal' }, { 'attributes.amount': { gte: 100000 } }] }, then: { assist: [{ member: 'MC-S002' }], priority: 'urgent' }, continue: true },
  ];
  for (const [id, keywords, assign] of LEGAL_KEYWORDS) rules.push({ id, when: { text: { any: keywords } }, then: { assign } });
  for (const code of BENCH_PARK_CODES) {
    rules.push({ id: `captain_${code.toLowerCase()}`, when: { all: [{ park: code }, { category: { in: ['facilities', 'property'] } }] }, then: { assign: { captain: true } } });
  }
  for (const [id, keywords, assign] of OTHER_KEYWORDS) rules.push({ id, when: { text: { any: keywords } }, then: { assign } });
  rules.push(
    { id: 'visit_policy', when: { all: [{ channel: 'visit' }, { category: 'policy' }] }, then: { assign: ECON, tags: ['走访'] } },
    { id: 'policy_ai', when: { all: [{ category: 'policy' }, { 'enterprise.industry': { in: ['人工智能', '生物医药'] } }] }, then: { assign: ECON, sla: 'consultation' } },
    { id: 'policy', when: { category: 'policy' }, then: { assign: ECON, sla: 'consultation' } },
    { id: 'talent', when: { category: 'talent' }, then: { assign: ECON } },
    { id: 'legal_small', when: { all: [{ category: 'legal' }, { 'attributes.amount': { lt: 100000 } }] }, then: { assign: LEGAL_RR } },
    { id: 'legal', when: { category: 'legal' }, then: { assign: LEGAL_LL } },
    { id: 'finance_big', when: { all: [{ category: 'finance' }, { 'enterprise.size': { in: ['large', 'medium'] } }] }, then: { assign: ECON, priority: 'urgent' } },
    { id: 'finance', when: { category: 'finance' }, then: { assign: ECON } },
    { id: 'facilities_visit', when: { all: [{ category: 'facilities' }, { channel: 'visit' }] }, then: { assign: PUBLIC } },
    { id: 'facilities', when: { category: 'facilities' }, then: { assign: PUBLIC } },
    { id: 'property', when: { category: 'property' }, then: { assign: PUBLIC } },
    { id: 'safety_urgent', when: { all: [{ category: 'safety' }, { priority: 'urgent' }] }, then: { assign: GOV, sla: 'urgent' } },
    { id: 'safety', when: { category: 'safety' }, then: { assign: GOV } },
    { id: 'ip', when: { category: 'ip' }, then: { assign: LEGAL_RR } },
    { id: 'tax', when: { category: 'tax' }, then: { assign: ECON } },
    { id: 'permits', when: { category: 'permits' }, then: { assign: ECON } },
    { id: 'environment', when: { category: 'environment' }, then: { assign: GOV } },
    { id: 'party', when: { category: 'party' }, then: { assign: PARTY } },
    { id: 'online_other', when: { all: [{ channel: 'online' }, { category: 'other' }] }, then: { tags: ['线上'] } },
    { id: 'no_park', when: { park: { exists: false } }, then: { assign: { member: 'MC-S002' } } },
  );
  return rules;
}

/** The office config holding {@link benchRules}. */
export function benchConfig(): OfficeConfig {
  return officeConfigSchema.parse({
    portfolios: [
      { id: 'economic_development', labels: labels('经济发展', 'Economic development') },
      { id: 'comprehensive_governance', labels: labels('综合治理', 'Comprehensive governance') },
      { id: 'public_affairs', labels: labels('公共事务', 'Public affairs') },
      { id: 'party_building', labels: labels('党群建设', 'Party building') },
    ],
    teams: [{ code: 'LEGAL', labels: labels('公共法律服务驿站', 'Legal station') }],
    slaPolicies: [
      { id: 'consultation', labels: labels('咨询类', 'Consultation') },
      { id: 'hotline', labels: labels('热线转办', 'Hotline') },
      { id: 'urgent', labels: labels('紧急', 'Urgent') },
    ],
    categories: BENCH_CATEGORIES.map(([id, zh, en]) => ({
      id,
      labels: labels(zh, en),
      attributes: id === 'legal' || id === 'finance' ? [{ code: 'amount', labels: labels('金额', 'Amount'), type: 'number' }] : [],
    })),
    routing: { rules: benchRules(), fallback: { assign: { role: 'station_head' } } },
  } satisfies OfficeConfigInput);
}
