import type { AssignTarget, OfficeConfig, Rule } from '../config/config-schema.js';
import type { Priority } from '../model/request.js';
import type { CompiledCondition } from './conditions/compile-condition.js';
import type { AssignIntent, AssistTarget, RoutingOutcome, WatcherTarget } from './types.js';

/**
 * A rule ready to run — its compiled condition and its actions, prepared once — and the
 * accumulation of actions over the rules that match one request, shared by `evaluate`,
 * `explain` and any other loop over rules, so that they cannot disagree.
 */

/** A rule with its condition compiled and its actions prepared. */
export interface CompiledRule {
  readonly id: string;
  /** The rule's position in `routing.rules`. */
  readonly index: number;
  readonly condition: CompiledCondition;
  readonly assign: AssignTarget | null;
  readonly assists: readonly { ruleId: string; target: AssistTarget }[];
  readonly priority: Priority | null;
  readonly sla: string | null;
  readonly tags: readonly string[];
  readonly watchers: readonly WatcherTarget[];
  /** Whether later rules are still evaluated after this one matched. */
  readonly continues: boolean;
  /** Whether it does anything besides assigning (most rules do not). */
  readonly sideActions: boolean;
}

/** A deep copy that cannot be changed: one copy is shared by every outcome of the rule. */
function frozen<T>(value: T): T {
  const copy = structuredClone(value);
  const freeze = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    Object.freeze(node);
    for (const child of Object.values(node)) freeze(child);
  };
  freeze(copy);
  return copy;
}

/**
 * Prepares a rule's actions; the condition is compiled by the caller.
 *
 * @example
 * ```ts
 * const compiled = prepareRule(rule, 3, compileConditionNode(rule.when, 'when', environment));
 * compiled.continues; // rule.continue
 * ```
 */
export function prepareRule(rule: Rule, index: number, condition: CompiledCondition): CompiledRule {
  const then = rule.then;
  const assists = (then.assist ?? []).map((target) => frozen({ ruleId: rule.id, target }));
  const tags = [...(then.tags ?? [])];
  const watchers = (then.watchers ?? []).map(frozen);
  return {
    id: rule.id,
    index,
    condition,
    assign: then.assign === undefined ? null : frozen(then.assign),
    assists,
    priority: then.priority ?? null,
    sla: then.sla ?? null,
    tags,
    watchers,
    continues: rule.continue === true,
    sideActions: assists.length > 0 || then.priority !== undefined || then.sla !== undefined || tags.length > 0 || watchers.length > 0,
  };
}

/**
 * The fallback's target, shared (frozen) by every outcome.
 *
 * @example
 * ```ts
 * fallbackTarget(config); // { role: 'station_head' }
 * ```
 */
export function fallbackTarget(config: OfficeConfig): AssignTarget {
  return frozen(config.routing.fallback.assign);
}

function addAll(into: string[], items: readonly string[]): void {
  for (const item of items) if (!into.includes(item)) into.push(item);
}

/** Watchers are names or `{ captain: true }`; the captain counts once however often it is added. */
function addWatchers(into: WatcherTarget[], items: readonly WatcherTarget[]): void {
  for (const item of items) {
    const known = typeof item === 'string' ? into.includes(item) : into.some((w) => typeof w !== 'string');
    if (!known) into.push(item);
  }
}

/**
 * Accumulates the actions of the rules that match one request, in rule order: the first rule
 * that assigns decides; priority — a later rule overrides; SLA policy — the first wins; tags,
 * watchers and assisting units — the union, in order.
 *
 * @example
 * ```ts
 * const outcome = new OutcomeBuilder();
 * for (const rule of rules) if (rule.condition.test(context) && outcome.add(rule)) break;
 * outcome.finish(fallback);
 * ```
 */
export class OutcomeBuilder {
  private decider: CompiledRule | null = null;
  private readonly matched: string[] = [];
  // Most requests match one rule with no side actions: allocate these only when needed.
  private assists: { ruleId: string; target: AssistTarget }[] | null = null;
  private priority: Priority | null = null;
  private sla: string | null = null;
  private tags: string[] | null = null;
  private watchers: WatcherTarget[] | null = null;

  /** Records a matching rule; returns true when evaluation stops here (the rule does not continue). */
  add(rule: CompiledRule): boolean {
    this.matched.push(rule.id);
    if (rule.assign !== null && this.decider === null) this.decider = rule;
    if (rule.sideActions) {
      if (rule.assists.length > 0) (this.assists ??= []).push(...rule.assists);
      if (rule.priority !== null) this.priority = rule.priority;
      if (this.sla === null) this.sla = rule.sla;
      if (rule.tags.length > 0) addAll((this.tags ??= []), rule.tags);
      if (rule.watchers.length > 0) addWatchers((this.watchers ??= []), rule.watchers);
    }
    return !rule.continues;
  }

  /** The outcome: the deciding rule's target (if any), then the fallback. */
  finish(fallback: AssignTarget): RoutingOutcome {
    const decider = this.decider;
    const last: AssignIntent = { source: 'fallback', ruleId: null, target: fallback };
    return {
      assign: decider === null || decider.assign === null ? [last] : [{ source: 'rule', ruleId: decider.id, target: decider.assign }, last],
      assists: this.assists ?? [],
      priority: this.priority,
      sla: this.sla,
      tags: this.tags ?? [],
      watchers: this.watchers ?? [],
      matchedRuleIds: this.matched,
    };
  }
}
