import type { AssignTarget, OfficeConfig, Rule } from '../config/config-schema.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { Priority } from '../model/request.js';
import type { CompiledCondition } from './conditions/compile-condition.js';
import { compilePluginAction, type CompiledPluginAction } from './plugin-actions.js';
import type { PluginActionEffect, PluginActionRun, PluginRoutingAction } from './plugin-routing.js';
import type { AssignIntent, AssistTarget, RoutingFacts, RoutingOutcome, WatcherTarget } from './types.js';

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
  /** The rule's plugin actions, in the order written; they run after its own actions. */
  readonly actions: readonly CompiledPluginAction[];
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

/** What preparing a rule's plugin actions needs: the registered actions and the config's SLA policies. */
export interface PluginActionSetup {
  actions: ReadonlyMap<string, PluginRoutingAction>;
  /** The SLA policy ids the config declares; an action's effect may name only these. */
  slaPolicies: readonly string[];
}

const NO_PLUGIN_ACTIONS: PluginActionSetup = { actions: new Map(), slaPolicies: [] };

/**
 * Prepares a rule's actions; the condition is compiled by the caller.
 *
 * @param plugins the registered plugin actions, for a rule with `then.plugins` (checked by
 *   `checkRouting` first; an unregistered one here is PLUGIN_ERROR)
 * @example
 * ```ts
 * const compiled = prepareRule(rule, 3, compileConditionNode(rule.when, 'when', environment));
 * compiled.continues; // rule.continue
 * ```
 */
export function prepareRule(rule: Rule, index: number, condition: CompiledCondition, plugins: PluginActionSetup = NO_PLUGIN_ACTIONS): CompiledRule {
  const then = rule.then;
  const assists = (then.assist ?? []).map((target) => frozen({ ruleId: rule.id, target }));
  const tags = [...(then.tags ?? [])];
  const watchers = (then.watchers ?? []).map(frozen);
  const actions = Object.entries(then.plugins ?? {}).map(([name, argument]) => {
    const definition = plugins.actions.get(name);
    if (definition === undefined) throw new KechuangError('PLUGIN_ERROR', `Rule '${rule.id}' runs the routing action '${name}', which no plugin registers. Install its plugin, or remove the action from the rule.`, { action: name, ruleId: rule.id });
    return compilePluginAction(definition, argument, rule.id, plugins.slaPolicies);
  });
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
    actions,
    continues: rule.continue === true,
    sideActions: assists.length > 0 || then.priority !== undefined || then.sla !== undefined || tags.length > 0 || watchers.length > 0 || actions.length > 0,
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
 * watchers and assisting units — the union, in order. A rule's plugin actions run after its
 * own actions and merge the same way; each run is listed in `pluginActions`.
 *
 * @example
 * ```ts
 * const outcome = new OutcomeBuilder(facts);
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
  private runs: PluginActionRun[] | null = null;

  /**
   * @param facts the request's facts, which plugin actions read; needed only when a rule has
   *   plugin actions
   */
  constructor(private readonly facts: RoutingFacts | null = null) {}

  /** Records a matching rule; returns true when evaluation stops here (the rule does not continue). */
  add(rule: CompiledRule): boolean {
    this.matched.push(rule.id);
    if (rule.assign !== null && this.decider === null) this.decider = rule;
    if (rule.sideActions) {
      if (rule.assists.length > 0) (this.assists ??= []).push(...rule.assists);
      this.merge(rule);
      for (const action of rule.actions) {
        if (this.facts === null) throw new KechuangError('PLUGIN_ERROR', `Rule '${rule.id}' has plugin actions, which need the request's facts: pass them to new OutcomeBuilder(facts).`, { ruleId: rule.id });
        const effect = action.run(this.facts);
        (this.runs ??= []).push({ ruleId: rule.id, name: action.name, effect });
        this.merge(effect);
      }
    }
    return !rule.continues;
  }

  /** Merges a rule's own side actions, or a plugin action's effect, the same way. */
  private merge(effect: PluginActionEffect | CompiledRule): void {
    if (effect.priority !== undefined && effect.priority !== null) this.priority = effect.priority;
    if (this.sla === null) this.sla = effect.sla ?? null;
    if (effect.tags !== undefined && effect.tags.length > 0) addAll((this.tags ??= []), effect.tags);
    if (effect.watchers !== undefined && effect.watchers.length > 0) addWatchers((this.watchers ??= []), effect.watchers);
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
      pluginActions: this.runs ?? [],
    };
  }
}
