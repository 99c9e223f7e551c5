/**
 * Routing rules in words: fields, values, targets and time limits as a station head reads
 * them ("诉求类别为法律服务", "公共法律服务驿站（轮流分配）"), not as the config spells them
 * (`{ category: legal }`, `{ team: LEGAL }`). Codes are looked up in the office's config and
 * directory; what cannot be looked up is shown as written.
 */
import type { AssignTarget, OfficeConfig, Rule, TimeLimit } from '@kechuang/community';
import { pickLabel, type Locale } from '../../i18n.js';
import type { useShared } from '../../shared-texts.js';
import type { RulesTexts } from './rules-texts.js';

/** A park as the form and the words need it. */
export interface ParkRow {
  id: string;
  code: string;
  name: string;
  communityId: string;
}

export interface NamedRow {
  id: string;
  code: string;
  name: string;
}

/** Everything words are looked up in. */
export interface WordsContext {
  t: RulesTexts;
  shared: ReturnType<typeof useShared>;
  locale: Locale;
  config: OfficeConfig;
  parks: readonly ParkRow[];
  communities: readonly NamedRow[];
  memberNames: ReadonlyMap<string, string>;
}

export type WatcherTarget = NonNullable<Rule['then']['watchers']>[number];
export type AssistTarget = NonNullable<Rule['then']['assist']>[number];

const MAX_TEXT = 80;

/** What a field is called: `category` → 诉求类别, `attributes.amount` → the attribute's label. */
export function fieldLabel(field: string, ctx: WordsContext): string {
  const known = ctx.t.cond.fields[field];
  if (known) return known;
  if (field.startsWith('attributes.')) {
    const code = field.slice('attributes.'.length);
    for (const category of ctx.config.categories) {
      const attribute = category.attributes.find((a) => a.code === code);
      if (attribute) return pickLabel(attribute.labels, ctx.locale, code);
    }
    return code;
  }
  return field;
}

function byRef<T extends { id: string; code: string }>(rows: readonly T[], ref: string): T | undefined {
  return rows.find((row) => row.code === ref || row.id === ref);
}

/** One value of a field in words: a category's label, a park's name, 是/否. */
export function valueWords(field: string, value: unknown, ctx: WordsContext): string {
  if (value === null || value === undefined || value === '') return ctx.t.trace.missing;
  if (Array.isArray(value)) return value.length === 0 ? ctx.t.trace.missing : value.map((v) => valueWords(field, v, ctx)).join(ctx.t.cond.list);
  if (typeof value === 'boolean') return value ? ctx.t.cond.yes : ctx.t.cond.no;
  // Directory records (park, community, building) arrive as { id, code }.
  if (typeof value === 'object') {
    const record = value as { code?: unknown; id?: unknown };
    return valueWords(field, record.code ?? record.id ?? JSON.stringify(value), ctx);
  }
  const text = String(value);
  switch (field) {
    case 'category':
      return pickLabel(ctx.config.categories.find((c) => c.id === text)?.labels, ctx.locale, text);
    case 'channel':
      return ctx.shared.channel[text] ?? text;
    case 'priority':
      return ctx.shared.priority[text] ?? text;
    case 'park': {
      const park = byRef(ctx.parks, text);
      return park ? aside(park.name, park.code, ctx.locale) : text;
    }
    case 'community':
      return byRef(ctx.communities, text)?.name ?? text;
    case 'enterprise.size':
      return ctx.t.cond.sizes[text] ?? text;
    default:
      return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text.replace(/\n/g, ' ');
  }
}

/** The values an operator compares with, each in words (a list stays a list, for chips). */
export function expectedWords(field: string, operator: string, expected: unknown, ctx: WordsContext): string[] {
  if (operator === 'exists') return [];
  const list = Array.isArray(expected) ? expected : [expected];
  // Keywords and patterns are the words themselves; other values are looked up.
  if (operator === 'any' || operator === 'all_of' || operator === 'regex') return list.map(String);
  return list.map((v) => valueWords(field, v, ctx));
}

