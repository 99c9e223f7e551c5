import { KechuangError } from '../errors/kechuang-error.js';
import { PLUGIN_NAME_PATTERN, type PluginAssignmentStrategy, type PluginRoutingAction } from './plugin-routing.js';

/**
 * The plugins' routing actions and assignment strategies, by name. As with plugin operators, a
 * bad registration is the plugin's fault, not the office's: PLUGIN_ERROR, not a config problem.
 */

/** The strategies every config can use; plugins add namespaced ones. */
export const BUILTIN_STRATEGIES = ['round_robin', 'least_loaded'] as const;

/** Whether `name` is a built-in strategy rather than a plugin's. */
export function isBuiltinStrategy(name: string): name is (typeof BUILTIN_STRATEGIES)[number] {
  return name === 'round_robin' || name === 'least_loaded';
}

function registry<T extends { name: string }>(items: readonly T[], what: string, run: keyof T & string): ReadonlyMap<string, T> {
  const out = new Map<string, T>();
  for (const item of items) {
    const name: unknown = item.name;
    let why: string | null = null;
    if (typeof name !== 'string' || !PLUGIN_NAME_PATTERN.test(name)) why = `the name ${JSON.stringify(name)} must be <plugin-id>.<name>, e.g. duplicates.flag`;
    else if (out.has(name)) why = `${name} is registered twice`;
    else if (typeof item[run] !== 'function') why = `${name} has no ${run} function`;
    if (why !== null) throw new KechuangError('PLUGIN_ERROR', `Cannot register a ${what}: ${why}.`, { name: String(name) });
    out.set(name as string, item);
  }
  return out;
}

/**
 * The plugin routing actions by name.
 *
 * @example
 * ```ts
 * actionRegistry([{ name: 'vip.flag', apply: () => ({ priority: 'urgent' }) }]).get('vip.flag');
 * actionRegistry([{ name: 'flag', apply }]); // throws PLUGIN_ERROR: the name needs its plugin's id
 * ```
 */
export function actionRegistry(actions: readonly PluginRoutingAction[] = []): ReadonlyMap<string, PluginRoutingAction> {
  return registry(actions, 'routing action', 'apply');
}

/**
 * The plugin assignment strategies by name.
 *
 * @example
 * ```ts
 * strategyRegistry([{ name: 'seniority.most_senior', choose: (candidates) => candidates[0] ?? null }]);
 * ```
 */
export function strategyRegistry(strategies: readonly PluginAssignmentStrategy[] = []): ReadonlyMap<string, PluginAssignmentStrategy> {
  return registry(strategies, 'assignment strategy', 'choose');
}
