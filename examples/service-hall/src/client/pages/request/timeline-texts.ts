/**
 * One readable sentence per timeline entry type, in both languages. The free text a person
 * wrote (a reason, a note, a comment) is shown under the sentence, not inside it.
 */
import { defineTexts } from '../../i18n.js';
import { limitOf, numberOf, textOf, textsOf, type Entry } from './request-data.js';

/** What a sentence needs to name things: people, teams, states, dates, limits. */
export interface Namer {
  /** A member's name (or a neutral word when unknown). */
  member(id: string | null): string;
  /** `张三（公共法律服务驿站）`: a member with the team they work for, when there is one. */
  lead(memberId: string | null, teamId: string | null): string;
  /** An assisting unit: a member or a team. */
  unit(memberId: string | null, teamId: string | null): string;
  outcome(value: string | null): string;
  rating(value: string | null): string;
  date(iso: string | null): string;
  policy(id: string | null): string;
  category(id: string | null): string;
  channel(id: string | null): string;
  role(id: string): string;
}

type Sentence = (data: Entry['data'], n: Namer) => string;

const days = (value: number | null, zh: boolean): string => (zh ? `${value ?? '?'} 个工作日` : `${value ?? '?'} working day${value === 1 ? '' : 's'}`);
const hours = (ms: number | null, zh: boolean): string => {
  const h = Math.round(((ms ?? 0) / 3_600_000) * 10) / 10;
  return zh ? `${h} 个工作小时` : `${h} working hours`;
};

const zhSentences: Record<string, Sentence> = {
  submitted: (d, n) => `受理诉求（${n.channel(textOf(d, 'channel'))} · ${n.category(textOf(d, 'category'))}）`,
  routed: (d) => {
    const rule = textOf(d, 'ruleId');
    const source = textOf(d, 'source');
    if (source === 'rule' && rule) return `自动派单：命中规则「${rule}」`;
    if (source === 'fallback') return '自动派单：没有规则指定承办人，按兜底规则';
    return '自动派单未能找到承办人';
  },
  assigned: (d, n) => `派单给 ${n.lead(textOf(d, 'assigneeId'), textOf(d, 'teamId'))}`,
  reassigned: (d, n) => `改派：${n.member(textOf(d, 'fromAssigneeId'))} → ${n.lead(textOf(d, 'assigneeId'), textOf(d, 'teamId'))}`,
  redispatched: (d, n) => `退单后重新派单：${n.member(textOf(d, 'fromAssigneeId'))} → ${n.lead(textOf(d, 'assigneeId'), textOf(d, 'teamId'))}`,
  return_overruled: (d, n) => `不同意退单，仍由 ${n.member(textOf(d, 'assigneeId'))} 办理`,
  accepted: () => '签收',
  returned: (d, n) => {
    const suggested = textOf(d, 'suggestedOwnerId');
    return suggested ? `退单，建议改由 ${n.member(suggested)} 办理` : '退单';
  },
  started: () => '开始办理',
  paused: () => '暂停办理，等待企业补充材料或答复',
  resumed: () => '恢复办理',
  note: () => '办理进展',
  replied: (d, n) => `反馈：${n.outcome(textOf(d, 'outcome'))}`,
  followed_up: (d, n) => `回访：${n.rating(textOf(d, 'rating'))}`,
  redone: (d) => `回访不满意，诉求重办（第 ${numberOf(d, 'redoCount') ?? 1} 次）`,
  closed: () => '办结（未回访评价）',
  merged: () => '作为重复诉求合并',
  withdrawn: () => '撤回诉求',
  assist_added: (d, n) => `增加协办：${n.unit(textOf(d, 'memberId'), textOf(d, 'teamId'))}`,
  assist_signed: (d, n) => `协办签收：${n.unit(textOf(d, 'memberId'), textOf(d, 'teamId'))}`,
  assist_contributed: (d, n) => `提交协办意见：${n.unit(textOf(d, 'memberId'), textOf(d, 'teamId'))}`,
  extension_requested: (d, n) => `申请延期 ${days(numberOf(d, 'workingDays'), true)}（原办结时限 ${n.date(textOf(d, 'resolveDueAt'))}）`,
  extension_approved: (d, n) => `同意延期 ${days(numberOf(d, 'workingDays'), true)}，办结时限 ${n.date(textOf(d, 'previousDueAt'))} → ${n.date(textOf(d, 'newDueAt'))}`,
  extension_refused: () => '不同意延期，按原时限办结',
  supervised: () => '督办',
  escalated: (d, n) => `超期升级（第 ${numberOf(d, 'level') ?? 1} 级），通知${textsOf(d, 'notify').map((r) => n.role(r)).join('、') || '相关负责人'}`,
  sla_scheduled: (d, n) => {
    const start = textOf(d, 'reason') === 'redo' ? '重办，重新计时' : '开始计时';
    const limits = [limitOf(d, 'respond') ? `签收时限 ${n.date(textOf(d, 'respondDueAt'))}` : null, limitOf(d, 'resolve') ? `办结时限 ${n.date(textOf(d, 'resolveDueAt'))}` : null].filter(Boolean);
    return `${start}：适用「${n.policy(textOf(d, 'policy'))}」${limits.length ? `，${limits.join('，')}` : ''}`;
  },
  sla_rescheduled: (d, n) => {
    if (textOf(d, 'reason') === 'resumed') return `恢复计时：暂停 ${hours(numberOf(d, 'pausedWorkingMs'), true)}，办结时限顺延至 ${n.date(textOf(d, 'resolveDueAt'))}`;
    if (textOf(d, 'reason') === 'extension') return `办结时限调整为 ${n.date(textOf(d, 'resolveDueAt'))}`;
    return `时限重新计算，办结时限 ${n.date(textOf(d, 'resolveDueAt'))}`;
  },
};

