import type { ConditionTrace, OfficeConfig, RoutingExplanation } from '@kechuang/community';
import { displayWidth, formatTable } from '../text-width.js';
import type { RouteMessages } from './route-messages.js';

/** Directory names the rendering shows instead of ids. */
export interface RouteNames {
  members: ReadonlyMap<string, { code: string; name: string }>;
  teams: ReadonlyMap<string, { code: string; name: string }>;
}

const MAX_VALUE_WIDTH = 36;

/** A value as a short, single-line text. */
function short(value: unknown): string {
  if (value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : Array.isArray(value) && value.every((item) => typeof item === 'string')
        ? value.join(', ')
        : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  if (displayWidth(line) <= MAX_VALUE_WIDTH) return line;
  let out = '';
  for (const char of line) {
    if (displayWidth(out + char) > MAX_VALUE_WIDTH - 1) break;
    out += char;
  }
  return `${out}…`;
}

function named(map: RouteNames['members'], id: string | null): string | null {
  if (id === null) return null;
  const record = map.get(id);
  return record === undefined ? id : `${record.name} (${record.code})`;
}

function target(value: object, names: RouteNames, captain: string): string {
  if ('captain' in value) return captain;
  return Object.entries(value)
    .map(([key, v]) => {
      if (key === 'team' && typeof v === 'string') return `team ${[...names.teams.values()].find((t) => t.code === v)?.name ?? v}`;
      return `${key} ${String(v)}`;
    })
    .join(', ');
}

/** The SLA policy the request would get, and where it comes from (rule, category, default). */
export function slaOf(explanation: RoutingExplanation, config: OfficeConfig): { id: string; from: 'rule' | 'category' | 'default' } | null {
  if (explanation.outcome.sla !== null) return { id: explanation.outcome.sla, from: 'rule' };
  const category = config.categories.find((c) => c.id === explanation.facts.category);
  if (category?.sla !== undefined) return { id: category.sla, from: 'category' };
  if (config.defaultSla !== undefined) return { id: config.defaultSla, from: 'default' };
  return null;
}

/** Condition rows of the rule table: the tree flattened, children indented under their group. */
function conditionRows(trace: ConditionTrace, depth: number): string[][] {
  const mark = trace.passed ? '✓' : '✗';
  const what = trace.operator === undefined ? trace.kind : `${trace.kind} ${trace.operator}`;
  const row = ['', '', `${'  '.repeat(depth)}${mark} ${what}`, short(trace.expected), short(trace.actual)];
  return [row, ...(trace.children ?? []).flatMap((child) => conditionRows(child, depth + 1))];
}

/** The decision and the rule-by-rule table as terminal lines. */
export function renderExplanation(explanation: RoutingExplanation, config: OfficeConfig, names: RouteNames, m: RouteMessages, lang: 'zh-CN' | 'en'): string[] {
  const { decision, outcome } = explanation;
  const sla = slaOf(explanation, config);
  const slaLabel = sla === null ? m.noSla : `${sla.id}${labelOf(config.slaPolicies.find((p) => p.id === sla.id)?.labels, lang)} · ${m.slaFrom(sla.from)}`;
  const captain = lang === 'zh-CN' ? '园区长' : 'park captain';
  const facts: string[][] = [
    [m.assignee, named(names.members, decision.memberId) ?? m.nobody],
    ...(decision.teamId === null ? [] : [[m.team, named(names.teams, decision.teamId) ?? decision.teamId]]),
    [m.rule, m.ruleSource(decision.source, decision.ruleId)],
    [m.reason, decision.reason],
    [m.sla, slaLabel],
    [m.priorityLabel, outcome.priority ?? explanation.facts.priority],
    [m.watchers, outcome.watchers.length === 0 ? m.none : outcome.watchers.map((w) => (typeof w === 'string' ? w : captain)).join(', ')],
    [m.tags, outcome.tags.length === 0 ? m.none : outcome.tags.join(', ')],
    [m.assists, outcome.assists.length === 0 ? m.none : outcome.assists.map((a) => target(a.target, names, captain)).join('; ')],
  ];
  if (decision.skipped.length > 0) {
    facts.push([m.skipped, decision.skipped.map((s) => `${named(names.members, s.memberId) ?? s.memberId} (${m.skipWhy(s.why)})`).join(', ')]);
  }
  const lines = [`${m.decision} · ${m.configVersion(explanation.configVersion)}`, ...formatTable(facts.map(([k, v]) => [`  ${k ?? ''}`, v ?? '']))];
  lines.push('', m.rules);
  const rows: string[][] = [[...m.header]];
  for (const rule of explanation.rules) {
    const result = rule.matched ? m.matched : rule.skippedBecause !== undefined ? m.notEvaluated : m.notMatched;
    if (rule.condition === undefined) {
      rows.push([rule.ruleId, result, rule.skippedBecause ?? '']);
      continue;
    }
    const [first, ...rest] = conditionRows(rule.condition, 0);
    rows.push([rule.ruleId, result, first?.[2] ?? '', first?.[3] ?? '', first?.[4] ?? '']);
    rows.push(...rest);
    if (rule.skippedBecause !== undefined) rows.push(['', '', rule.skippedBecause]);
  }
  rows.push([m.fallbackRow, decision.source === 'fallback' ? m.fallbackUsed : m.fallbackUnused, target(config.routing.fallback.assign, names, captain)]);
  lines.push(...formatTable(rows).map((line) => `  ${line}`));
  return lines;
}

function labelOf(labels: Readonly<Record<string, string | undefined>> | undefined, lang: 'zh-CN' | 'en'): string {
  const label = labels?.[lang];
  return label === undefined ? '' : ` (${label})`;
}
