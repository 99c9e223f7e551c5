import { closest } from '../did-you-mean.js';
import type { ConfigProblem, OperatorDefinition } from '../types.js';
import { conditionShape, isPlainObject, isScalar } from './condition-shape.js';
import { ATTRIBUTES_PREFIX, FIELD_NAMES, fieldSpec, type FieldSpec } from './fields.js';
import { BUILTIN_OPERATORS, NUMERIC_OPERATORS, builtinArgumentProblem, isBuiltinOperator } from './operators.js';

/**
 * Checking one routing condition: every problem at once, each with its path into the config
 * document, so an office fixes its file in one round instead of one error per reload.
 */

type Path = (string | number)[];

/** What a condition is checked against: the plugin operators and what the config declares. */
export interface ConditionCheckContext {
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
  /** Declared category ids; empty: the config declares none, so category values are not checked. */
  readonly categories: readonly string[];
  /** Declared attribute codes with their types; null when no categories are declared. */
  readonly attributes: ReadonlyMap<string, ReadonlySet<string>> | null;
}

function listed(values: readonly string[], max = 12): string {
  return `${values.slice(0, max).join(', ')}${values.length > max ? ', …' : ''}`;
}

function problem(path: Path, code: string, message: string, suggestion?: string): ConfigProblem {
  return suggestion === undefined ? { path, code, message } : { path, code, message, suggestion };
}

function fieldCandidates(context: ConditionCheckContext): string[] {
  const attributes = context.attributes ? [...context.attributes.keys()].map((code) => `${ATTRIBUTES_PREFIX}${code}`) : [];
  return [...FIELD_NAMES, ...attributes, 'all', 'any', 'not'];
}

/** A compared value that cannot occur: an undeclared category, or a channel/priority/size that does not exist. */
function checkValue(field: FieldSpec, value: unknown, path: Path, context: ConditionCheckContext, out: ConfigProblem[]): void {
  if (field.name === 'category' && context.categories.length > 0 && !context.categories.includes(value as string)) {
    const suggestion = typeof value === 'string' ? closest(value, context.categories) : undefined;
    out.push(problem(path, 'unknown_reference', `unknown category ${JSON.stringify(value)}: name a declared category (${listed(context.categories)})`, suggestion));
  } else if (field.values !== undefined && !field.values.includes(value as string)) {
    const suggestion = typeof value === 'string' ? closest(value, field.values) : undefined;
    out.push(problem(path, 'unknown_value', `${field.name} is never ${JSON.stringify(value)}: use one of ${listed(field.values)}`, suggestion));
  }
}

/** An operator that cannot apply to the field, e.g. `gte` on `category` (never a number). */
function applicability(field: FieldSpec, operator: string, context: ConditionCheckContext): string | null {
  const declared = field.kind === 'dynamic' && context.attributes ? context.attributes.get(field.name.slice(ATTRIBUTES_PREFIX.length)) : undefined;
  if (NUMERIC_OPERATORS.has(operator)) {
    if (!field.numeric) return `${operator} compares numbers, and ${field.name} is never a number; use eq or in`;
    if (declared && !declared.has('number')) return `${operator} compares numbers, and ${field.name} is declared as ${listed([...declared])}; declare it as number or use eq/in`;
  }
  if (operator === 'includes') {
    if (!field.listy) return `includes tests a list (tags, enterprise.tags, a multi attribute), and ${field.name} is a single value; use eq, or any for keywords`;
    if (declared && !declared.has('multi')) return `includes tests a list, and ${field.name} is declared as ${listed([...declared])}; use eq`;
  }
  return null;
}

