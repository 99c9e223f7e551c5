import type { OfficeConfig } from '../config/config-schema.js';
import { checkCondition, type ConditionCheckContext } from './conditions/check-condition.js';
import { isPlainObject } from './conditions/condition-shape.js';
import { operatorRegistry } from './conditions/operator-registry.js';
import { closest } from './did-you-mean.js';
import { PLUGIN_NAME_PATTERN, type PluginAssignmentStrategy, type PluginRoutingAction } from './plugin-routing.js';
import { BUILTIN_STRATEGIES, actionRegistry, isBuiltinStrategy, strategyRegistry } from './plugin-routing-registry.js';
import type { ConfigProblem, OperatorDefinition } from './types.js';

/**
 * Checking an office's routing before it goes live: every problem at once, each with a path
 * into the document and, where a close valid name exists, a "did you mean".
 */

type Path = (string | number)[];

/** Options of {@link checkRouting} and `compileRouting`. */
export interface RoutingOptions {
  /**
   * Plugin condition operators, used as `{ <field>: { '<ns>.<op>': argument } }`.
   * @default []
   */
  operators?: readonly OperatorDefinition[];
  /**
   * Plugin routing actions, used as `then: { plugins: { '<plugin-id>.<name>': argument } }`.
   * @default []
   */
  actions?: readonly PluginRoutingAction[];
  /**
   * Plugin assignment strategies, used as `assign: { team, strategy: '<plugin-id>.<name>' }`.
   * @default []
   */
  strategies?: readonly PluginAssignmentStrategy[];
}

function listed(values: readonly string[]): string {
  return values.length === 0 ? 'none' : `${values.slice(0, 12).join(', ')}${values.length > 12 ? ', …' : ''}`;
}

function ids<T>(items: readonly T[] | undefined, key: (item: T) => unknown): string[] {
  return (items ?? []).map(key).filter((id): id is string => typeof id === 'string');
}

/** A reference to a declared portfolio / SLA policy; only checked when the config declares some. */
function checkReference(value: unknown, path: Path, declared: readonly string[], noun: string, list: string, out: ConfigProblem[]): void {
  if (typeof value !== 'string' || declared.length === 0 || declared.includes(value)) return;
  const found: ConfigProblem = {
    path,
    code: 'unknown_reference',
    message: `unknown ${noun} "${value}": declare it under ${list} or name a declared one (${listed(declared)})`,
  };
  const suggestion = closest(value, declared);
  if (suggestion !== undefined) found.suggestion = suggestion;
  out.push(found);
}

/** What the plugins registered, by name, and what the config declares, for the checks of a rule's actions. */
interface ActionContext {
  portfolios: readonly string[];
  actions: ReadonlyMap<string, PluginRoutingAction>;
  strategies: ReadonlyMap<string, PluginAssignmentStrategy>;
}

function checkStrategy(strategy: unknown, path: Path, strategies: ReadonlyMap<string, PluginAssignmentStrategy>, out: ConfigProblem[]): void {
  // Anything but a plugin-style name is the schema's to refuse.
  if (typeof strategy !== 'string' || isBuiltinStrategy(strategy) || strategies.has(strategy) || !PLUGIN_NAME_PATTERN.test(strategy)) return;
  const names = [...BUILTIN_STRATEGIES, ...strategies.keys()];
  const found: ConfigProblem = {
    path,
    code: 'unknown_strategy',
    message: `no plugin registers the assignment strategy "${strategy}": use one of ${listed(names)}`,
  };
  const suggestion = closest(strategy, names);
  if (suggestion !== undefined) found.suggestion = suggestion;
  out.push(found);
}

function checkAssign(assign: unknown, path: Path, context: ActionContext, out: ConfigProblem[]): void {
  if (!isPlainObject(assign)) return;
  if ('portfolio' in assign) checkReference(assign['portfolio'], [...path, 'portfolio'], context.portfolios, 'portfolio', 'portfolios', out);
  if ('team' in assign) checkStrategy(assign['strategy'], [...path, 'strategy'], context.strategies, out);
}

