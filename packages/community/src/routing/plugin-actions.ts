import { KechuangError } from '../errors/kechuang-error.js';
import { priorities, type Priority } from '../model/request.js';
import type { PluginActionEffect, PluginRoutingAction } from './plugin-routing.js';
import type { RoutingFacts, WatcherTarget } from './types.js';

/**
 * A rule's plugin actions, prepared once per config, and what running one for a request
 * yields. A plugin's code runs inside every routing decision, so whatever it does wrong —
 * throwing, or returning something the outcome cannot hold — fails that decision loudly with
 * PLUGIN_ERROR naming the action and the rule, never a request routed on half an outcome.
 */

/** One plugin action of a rule, ready to run. */
export interface CompiledPluginAction {
  /** The action's namespaced name. */
  readonly name: string;
  /** Runs the action for one request: its effect, checked. */
  run(facts: RoutingFacts): PluginActionEffect;
}

const MAX_ITEMS = 20;
const MAX_TAG = 50;
const EFFECT_KEYS = ['tags', 'priority', 'sla', 'watchers'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isTag = (t: unknown): t is string => typeof t === 'string' && t.trim().length > 0 && t.trim().length <= MAX_TAG;
const isPriority = (p: unknown): p is Priority => priorities.some((known) => known === p);
const isWatcher = (w: unknown): w is WatcherTarget =>
  (typeof w === 'string' && w.trim().length > 0 && w.trim().length <= 64) || (isObject(w) && w['captain'] === true && Object.keys(w).length === 1);

/** Why `value` is not a usable effect, or null; `effect` receives the checked copy. */
function effectProblem(value: unknown, slaPolicies: readonly string[], effect: PluginActionEffect): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Promise) return 'it returned a promise; apply() must return its effect synchronously';
  if (!isObject(value)) return `it returned ${Array.isArray(value) ? 'a list' : typeof value}; return an object with tags, priority, sla or watchers, or null`;
  const extra = Object.keys(value).filter((key) => !EFFECT_KEYS.includes(key));
  if (extra.length > 0) return `it returned ${extra.map((k) => `"${k}"`).join(', ')}, which an action cannot set; use tags, priority, sla or watchers`;
  const { tags, priority, sla, watchers } = value;
  if (tags !== undefined) {
    if (!Array.isArray(tags) || tags.length > MAX_ITEMS || !tags.every(isTag)) return `its tags must be a list of at most ${MAX_ITEMS} texts of 1–${MAX_TAG} characters`;
    effect.tags = tags.map((t) => t.trim());
  }
  if (priority !== undefined) {
    if (!isPriority(priority)) return `its priority must be one of ${priorities.join(', ')}, not ${JSON.stringify(priority)}`;
    effect.priority = priority;
  }
  if (sla !== undefined) {
    if (typeof sla !== 'string' || !slaPolicies.includes(sla)) {
      const declared = slaPolicies.length === 0 ? 'it declares none' : `declared: ${slaPolicies.join(', ')}`;
      return `its SLA policy ${JSON.stringify(sla)} is not one the office's config declares (${declared})`;
    }
    effect.sla = sla;
  }
  if (watchers !== undefined) {
    if (!Array.isArray(watchers) || watchers.length > MAX_ITEMS || !watchers.every(isWatcher)) {
      return `its watchers must be a list of at most ${MAX_ITEMS} member ids or staff numbers, or { captain: true }`;
    }
    effect.watchers = watchers.map((w) => (typeof w === 'string' ? w.trim() : { captain: true as const }));
  }
  return null;
}

function failure(name: string, ruleId: string, reason: string, cause?: unknown): KechuangError {
  const plugin = name.slice(0, name.indexOf('.'));
  return new KechuangError(
    'PLUGIN_ERROR',
    `Routing action '${name}' of plugin '${plugin}' failed in rule '${ruleId}': ${reason}. Nothing was routed; fix the plugin, or remove the action from the rule.`,
    { plugin, action: name, ruleId },
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Prepares one plugin action of a rule: the argument is copied and frozen, so an action can
 * neither change the config nor see a change between requests.
 *
 * @param slaPolicies the SLA policy ids the config declares; an effect may name only these
 * @example
 * ```ts
 * const action = compilePluginAction(definition, { tag: '重点企业' }, 'vip_first', ['assistance']);
 * action.run(facts); // { tags: ['重点企业'] } — or PLUGIN_ERROR naming vip.flag and vip_first
 * ```
 */
export function compilePluginAction(definition: PluginRoutingAction, argument: unknown, ruleId: string, slaPolicies: readonly string[]): CompiledPluginAction {
  const name = definition.name;
  const frozen = deepFreeze(structuredClone(argument));
  return {
    name,
    run(facts) {
      let value: unknown;
      try {
        value = definition.apply(frozen, facts);
      } catch (error) {
        throw failure(name, ruleId, error instanceof Error ? error.message : String(error), error);
      }
      const effect: PluginActionEffect = {};
      const problem = effectProblem(value, slaPolicies, effect);
      if (problem !== null) throw failure(name, ruleId, problem);
      return effect;
    },
  };
}

/** Freezes a value and everything in it, in place. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