function checkOperator(field: FieldSpec, operator: string, argument: unknown, path: Path, context: ConditionCheckContext, out: ConfigProblem[]): void {
  if (isBuiltinOperator(operator)) {
    const found = builtinArgumentProblem(operator, argument);
    if (found) {
      out.push(problem(found.at === undefined ? path : [...path, found.at], found.code, found.message));
      return;
    }
    const misfit = applicability(field, operator, context);
    if (misfit !== null) out.push(problem(path, 'operator_not_applicable', misfit));
    if (operator === 'eq' || operator === 'ne' || operator === 'includes') checkValue(field, argument, path, context, out);
    if (operator === 'in' || operator === 'not_in') (argument as unknown[]).forEach((item, i) => checkValue(field, item, [...path, i], context, out));
    return;
  }
  const custom = context.operators.get(operator);
  if (custom) {
    let message: string | null = null;
    try {
      message = custom.validate?.(argument) ?? null;
    } catch (error) {
      message = `the operator's validate() failed: ${error instanceof Error ? error.message : String(error)}`;
    }
    if (message !== null) out.push(problem(path, 'invalid_argument', `${operator}: ${message}`));
    return;
  }
  const names = [...BUILTIN_OPERATORS, ...context.operators.keys()];
  const hint = operator.includes('.') ? `no plugin registers the operator "${operator}"` : `unknown operator "${operator}"`;
  out.push(problem(path, 'unknown_operator', `${hint}: use one of ${names.join(', ')}`, closest(operator, names)));
}

function checkFieldTest(name: string, test: unknown, path: Path, context: ConditionCheckContext, out: ConfigProblem[]): void {
  const field = fieldSpec(name);
  if (field === null) {
    const candidates = fieldCandidates(context);
    out.push(problem(path, 'unknown_field', `unknown field "${name}": use one of ${listed(FIELD_NAMES, 20)} or attributes.<code>`, closest(name, candidates)));
    return;
  }
  if (field.kind === 'dynamic' && context.attributes !== null) {
    const code = name.slice(ATTRIBUTES_PREFIX.length);
    if (!context.attributes.has(code)) {
      const declared = [...context.attributes.keys()];
      const known = declared.length === 0 ? 'no category declares attributes' : `declared: ${listed(declared)}`;
      const suggestion = closest(code, declared);
      out.push(
        problem(path, 'unknown_attribute', `no category declares the attribute "${code}" (${known}); declare it under a category's attributes`, suggestion === undefined ? undefined : `${ATTRIBUTES_PREFIX}${suggestion}`),
      );
    }
  }
  if (isScalar(test)) {
    checkValue(field, test, path, context, out);
    return;
  }
  if (!isPlainObject(test)) {
    out.push(problem(path, 'invalid_argument', `test ${name} with a value (equality) or with operators, e.g. { ${name}: { in: [a, b] } }`));
    return;
  }
  const entries = Object.entries(test);
  if (entries.length === 0) out.push(problem(path, 'invalid_argument', 'give at least one operator, e.g. { in: [a, b] }'));
  for (const [operator, argument] of entries) checkOperator(field, operator, argument, [...path, operator], context, out);
}

/**
 * Appends to `out` every problem in `condition`, found at `path` in the config document.
 *
 * @example
 * ```ts
 * const out: ConfigProblem[] = [];
 * checkCondition({ catgory: 'legal' }, ['routing', 'rules', 0, 'when'], context, out);
 * out[0]; // { path: [..., 'when', 'catgory'], code: 'unknown_field', suggestion: 'category', ... }
 * ```
 */
export function checkCondition(condition: unknown, path: Path, context: ConditionCheckContext, out: ConfigProblem[]): void {
  const shape = conditionShape(condition);
  switch (shape.kind) {
    case 'invalid':
      out.push(problem(path, 'invalid_condition', shape.why));
      return;
    case 'all':
    case 'any':
      shape.items.forEach((item, i) => checkCondition(item, [...path, shape.kind, i], context, out));
      return;
    case 'not':
      checkCondition(shape.item, [...path, 'not'], context, out);
      return;
    case 'field':
      checkFieldTest(shape.field, shape.test, [...path, shape.field], context, out);
  }
}
