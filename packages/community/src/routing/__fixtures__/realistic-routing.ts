import type { OfficeConfig, OfficeConfigInput } from '../../config/config-schema.js';
import { config } from './routing-facts.js';

type Rules = NonNullable<OfficeConfigInput['routing']['rules']>;

export const PARKS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
export const CATEGORIES = ['legal', 'policy', 'facilities', 'talent', 'other'] as const;
/** Words request texts are made of: a few routing keywords, mostly filler. */
export const KEYWORDS = ['欠款', '尾款', '拖欠', '合同纠纷', '违约', '招聘', '人才', '漏水', '停电', '紧急', 'Contract', 'CONTRACT'];
export const FILLER = ['停车', '补贴', '申报', 'VIP', '园区', '企业', '项目', '的', '，', '欠', '款', '合同', 'con', 'tract'];
export const INDUSTRIES = ['数字经济', '人工智能', '电子商务', '生物医药'];
export const ENTERPRISE_TAGS = ['高新技术企业', '专精特新', '规上企业'];

/**
 * A rule set that exercises everything at once: side-action rules that continue, keyword
 * rules, captain rules per park (some naming the park by id), category rules with nested
 * any/not, attribute ranges, enterprise fields, and rules constrained on channel.
 */
export function realisticRules(): Rules {
  const rules: Rules = [
    { id: 'urgent_words', when: { text: { any: ['紧急', '停电', '漏水'] } }, then: { priority: 'urgent', tags: ['紧急'] }, continue: true },
    { id: 'hotline', when: { channel: 'hotline_12345' }, then: { sla: 'urgent', watchers: ['MC-S001'] }, continue: true },
    { id: 'captain_reports', when: { channel: 'captain_report' }, then: { tags: ['园区长上报'], watchers: [{ captain: true }], assist: [{ captain: true }] }, continue: true },
    { id: 'specialised', when: { 'enterprise.tags': { includes: '专精特新' } }, then: { tags: ['专精特新'] }, continue: true },
    { id: 'big_debt', when: { all: [{ 'attributes.amount': { gte: 50000 } }, { category: 'legal' }] }, then: { priority: 'urgent', assist: [{ member: 'MC-S002' }] }, continue: true },
    { id: 'legal_debts', when: { text: { any: ['欠款', '尾款', '拖欠'] } }, then: { assign: { team: 'LEGAL', strategy: 'round_robin' } } },
    { id: 'legal_contracts', when: { any: [{ text: { all_of: ['合同纠纷', '违约'] } }, { title: { regex: 'contract|合同' } }] }, then: { assign: { team: 'LEGAL', strategy: 'least_loaded' } } },
    { id: 'talent', when: { all: [{ category: { in: ['talent', 'policy'] } }, { text: { any: ['招聘', '人才'] } }] }, then: { assign: { portfolio: 'economic_development' }, sla: 'assistance' } },
    { id: 'visit_policy', when: { all: [{ channel: 'visit' }, { category: 'policy' }] }, then: { assign: { portfolio: 'economic_development' }, tags: ['走访'] } },
  ];
  for (const park of PARKS) {
    const byId = Number(park) % 3 === 0;
    rules.push({
      id: `captain_p${park}`,
      when: { all: [{ park: byId ? `p-${park}` : `P${park}` }, { category: { in: ['facilities', 'other'] } }] },
      then: { assign: { captain: true } },
    });
  }
  rules.push(
    { id: 'park_phone_watch', when: { all: [{ park: { in: ['P01', 'P02'] } }, { channel: { in: ['phone', 'walk_in'] } }] }, then: { watchers: ['MC-S003'] }, continue: true },
    { id: 'legal_category', when: { all: [{ category: 'legal' }, { not: { 'enterprise.size': 'large' } }] }, then: { assign: { team: 'LEGAL', strategy: 'round_robin' } } },
    { id: 'legal_large', when: { category: 'legal' }, then: { assign: { member: 'MC-S001' } } },
    { id: 'policy_ai', when: { all: [{ category: 'policy' }, { any: [{ 'enterprise.industry': '人工智能' }, { tags: 'VIP' }] }] }, then: { assign: { portfolio: 'economic_development' } } },
    { id: 'policy_rest', when: { category: { eq: 'policy' } }, then: { assign: { portfolio: 'public_affairs' } } },
    { id: 'mid_amounts', when: { 'attributes.amount': { gt: 1000, lte: 20000 } }, then: { assign: { portfolio: 'comprehensive_governance' } } },
    { id: 'debtors_gov', when: { 'attributes.debtors': { in: ['政府'] } }, then: { assign: { portfolio: 'party_building' } } },
    { id: 'no_enterprise', when: { 'enterprise.industry': { exists: false } }, then: { tags: ['无企业'] } },
  );
  return rules;
}

/** The realistic rules in a validated config, falling back to the station head. */
export function realisticConfig(): OfficeConfig {
  return config({ rules: realisticRules(), fallback: { assign: { role: 'station_head' } } });
}
