import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OfficeConfig } from '../config/config-schema.js';
import { channels, priorities } from '../model/request.js';
import { CATEGORIES, ENTERPRISE_TAGS, FILLER, INDUSTRIES, KEYWORDS, PARKS, realisticConfig } from './__fixtures__/realistic-routing.js';
import { OutcomeBuilder } from './compiled-rule.js';
import { compileRouting, compileRules } from './compile-routing.js';
import type { ConditionTrace, RoutingFacts, RoutingOutcome } from './types.js';

const word = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...FILLER) }, { weight: 1, arbitrary: fc.constantFrom(...KEYWORDS) });
const text = fc.array(word, { maxLength: 8 }).map((words) => words.join(''));

/** Requests like the demo's: mostly known categories and parks, some without park or enterprise. */
const arbitraryFacts: fc.Arbitrary<RoutingFacts> = fc.record({
  category: fc.oneof(fc.constantFrom(...CATEGORIES), fc.constant('unknown')),
  channel: fc.constantFrom(...channels),
  priority: fc.constantFrom(...priorities),
  community: fc.constant({ id: 'c-mc', code: 'MC' }),
  park: fc.option(
    fc.constantFrom(...PARKS, '13').map((p) => ({ id: `p-${p}`, code: `P${p}` })),
    { freq: 6 },
  ),
  building: fc.constant(null),
  enterprise: fc.option(
    fc.record({
      id: fc.constant('e-1'),
      code: fc.constant('91330110MA2H3QXG0X'),
      industry: fc.option(fc.constantFrom(...INDUSTRIES)),
      size: fc.option(fc.constantFrom('large' as const, 'medium' as const, 'small' as const, 'micro' as const)),
      tags: fc.subarray(ENTERPRISE_TAGS),
    }),
    { freq: 4 },
  ),
  attributes: fc.record(
    { amount: fc.integer({ min: 0, max: 100_000 }), debtors: fc.subarray(['个人', '企业', '政府']), topic: text },
    { requiredKeys: [] },
  ),
  title: text,
  description: text,
  tags: fc.subarray(['VIP', '园区长上报']),
  submittedAt: fc.constant(new Date('2025-06-02T02:00:00Z')),
  submitted: fc.option(fc.record({ inOfficeHours: fc.boolean(), workingDay: fc.boolean(), holiday: fc.boolean() }), { nil: null }),
});

/**
 * A deliberately naive reference: interprets the JSON conditions directly on every request,
 * with none of the compiler's machinery (no closures, no shared keyword scan, no index).
 */
function fieldValue(facts: RoutingFacts, field: string): unknown {
  if (field.startsWith('attributes.')) {
    const code = field.slice('attributes.'.length);
    return Object.hasOwn(facts.attributes, code) ? facts.attributes[code] : undefined;
  }
  if (field.startsWith('enterprise.')) return facts.enterprise?.[field.slice('enterprise.'.length) as 'industry' | 'size' | 'tags'];
  if (field === 'text') return `${facts.title}\n${facts.description}`;
  return facts[field as keyof RoutingFacts];
}

function candidates(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null && 'code' in value && 'id' in value) return [value.id, value.code];
  return [value];
}

function naiveOperator(value: unknown, operator: string, argument: unknown): boolean {
  const missing = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  if (operator === 'exists') return argument === !missing;
  if (missing) return operator === 'ne' || operator === 'not_in';
  const values = candidates(value);
  const lower = values.map((v) => String(v).toLowerCase());
  switch (operator) {
    case 'eq':
    case 'includes':
      return values.includes(argument);
    case 'ne':
      return !values.includes(argument);
    case 'in':
      return values.some((v) => (argument as unknown[]).includes(v));
    case 'not_in':
      return !values.some((v) => (argument as unknown[]).includes(v));
    case 'gt':
      return typeof value === 'number' && value > (argument as number);
    case 'gte':
      return typeof value === 'number' && value >= (argument as number);
    case 'lt':
      return typeof value === 'number' && value < (argument as number);
    case 'lte':
      return typeof value === 'number' && value <= (argument as number);
    case 'any':
      return (argument as string[]).some((k) => lower.some((text) => text.includes(k.toLowerCase())));
    case 'all_of':
      return (argument as string[]).every((k) => lower.some((text) => text.includes(k.toLowerCase())));
    case 'regex':
      return values.some((v) => new RegExp(argument as string, 'i').test(String(v)));
    default:
      throw new Error(`naive: ${operator}`);
  }
}