const enSentences: Record<string, Sentence> = {
  submitted: (d, n) => `Filed the request (${n.channel(textOf(d, 'channel'))} · ${n.category(textOf(d, 'category'))})`,
  routed: (d) => {
    const rule = textOf(d, 'ruleId');
    const source = textOf(d, 'source');
    if (source === 'rule' && rule) return `Routed by rule "${rule}"`;
    if (source === 'fallback') return 'Routed by the fallback rule: no rule named a handler';
    return 'Routing found no one to take it';
  },
  assigned: (d, n) => `Dispatched to ${n.lead(textOf(d, 'assigneeId'), textOf(d, 'teamId'))}`,
  reassigned: (d, n) => `Reassigned: ${n.member(textOf(d, 'fromAssigneeId'))} → ${n.lead(textOf(d, 'assigneeId'), textOf(d, 'teamId'))}`,
  redispatched: (d, n) => `Dispatched again after a return: ${n.member(textOf(d, 'fromAssigneeId'))} → ${n.lead(textOf(d, 'assigneeId'), textOf(d, 'teamId'))}`,
  return_overruled: (d, n) => `Return overruled; ${n.member(textOf(d, 'assigneeId'))} keeps it`,
  accepted: () => 'Signed for it',
  returned: (d, n) => {
    const suggested = textOf(d, 'suggestedOwnerId');
    return suggested ? `Returned it, suggesting ${n.member(suggested)}` : 'Returned it';
  },
  started: () => 'Started work',
  paused: () => 'Paused, waiting on the enterprise',
  resumed: () => 'Resumed work',
  note: () => 'Progress note',
  replied: (d, n) => `Replied: ${n.outcome(textOf(d, 'outcome'))}`,
  followed_up: (d, n) => `Follow-up: ${n.rating(textOf(d, 'rating'))}`,
  redone: (d) => `Unsatisfied at follow-up, so redone (${numberOf(d, 'redoCount') ?? 1}×)`,
  closed: () => 'Concluded without a rating',
  merged: () => 'Merged as a duplicate',
  withdrawn: () => 'Withdrew the request',
  assist_added: (d, n) => `Added assisting unit ${n.unit(textOf(d, 'memberId'), textOf(d, 'teamId'))}`,
  assist_signed: (d, n) => `${n.unit(textOf(d, 'memberId'), textOf(d, 'teamId'))} signed for their part`,
  assist_contributed: (d, n) => `${n.unit(textOf(d, 'memberId'), textOf(d, 'teamId'))} filed their contribution`,
  extension_requested: (d, n) => `Asked for ${days(numberOf(d, 'workingDays'), false)} more (due ${n.date(textOf(d, 'resolveDueAt'))})`,
  extension_approved: (d, n) => `Approved ${days(numberOf(d, 'workingDays'), false)} more: due ${n.date(textOf(d, 'previousDueAt'))} → ${n.date(textOf(d, 'newDueAt'))}`,
  extension_refused: () => 'Refused the extension; the deadline stands',
  supervised: () => 'Put under supervision',
  escalated: (d, n) => `Escalated (level ${numberOf(d, 'level') ?? 1}), telling the ${textsOf(d, 'notify').map((r) => n.role(r).toLowerCase()).join(' and ') || 'supervisors'}`,
  sla_scheduled: (d, n) => {
    const start = textOf(d, 'reason') === 'redo' ? 'Redo: the clock restarted' : 'Clock started';
    const limits = [limitOf(d, 'respond') ? `sign for by ${n.date(textOf(d, 'respondDueAt'))}` : null, limitOf(d, 'resolve') ? `resolve by ${n.date(textOf(d, 'resolveDueAt'))}` : null].filter(Boolean);
    return `${start} under "${n.policy(textOf(d, 'policy'))}"${limits.length ? `: ${limits.join(', ')}` : ''}`;
  },
  sla_rescheduled: (d, n) => {
    if (textOf(d, 'reason') === 'resumed') return `Clock resumed after ${hours(numberOf(d, 'pausedWorkingMs'), false)} paused; now due ${n.date(textOf(d, 'resolveDueAt'))}`;
    if (textOf(d, 'reason') === 'extension') return `Deadline moved to ${n.date(textOf(d, 'resolveDueAt'))}`;
    return `Deadlines recomputed; due ${n.date(textOf(d, 'resolveDueAt'))}`;
  },
};