/** The operator in words; `exists: false` reads "is not given". */
export function operatorWords(operator: string, expected: unknown, ctx: WordsContext): string {
  if (operator === 'exists') return expected === false ? ctx.t.cond.ops['notExists']! : ctx.t.cond.ops['exists']!;
  return ctx.t.cond.ops[operator] ?? operator;
}

/** Who an assignment goes to, in words. */
export function targetWords(target: AssignTarget | AssistTarget | WatcherTarget, ctx: WordsContext): string {
  if (typeof target === 'string') return ctx.memberNames.get(target) ?? target;
  if ('member' in target) return ctx.memberNames.get(target.member) ?? target.member;
  if ('captain' in target) return ctx.t.target.captain;
  if ('portfolio' in target) return ctx.t.target.portfolio(pickLabel(ctx.config.portfolios.find((p) => p.id === target.portfolio)?.labels, ctx.locale, target.portfolio));
  if ('team' in target) {
    const label = pickLabel(ctx.config.teams.find((team) => team.code === target.team)?.labels, ctx.locale, target.team);
    const strategy = 'strategy' in target ? target.strategy : undefined;
    return strategy ? ctx.t.target.team(label, ctx.t.target.strategies[strategy] ?? strategy) : label;
  }
  return ctx.shared.role[target.role] ?? target.role;
}

function limitWords(limit: TimeLimit, ctx: WordsContext): string {
  return 'workingHours' in limit ? ctx.t.limits.hours(limit.workingHours) : ctx.t.limits.days(limit.workingDays);
}

/** An SLA policy by id: its name, and its sign-for and reply limits. */
export function slaWords(id: string, ctx: WordsContext): { name: string; limits: string } {
  const policy = ctx.config.slaPolicies.find((p) => p.id === id);
  if (!policy) return { name: id, limits: '' };
  const parts: string[] = [];
  if (policy.respond) parts.push(`${ctx.t.limits.respond} ${limitWords(policy.respond, ctx)}`);
  if (policy.resolve) parts.push(`${ctx.t.limits.resolve} ${limitWords(policy.resolve, ctx)}`);
  return { name: pickLabel(policy.labels, ctx.locale, id), limits: parts.join(' · ') };
}

/** The rule's short name: its description where it has one, else what it does (派给经济发展分管专员), else its id. */
export function ruleName(rule: Pick<Rule, 'id' | 'description' | 'then'> | undefined, id: string, ctx: WordsContext): string {
  if (!rule) return id;
  const described = rule.description?.trim();
  if (described) return described;
  const first = actionLines(rule.then, ctx)[0];
  if (!first) return id;
  return ctx.locale === 'en' ? `${first.label} ${first.value}` : `${first.label}${first.value}`;
}

/** What a rule does when it matches, one line per action: 派给 …, 办理时限按 …, 抄送 …. */
export function actionLines(then: Rule['then'], ctx: WordsContext): { label: string; value: string }[] {
  const { t } = ctx;
  const lines: { label: string; value: string }[] = [];
  if (then.assign) lines.push({ label: t.rules.assign, value: targetWords(then.assign, ctx) });
  if (then.assist?.length) lines.push({ label: t.rules.assist, value: then.assist.map((a) => targetWords(a, ctx)).join(t.cond.list) });
  if (then.priority) lines.push({ label: t.rules.priority, value: ctx.shared.priority[then.priority] ?? then.priority });
  if (then.sla) {
    const sla = slaWords(then.sla, ctx);
    lines.push({ label: t.rules.sla, value: aside(sla.name, sla.limits, ctx.locale) });
  }
  if (then.tags?.length) lines.push({ label: t.rules.tags, value: then.tags.join(t.cond.list) });
  if (then.watchers?.length) lines.push({ label: t.rules.watchers, value: then.watchers.map((w) => targetWords(w, ctx)).join(t.cond.list) });
  return lines;
}

/** Brackets around an aside, as each language writes them. */
export function aside(text: string, note: string, locale: Locale): string {
  return note ? (locale === 'en' ? `${text} (${note})` : `${text}（${note}）`) : text;
}