function naiveCondition(facts: RoutingFacts, condition: unknown): boolean {
  const [[key, value]] = Object.entries(condition as Record<string, unknown>) as [[string, unknown]];
  if (key === 'all') return (value as unknown[]).every((c) => naiveCondition(facts, c));
  if (key === 'any') return (value as unknown[]).some((c) => naiveCondition(facts, c));
  if (key === 'not') return !naiveCondition(facts, value);
  const actual = fieldValue(facts, key);
  if (typeof value !== 'object' || value === null) return naiveOperator(actual, 'eq', value);
  return Object.entries(value).every(([operator, argument]) => naiveOperator(actual, operator, argument));
}

function naiveEvaluate(config: OfficeConfig, facts: RoutingFacts): RoutingOutcome {
  const outcome: RoutingOutcome = { assign: [], assists: [], priority: null, sla: null, tags: [], watchers: [], matchedRuleIds: [], pluginActions: [] };
  for (const rule of config.routing.rules) {
    if (!naiveCondition(facts, rule.when)) continue;
    outcome.matchedRuleIds.push(rule.id);
    const then = rule.then;
    if (then.assign && outcome.assign.length === 0) outcome.assign.push({ source: 'rule', ruleId: rule.id, target: then.assign });
    for (const target of then.assist ?? []) outcome.assists.push({ ruleId: rule.id, target });
    outcome.priority = then.priority ?? outcome.priority;
    outcome.sla = outcome.sla ?? then.sla ?? null;
    for (const tag of then.tags ?? []) if (!outcome.tags.includes(tag)) outcome.tags.push(tag);
    for (const w of then.watchers ?? []) if (!outcome.watchers.some((x) => JSON.stringify(x) === JSON.stringify(w))) outcome.watchers.push(w);
    if (!rule.continue) break;
  }
  outcome.assign.push({ source: 'fallback', ruleId: null, target: config.routing.fallback.assign });
  return outcome;
}

/** The plain loop the index must agree with: every rule's compiled closure, in order. */
function loopEvaluate(compiled: ReturnType<typeof compileRules>, facts: RoutingFacts): RoutingOutcome {
  const context = compiled.context(facts);
  const outcome = new OutcomeBuilder(facts);
  for (const rule of compiled.rules) if (rule.condition.test(context) && outcome.add(rule)) break;
  return outcome.finish(compiled.fallback);
}

function allPassedAgree(trace: ConditionTrace, facts: RoutingFacts, condition: unknown): void {
  expect(trace.passed).toBe(naiveCondition(facts, condition));
}

describe('compiled routing on a realistic rule set (properties)', () => {
  const config = realisticConfig();
  const routing = compileRouting(config);
  const rules = compileRules(config);

  it('has a realistic size', () => {
    expect(routing.ruleCount).toBeGreaterThanOrEqual(28);
  });

  it('the index never changes a decision: evaluate = a plain loop over every rule = a naive interpreter', () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        const outcome = routing.evaluate(facts);
        expect(outcome).toEqual(loopEvaluate(rules, facts));
        expect(outcome).toEqual(naiveEvaluate(config, facts));
      }),
      { numRuns: 2000 },
    );
  });

  it('explain agrees with evaluate, and its traces with the conditions', () => {
    fc.assert(
      fc.property(arbitraryFacts, (facts) => {
        const { outcome, rules: traces } = routing.explain(facts);
        expect(outcome).toEqual(routing.evaluate(facts));
        expect(traces.map((t) => t.ruleId)).toEqual(config.routing.rules.map((r) => r.id));
        expect(traces.filter((t) => t.matched).map((t) => t.ruleId)).toEqual(outcome.matchedRuleIds);
        traces.forEach((trace, i) => {
          const rule = config.routing.rules[i];
          if (rule === undefined) throw new Error('rule count');
          if (trace.condition) {
            expect(trace.skippedBecause).toBeUndefined();
            allPassedAgree(trace.condition, facts, rule.when);
            expect(trace.matched).toBe(trace.condition.passed);
          } else {
            expect(trace.matched).toBe(false);
            expect(trace.skippedBecause).toEqual(expect.any(String));
            // Rules the index ruled out cannot match.
            if (!trace.skippedBecause?.includes('matched earlier')) expect(naiveCondition(facts, rule.when)).toBe(false);
          }
        });
      }),
      { numRuns: 1000 },
    );
  });
});