/** Each plugin action must be registered, and its own `validate` must accept its argument. */
function checkPluginActions(plugins: unknown, path: Path, actions: ReadonlyMap<string, PluginRoutingAction>, out: ConfigProblem[]): void {
  if (!isPlainObject(plugins)) return;
  for (const [name, argument] of Object.entries(plugins)) {
    const at = [...path, name];
    const action = actions.get(name);
    if (action === undefined) {
      const names = [...actions.keys()];
      const known = names.length === 0 ? 'no plugin of this community registers any' : `registered: ${listed(names)}`;
      const found: ConfigProblem = { path: at, code: 'unknown_action', message: `no plugin registers the routing action "${name}" (${known})` };
      const suggestion = closest(name, names);
      if (suggestion !== undefined) found.suggestion = suggestion;
      out.push(found);
      continue;
    }
    let message: unknown = null;
    try {
      message = action.validate?.(argument) ?? null;
    } catch (error) {
      message = `the action's validate() failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (typeof message === 'string' && message.length > 0) out.push({ path: at, code: 'invalid_argument', message: `${name}: ${message}` });
  }
}

function isEmptyAction(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) || (isPlainObject(value) && Object.keys(value).length === 0);
}

/**
 * Every problem in the config's routing rules and fallback:
 * - conditions: unknown fields (`unknown_field`, suggesting the closest one), undeclared
 *   attributes (`unknown_attribute`), unknown operators (`unknown_operator`), wrong arguments
 *   (`invalid_argument`), regular expressions that do not compile (`invalid_regex`) or could
 *   take exponential time (`unsafe_regex`), operators that cannot apply to a field
 *   (`operator_not_applicable`), values a field never takes (`unknown_value`, e.g. a channel);
 * - references to undeclared categories, portfolios and SLA policies (`unknown_reference`;
 *   only checked when the config declares some);
 * - duplicate rule ids (`duplicate_rule_id`) and rules whose `then` does nothing (`empty_actions`);
 * - plugin routing actions no plugin registers (`unknown_action`) or whose `validate` refuses
 *   the argument (`invalid_argument`), and plugin assignment strategies no plugin registers
 *   (`unknown_strategy`), each with the closest registered name.
 *
 * Bad plugin registrations (operators, actions, strategies) throw PLUGIN_ERROR.
 *
 * @param config a config that passed the schema
 * @example
 * ```ts
 * const problems = checkRouting(config);
 * // [{ path: ['routing', 'rules', 3, 'when', 'catgory'], code: 'unknown_field',
 * //    message: 'unknown field "catgory": use one of category, channel, …', suggestion: 'category' }]
 * ```
 */
export function checkRouting(config: OfficeConfig, options: RoutingOptions = {}): ConfigProblem[] {
  const operators = operatorRegistry(options.operators);
  const out: ConfigProblem[] = [];
  const categories = config.categories ?? [];
  const attributes = new Map<string, Set<string>>();
  for (const category of categories) {
    for (const attribute of category.attributes ?? []) {
      const types = attributes.get(attribute.code) ?? new Set<string>();
      types.add(attribute.type);
      attributes.set(attribute.code, types);
    }
  }
  const context: ConditionCheckContext = {
    operators,
    categories: ids(categories, (c) => c.id),
    attributes: categories.length > 0 ? attributes : null,
  };
  const portfolios = ids(config.portfolios, (p) => p.id);
  const slaPolicies = ids(config.slaPolicies, (p) => p.id);
  const registered: ActionContext = { portfolios, actions: actionRegistry(options.actions), strategies: strategyRegistry(options.strategies) };

  const rules: readonly unknown[] = Array.isArray(config.routing?.rules) ? config.routing.rules : [];
  const firstIndex = new Map<string, number>();
  rules.forEach((rule, r) => {
    const path: Path = ['routing', 'rules', r];
    if (!isPlainObject(rule)) {
      out.push({ path, code: 'invalid_rule', message: 'a rule is an object with id, when and then' });
      return;
    }
    const id = rule['id'];
    if (typeof id === 'string') {
      const earlier = firstIndex.get(id);
      if (earlier === undefined) firstIndex.set(id, r);
      else out.push({ path: [...path, 'id'], code: 'duplicate_rule_id', message: `rule id "${id}" is already used by routing.rules[${earlier}]; give each rule its own id` });
    }
    checkCondition(rule['when'], [...path, 'when'], context, out);
    const then = rule['then'];
    if (!isPlainObject(then)) return;
    if (Object.values(then).every(isEmptyAction)) {
      out.push({ path: [...path, 'then'], code: 'empty_actions', message: 'this rule does nothing when it matches: add assign, assist, priority, sla, tags, watchers or plugins, or remove the rule' });
    }
    checkAssign(then['assign'], [...path, 'then', 'assign'], registered, out);
    checkReference(then['sla'], [...path, 'then', 'sla'], slaPolicies, 'SLA policy', 'slaPolicies', out);
    checkPluginActions(then['plugins'], [...path, 'then', 'plugins'], registered.actions, out);
  });
  checkAssign(config.routing?.fallback?.assign, ['routing', 'fallback', 'assign'], registered, out);
  return out;
}
