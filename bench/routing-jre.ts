/**
 * The baseline of `routing.decide`: the same rules in json-rules-engine, which is what an
 * office integrator would otherwise pick.
 *
 * Translation: each rule becomes a json-rules-engine rule with a distinct priority in rule
 * order (higher runs first), so rules run one at a time in order; a matching rule that does
 * not continue stops the engine (`engine.stop()`), like our first-match semantics. Text
 * keyword tests need custom operators (json-rules-engine has no "contains any substring").
 * Facts are flattened per request from RoutingFacts (records become [id, code] lists so that
 * a park matches by either).
 */
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, OfficeConfig } from '../packages/community/src/config/config-schema.js';
import type { RoutingFacts } from '../packages/community/src/routing/types.js';

const LIST_FIELDS = new Set(['park', 'building', 'community', 'tags', 'enterprise.tags']);

type Leaf = { fact: string; operator: string; value: unknown };

function leaf(field: string, operator: string, value: unknown): Leaf {
  return { fact: field, operator, value };
}

function fieldTest(field: string, test: unknown): NestedCondition {
  const listy = LIST_FIELDS.has(field);
  if (typeof test !== 'object' || test === null) return leaf(field, listy ? 'contains' : 'equal', test);
  const parts: Leaf[] = Object.entries(test).map(([operator, argument]) => {
    switch (operator) {
      case 'eq':
      case 'includes':
        return leaf(field, listy ? 'contains' : 'equal', argument);
      case 'in':
        return leaf(field, listy ? 'intersects' : 'in', argument);
      case 'gt':
        return leaf(field, 'greaterThan', argument);
      case 'gte':
        return leaf(field, 'greaterThanInclusive', argument);
      case 'lt':
        return leaf(field, 'lessThan', argument);
      case 'lte':
        return leaf(field, 'lessThanInclusive', argument);
      case 'any':
        return leaf(field, 'containsAnyText', (argument as string[]).map((k) => k.toLowerCase()));
      case 'exists':
        return leaf(field, 'exists', argument);
      default:
        throw new Error(`bench translation: operator ${operator} is not used by the bench rules`);
    }
  });
  return parts.length === 1 ? (parts[0] as Leaf) : { all: parts };
}

function translate(condition: Condition): NestedCondition {
  const [[key, value]] = Object.entries(condition) as [[string, unknown]];
  if (key === 'all') return { all: (value as Condition[]).map(translate) };
  if (key === 'any') return { any: (value as Condition[]).map(translate) };
  if (key === 'not') return { not: translate(value as Condition) };
  return fieldTest(key, value);
}

function topLevel(condition: Condition): TopLevelCondition {
  const translated = translate(condition);
  return 'all' in translated || 'any' in translated || 'not' in translated ? (translated as TopLevelCondition) : { all: [translated] };
}

/** The flat facts json-rules-engine sees for one request. */
function engineFacts(facts: RoutingFacts): Record<string, unknown> {
  const flat: Record<string, unknown> = {
    category: facts.category,
    channel: facts.channel,
    priority: facts.priority,
    community: [facts.community.id, facts.community.code],
    park: facts.park ? [facts.park.id, facts.park.code] : undefined,
    building: facts.building ? [facts.building.id, facts.building.code] : undefined,
    'enterprise.industry': facts.enterprise?.industry ?? undefined,
    'enterprise.size': facts.enterprise?.size ?? undefined,
    'enterprise.tags': facts.enterprise?.tags ?? [],
    text: `${facts.title}\n${facts.description}`.toLowerCase(),
    title: facts.title.toLowerCase(),
    description: facts.description.toLowerCase(),
    tags: facts.tags,
  };
  for (const [code, value] of Object.entries(facts.attributes)) flat[`attributes.${code}`] = value;
  return flat;
}

/** What json-rules-engine decided: the matched rule ids in order, and the deciding rule (or null). */
export interface EngineDecision {
  matchedRuleIds: string[];
  decidingRuleId: string | null;
}

/** Builds the engine for a config; `decide(facts)` runs it for one request. */
export function jsonRulesEngine(config: OfficeConfig): { decide(facts: RoutingFacts): Promise<EngineDecision> } {
  const rules = config.routing.rules;
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator('containsAnyText', (fact: unknown, keywords: string[]) => typeof fact === 'string' && keywords.some((k) => fact.includes(k)));
  engine.addOperator('intersects', (fact: unknown, values: unknown[]) => Array.isArray(fact) && fact.some((v) => values.includes(v)));
  engine.addOperator('exists', (fact: unknown, wanted: boolean) => (fact !== undefined && fact !== null && !(Array.isArray(fact) && fact.length === 0)) === wanted);
  // The engine's `contains` refuses a missing fact; ours treats it as "does not contain", which is the same answer.
  let matched: number[] = [];
  rules.forEach((rule, index) => {
    engine.addRule({
      name: rule.id,
      priority: rules.length - index,
      conditions: topLevel(rule.when),
      event: { type: 'matched', params: { index } },
      onSuccess: () => {
        matched.push(index);
        if (!rule.continue) engine.stop();
      },
    });
  });
  return {
    async decide(facts) {
      matched = [];
      await engine.run(engineFacts(facts));
      const ids = matched.map((i) => rules[i]?.id ?? '?');
      const decider = matched.find((i) => rules[i]?.then.assign !== undefined);
      return { matchedRuleIds: ids, decidingRuleId: decider === undefined ? null : (rules[decider]?.id ?? null) };
    },
  };
}