const zh = {
  title: '办理过程',
  empty: '暂无办理记录。',
  count: (n: number) => `共 ${n} 条`,
  sentences: zhSentences,
  unknown: (type: string) => `其他记录（${type}）`,
  statusChange: '状态',
  attachments: '附件',
  mergedInto: '查看原诉求',
  colon: '：',
  /** The label of what a person wrote, by `type.key`, else by `key`. */
  labels: {
    reason: '原因',
    note: '说明',
    text: '进展',
    comment: '评价说明',
    'returned.reason': '退单原因',
    'paused.reason': '等待事项',
    'return_overruled.reason': '驳回理由',
    'reassigned.reason': '改派原因',
    'withdrawn.reason': '撤回原因',
    'extension_requested.reason': '延期理由',
    'replied.note': '办理情况',
    'closed.note': '办结说明',
    'supervised.note': '督办意见',
    'extension_approved.note': '审批意见',
    'extension_refused.note': '审批意见',
    'assigned.note': '派单说明',
    'redispatched.note': '派单说明',
    'assist_added.note': '协办说明',
    'merged.note': '合并说明',
    'assist_contributed.text': '协办意见',
  } as Record<string, string>,
};

const en: typeof zh = {
  title: 'Timeline',
  empty: 'Nothing has happened yet.',
  count: (n: number) => `${n} entr${n === 1 ? 'y' : 'ies'}`,
  sentences: enSentences,
  unknown: (type: string) => `Other entry (${type})`,
  statusChange: 'Status',
  attachments: 'Attachments',
  mergedInto: 'Open the original request',
  colon: ': ',
  labels: {
    reason: 'Reason',
    note: 'Note',
    text: 'Progress',
    comment: 'Comment',
    'returned.reason': 'Why returned',
    'paused.reason': 'Waiting for',
    'return_overruled.reason': 'Why overruled',
    'reassigned.reason': 'Why reassigned',
    'withdrawn.reason': 'Why withdrawn',
    'extension_requested.reason': 'Why more time',
    'replied.note': 'What was done',
    'closed.note': 'Note',
    'supervised.note': 'Instructions',
    'extension_approved.note': 'Decision note',
    'extension_refused.note': 'Decision note',
    'assigned.note': 'Note to the handler',
    'redispatched.note': 'Note to the handler',
    'assist_added.note': 'Note',
    'merged.note': 'Note',
    'assist_contributed.text': 'Contribution',
  },
};

/** The timeline's sentences in the language in force. */
export const useTimelineTexts = defineTexts({ 'zh-CN': zh, en });
