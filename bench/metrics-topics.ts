/**
 * What the generated requests are about: the office config's categories with their share of
 * the requests, the portfolio and SLA policy each belongs to, and the titles and wording the
 * generator draws from. Shares follow what enterprise hotlines report: policy questions and
 * park facilities lead, legal help and complaints are a small part.
 */
import type { Channel, Outcome } from '@kechuang/community';
import type { Portfolio } from './metrics-directory.js';

/** A time limit as the config states it. */
export type Limit = { workingDays: number } | { workingHours: number };

export interface SlaSpec {
  id: string;
  respond: Limit;
  resolve: Limit;
  /** Working days an approved extension adds; 0 where the policy allows none. */
  extensionDays: readonly number[];
}

/** The SLA policies of `benchConfig()`, as the generator uses them. */
export const SLA: Record<'urgent' | 'consultation' | 'assistance' | 'complaint', SlaSpec> = {
  urgent: { id: 'urgent', respond: { workingHours: 1 }, resolve: { workingHours: 8 }, extensionDays: [] },
  consultation: { id: 'consultation', respond: { workingHours: 4 }, resolve: { workingDays: 3 }, extensionDays: [] },
  assistance: { id: 'assistance', respond: { workingDays: 1 }, resolve: { workingDays: 5 }, extensionDays: [5, 10] },
  complaint: { id: 'complaint', respond: { workingDays: 1 }, resolve: { workingDays: 15 }, extensionDays: [10, 15] },
};

export interface CategorySpec {
  id: string;
  weight: number;
  portfolio: Portfolio | null;
  /** Who leads it when no portfolio does: the community's legal team, or its station head. */
  lead: 'portfolio' | 'legal' | 'station_head';
  sla: SlaSpec;
  titles: readonly string[];
}

export const CATEGORIES: readonly CategorySpec[] = [
  {
    id: 'policy', weight: 22, portfolio: 'economic_development', lead: 'portfolio', sla: SLA.consultation,
    titles: ['高新技术企业认定政策咨询', '研发费用加计扣除申报咨询', '小微企业稳岗补贴申领咨询', '数字经济专项资金申报', '首台套产品奖励政策咨询', '科技型中小企业评价入库咨询'],
  },
  {
    id: 'talent', weight: 10, portfolio: 'economic_development', lead: 'portfolio', sla: SLA.assistance,
    titles: ['急需招聘算法工程师', '人才公寓入住申请', '高层次人才认定材料咨询', '应届毕业生招聘对接', '员工子女入学咨询'],
  },
  {
    id: 'finance', weight: 8, portfolio: 'economic_development', lead: 'portfolio', sla: SLA.assistance,
    titles: ['科技型中小企业贷款对接', '对接天使投资机构', '知识产权质押融资咨询', '贷款贴息政策申请', '股改上市辅导需求'],
  },
  {
    id: 'facilities', weight: 16, portfolio: 'comprehensive_governance', lead: 'portfolio', sla: SLA.assistance,
    titles: ['园区停车位紧张', '办公楼空调故障', '园区道路照明损坏', '电梯频繁停运', '园区快递收发点设置', '雨天地下车库积水'],
  },
  {
    id: 'safety', weight: 5, portfolio: 'comprehensive_governance', lead: 'portfolio', sla: SLA.urgent,
    titles: ['厂区消防通道被占用', '配电房存在安全隐患', '危化品存放不规范', '外墙饰面存在脱落风险'],
  },
  {
    id: 'public_services', weight: 14, portfolio: 'public_affairs', lead: 'portfolio', sla: SLA.assistance,
    titles: ['营业执照变更办理咨询', '员工社保开户问题', '住房公积金缴存问题', '税务登记地址迁移', '企业用水用电报装'],
  },
  {
    id: 'party', weight: 4, portfolio: 'party_building', lead: 'portfolio', sla: SLA.consultation,
    titles: ['成立非公企业党支部', '党员组织关系转接', '党建活动场地预约'],
  },
  {
    id: 'legal', weight: 9, portfolio: null, lead: 'legal', sla: SLA.assistance,
    titles: ['项目尾款未结', '劳动合同纠纷咨询', '商标被抢注', '合同条款审查', '应收账款催收'],
  },
  {
    id: 'complaint', weight: 4, portfolio: null, lead: 'station_head', sla: SLA.complaint,
    titles: ['周边施工噪声影响办公', '物业收费不合理', '园区招商承诺未兑现', '办事窗口答复不一致'],
  },
  {
    id: 'other', weight: 8, portfolio: null, lead: 'station_head', sla: SLA.assistance,
    titles: ['企业参观接待协调', '园区宣传资料需求', '企业活动场地借用', '企业信息变更登记'],
  },
];

export const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['phone', 30],
  ['visit', 18],
  ['captain_report', 20],
  ['walk_in', 8],
  ['online', 14],
  ['hotline_12345', 10],
];

export const OUTCOMES: readonly (readonly [Outcome, number])[] = [
  ['solved', 66],
  ['explained', 22],
  ['unsolvable', 7],
  ['out_of_scope', 5],
];

export const DETAILS = ['请社区协助对接相关部门。', '希望尽快给予答复。', '企业比较着急，请尽快处理。', '此前已反映过一次，尚未解决。', '请告知需要准备的材料。'];

export const OUTCOME_NOTES: Record<Outcome, string> = {
  solved: '已协调相关部门解决，企业确认无异议。',
  explained: '已向企业详细解释相关政策和办理流程。',
  unsolvable: '经核实暂不具备解决条件，已向企业说明原因。',
  out_of_scope: '该事项不属于受理范围，已告知企业相应办理渠道。',
};

export const TEXTS = {
  returnReason: '该事项不属于本人分管领域，建议转交相关专员办理。',
  extensionReason: '需协调多个部门共同办理，申请延期。',
  supervisionNote: '请加快办理进度，按时办结。',
  contribution: '已协助核实相关情况并提供意见。',
  captainTag: '园区长上报',
} as const;
