import type { OfficeConfig } from '../config/config-schema.js';
import { checkCondition, type ConditionCheckContext } from './conditions/check-condition.js';
import { isPlainObject } from './conditions/condition-shape.js';
import { operatorRegistry } from './conditions/operator-registry.js';
import { closest } from './did-you-mean.js';
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

function checkAssign(assign: unknown, path: Path, portfolios: readonly string[], out: ConfigProblem[]): void {
  if (isPlainObject(assign) && 'portfolio' in assign) checkReference(assign['portfolio'], [...path, 'portfolio'], portfolios, 'portfolio', 'portfolios', out);
}

function isEmptyAction(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0);
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
 * - duplicate rule ids (`duplicate_rule_id`) and rules whose `then` does nothing (`empty_actions`).
 *
 * Bad plugin operator registrations throw PLUGIN_ERROR (see `operatorRegistry`).
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
      out.push({ path: [...path, 'then'], code: 'empty_actions', message: 'this rule does nothing when it matches: add assign, assist, priority, sla, tags or watchers, or remove the rule' });
    }
    checkAssign(then['assign'], [...path, 'then', 'assign'], portfolios, out);
    checkReference(then['sla'], [...path, 'then', 'sla'], slaPolicies, 'SLA policy', 'slaPolicies', out);
  });
  checkAssign(config.routing?.fallback?.assign, ['routing', 'fallback', 'assign'], portfolios, out);
  return out;
}
