import type { Labels } from '../config/config-schema.js';
import type { ServiceRequest } from '../model/request.js';
import type { JsonValue } from '../storage/types.js';
import { formatDeadline } from './format-deadline.js';
import type { NotificationLocale } from './notifier.js';
import type { TemplateVars } from './template-vars.js';

/** What a change tells its templates, whoever reads them. */
export interface MessageFacts {
  request: ServiceRequest;
  /** The data of the timeline entries the change wrote (reasons, notes, ratings). */
  entries: readonly { type: string; data: { [key: string]: JsonValue } }[];
  actorName: string | null;
  assigneeName: string | null;
  enterpriseName: string | null;
  /** The category's labels from the office config, when it declares the category. */
  categoryLabels: Labels | null;
  /** The office's time zone, deadlines are stated in. */
  timeZone: string;
  /** For an escalation: working days overdue and the level reached. */
  overdueDays: number | null;
  level: number | null;
  /**
   * A plugin notice's own values (its `data`), for placeholders the core leaves empty. A value
   * given per locale (`{ 'zh-CN': '5个工作日', en: '5 working days' }`) reads in the recipient's.
   */
  extra?: { readonly [name: string]: JsonValue } | undefined;
}

const OUTCOMES: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': { solved: '已解决', explained: '已解释答复', unsolvable: '无法解决', out_of_scope: '不属于受理范围' },
  en: { solved: 'solved', explained: 'explained', unsolvable: 'cannot be solved', out_of_scope: 'out of scope' },
};
const RATINGS: Record<NotificationLocale, Record<string, string>> = {
  'zh-CN': { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' },
  en: { satisfied: 'satisfied', basically_satisfied: 'basically satisfied', unsatisfied: 'unsatisfied' },
};
const DESCRIPTION_CHARS = 200;

/** A value on one line: templates are line-based, and a notice stays short. */
const oneLine = (value: string): string => value.replace(/\s*\n\s*/g, ' ').trim();

function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : value;
}

/** The first string the entries give under `key`. */
function entryString(facts: MessageFacts, key: string): string | undefined {
  for (const entry of facts.entries) {
    const value = entry.data[key];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

function entryNumber(facts: MessageFacts, key: string): number | undefined {
  for (const entry of facts.entries) {
    const value = entry.data[key];
    if (typeof value === 'number') return value;
  }
  return undefined;
}

function outcomeOf(request: ServiceRequest, locale: NotificationLocale): string | undefined {
  if (!request.outcome) return undefined;
  const label = OUTCOMES[locale][request.outcome] ?? request.outcome;
  if (!request.outcomeNote) return label;
  return locale === 'zh-CN' ? `${label}。办理情况：${request.outcomeNote}` : `${label}. What was done: ${request.outcomeNote}`;
}

function decisionOf(facts: MessageFacts, locale: NotificationLocale): string | undefined {
  if (facts.entries.some((e) => e.type === 'extension_approved')) return locale === 'zh-CN' ? '已获批准' : 'approved';
  if (facts.entries.some((e) => e.type === 'extension_refused')) return locale === 'zh-CN' ? '未获批准' : 'refused';
  return undefined;
}

function overdueOf(days: number | null, locale: NotificationLocale): string | undefined {
  if (days === null) return undefined;
  if (locale === 'zh-CN') return days > 0 ? `已超期${days}个工作日` : '已到办理期限';
  return days > 0 ? `overdue by ${days} working day${days === 1 ? '' : 's'}` : 'due now';
}

/**
 * The template values of a change in the recipient's locale: names, labels and deadlines in
 * their words and time zone. Values are unmasked here; rendering masks them.
 */
export function messageVars(facts: MessageFacts, locale: NotificationLocale, recipientName: string): TemplateVars {
  const { request } = facts;
  const deadline = (at: Date | null): string | undefined => (at ? formatDeadline(at, locale, facts.timeZone) : undefined);
  const rating = entryString(facts, 'rating') ?? request.satisfaction ?? undefined;
  const days = entryNumber(facts, 'workingDays');
  const contact = request.contact ? [request.contact.name, request.contact.phone].filter((v): v is string => !!v).join(' ') : undefined;
  const raw: TemplateVars = {
    title: request.title,
    description: request.description ? clip(oneLine(request.description), DESCRIPTION_CHARS) : undefined,
    enterprise: facts.enterpriseName ?? undefined,
    category: facts.categoryLabels?.[locale] ?? request.category,
    contact,
    deadline: deadline(request.resolveDueAt),
    respondDeadline: deadline(request.respondDueAt),
    reason: entryString(facts, 'reason'),
    outcome: outcomeOf(request, locale),
    note: entryString(facts, 'note') ?? entryString(facts, 'text'),
    n: facts.overdueDays === null ? undefined : String(facts.overdueDays),
    overdue: overdueOf(facts.overdueDays, locale),
    level: facts.level === null ? undefined : String(facts.level),
    rating: rating ? (RATINGS[locale][rating] ?? rating) : undefined,
    days: days === undefined ? undefined : String(days),
    decision: decisionOf(facts, locale),
    actor: facts.actorName ?? (locale === 'zh-CN' ? '系统' : 'The system'),
    assignee: facts.assigneeName ?? undefined,
    recipient: recipientName,
  };
  for (const [name, value] of Object.entries(facts.extra ?? {})) {
    raw[name] ??= extraValue(value, locale);
  }
  const vars: TemplateVars = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value !== undefined && value !== '') vars[name] = oneLine(value);
  }
  return vars;
}

/** A plugin's value as template text: a string, number or yes/no as written, or its locale's text. */
function extraValue(value: JsonValue, locale: NotificationLocale): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || Array.isArray(value)) return undefined;
  const localized = value[locale];
  return typeof localized === 'string' ? localized : undefined;
}
