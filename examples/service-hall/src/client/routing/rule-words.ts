/**
 * Routing rules in words: who a rule assigns to ("公共法律服务驿站（轮流分配）", not
 * `{ team: LEGAL }`), its time limits, what it does when it matches, and why the server did
 * not try it.
 */
import type { AssignTarget, Rule, TimeLimit } from '@kechuang/community';
import { pickLabel } from '../i18n.js';
import { aside, fieldLabel, valueWords, type WordsContext } from './condition-words.js';

export type WatcherTarget = NonNullable<Rule['then']['watchers']>[number];
export type AssistTarget = NonNullable<Rule['then']['assist']>[number];

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

/** What a rule does when it matches, one line per action: 派给 …, 办理时限按 …, 抄送 …. */
export function actionLines(then: Rule['then'], ctx: WordsContext): { label: string; value: string }[] {
  const { t } = ctx;
  const lines: { label: string; value: string }[] = [];
  if (then.assign) lines.push({ label: t.action.assign, value: targetWords(then.assign, ctx) });
  if (then.assist?.length) lines.push({ label: t.action.assist, value: then.assist.map((a) => targetWords(a, ctx)).join(t.cond.list) });
  if (then.priority) lines.push({ label: t.action.priority, value: ctx.shared.priority[then.priority] ?? then.priority });
  if (then.sla) {
    const sla = slaWords(then.sla, ctx);
    lines.push({ label: t.action.sla, value: aside(sla.name, sla.limits, ctx.locale) });
  }
  if (then.tags?.length) lines.push({ label: t.action.tags, value: then.tags.join(t.cond.list) });
  if (then.watchers?.length) lines.push({ label: t.action.watchers, value: then.watchers.map((w) => targetWords(w, ctx)).join(t.cond.list) });
  return lines;
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

/** The server's reason a rule was not tried, in the reader's language where it is one we know. */
export function skipWords(reason: string, ctx: WordsContext): string {
  const rules = ctx.config.routing.rules;
  const stopped = /^rule (\S+) matched earlier and does not continue$/.exec(reason);
  if (stopped) return ctx.t.trace.stoppedBy(ruleName(rules.find((r) => r.id === stopped[1]), stopped[1]!, ctx));
  const ruledOut = /^(\S+) is (?:none|'(.*)'), rule needs one of \[(.*)\]$/.exec(reason);
  if (ruledOut) {
    const [, field = '', actual, wanted = ''] = ruledOut;
    const words = wanted.split(', ').map((v) => valueWords(field, v, ctx));
    return ctx.t.trace.ruledOut(fieldLabel(field, ctx), valueWords(field, actual ?? null, ctx), words.join(ctx.t.cond.list));
  }
  const keywords = /^text contains none of \[(.*)\]$/.exec(reason);
  if (keywords) return ctx.t.trace.noKeyword(keywords[1]!.split(', ').join(ctx.t.cond.list));
  return reason;
}
