import type { Condition } from '../../config/config-schema.js';
import { KechuangError } from '../../errors/kechuang-error.js';
import type { ConditionTrace, ConfigProblem, OperatorDefinition, RoutingFacts } from '../types.js';
import { checkCondition } from './check-condition.js';
import { conditionShape, isScalar } from './condition-shape.js';
import { EvaluationContext } from './evaluation-context.js';
import { fieldSpec, isMissing } from './fields.js';
import { KeywordSet } from './keyword-set.js';
import { operatorRegistry } from './operator-registry.js';
import { compileOperator, type CompileEnvironment, type CompiledOperator } from './operators.js';

/**
 * Compiling a condition tree into closures, once per config version: evaluating a request
 * then never walks the JSON tree again, and every argument is prepared in advance (sets for
 * `in`, RegExp objects, keyword ids in the shared scan).
 */

/** A compiled condition: a fast test, and a tracing twin for `explain` that never short-circuits. */
export interface CompiledCondition {
  test(context: EvaluationContext): boolean;
  /** Evaluates every node (no short-circuit) and reports each; `passed` always equals `test`. */
  trace(context: EvaluationContext): ConditionTrace;
}

/** Compiling assumes a checked condition; reaching this means a caller skipped the check. */
function unchecked(path: string, why: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `Invalid condition at ${path}: ${why}. Check the config with checkRouting first.`, {
    issues: [{ path: path.split('.'), message: why, code: 'invalid_condition' }],
  });
}

function compileField(name: string, test: unknown, path: string, environment: CompileEnvironment): CompiledCondition {
  const field = fieldSpec(name);
  if (field === null) throw unchecked(path, `unknown field ${name}`);
  const operators: CompiledOperator[] = isScalar(test)
    ? [compileOperator(field, 'eq', test, environment)]
    : Object.entries(test as Record<string, unknown>).map(([operator, argument]) => compileOperator(field, operator, argument, environment));
  const get = field.get;
  const expected = isScalar(test) ? test : undefined;
  const one = (operator: CompiledOperator, value: unknown, context: EvaluationContext): boolean =>
    isMissing(value) ? operator.whenMissing : operator.test(value, context);
  const node = (operator: CompiledOperator, value: unknown, context: EvaluationContext, at: string): ConditionTrace => ({
    path: at,
    kind: name,
    operator: operator.operator,
    expected: expected ?? operator.argument,
    actual: value ?? null,
    passed: one(operator, value, context),
  });

  const single = operators[0];
  if (operators.length === 1 && single !== undefined) {
    const { test: check, whenMissing } = single;
    if (field.textSource !== undefined && (single.operator === 'any' || single.operator === 'all_of')) {
      // Keyword tests on the text read the shared scan, never the value (title and description
      // are always strings, never missing): skip building the joined text.
      return { test: (context) => check(undefined, context), trace: (context) => node(single, get(context), context, path) };
    }
    return {
      test: (context) => {
        const value = get(context);
        return isMissing(value) ? whenMissing : check(value, context);
      },
      trace: (context) => node(single, get(context), context, path),
    };
  }
  // Several operators on one field (`{ gte: 10000, lt: 50000 }`): all must hold.
  return {
    test: (context) => {
      const value = get(context);
      for (const operator of operators) if (!one(operator, value, context)) return false;
      return true;
    },
    trace: (context) => {
      const value = get(context);
      const children = operators.map((operator) => node(operator, value, context, `${path}.${name}.${operator.operator}`));
      return { path, kind: name, expected: test, actual: value ?? null, passed: children.every((child) => child.passed), children };
    },
  };
}

/**
 * Compiles a condition that has been checked (see `checkRouting`); `path` names it in traces,
 * e.g. `when` or `when.all[1]`. Keyword tests register their keywords in
 * `environment.keywords`; seal it before evaluating.
 *
 * @example
 * ```ts
 * const environment = { keywords: new KeywordSet(), operators: operatorRegistry() };
 * const node = compileConditionNode({ text: { any: ['欠款'] } }, 'when', environment);
 * environment.keywords.seal();
 * node.test(new EvaluationContext(facts, environment.keywords));
 * ```
 */
export function compileConditionNode(condition: Condition | unknown, path: string, environment: CompileEnvironment): CompiledCondition {
  const shape = conditionShape(condition);
  switch (shape.kind) {
    case 'invalid':
      throw unchecked(path, shape.why);
    case 'field':
      return compileField(shape.field, shape.test, path, environment);
    case 'not': {
      const inner = compileConditionNode(shape.item, `${path}.not`, environment);
      return {
        test: (context) => !inner.test(context),
        trace: (context) => {
          const child = inner.trace(context);
          return { path, kind: 'not', passed: !child.passed, children: [child] };
        },
      };
    }
    case 'all':
    case 'any': {
      const kind = shape.kind;
      const items = shape.items.map((item, i) => compileConditionNode(item, `${path}.${kind}[${i}]`, environment));
      const test =
        kind === 'all'
          ? (context: EvaluationContext): boolean => {
              for (const item of items) if (!item.test(context)) return false;
              return true;
            }
          : (context: EvaluationContext): boolean => {
              for (const item of items) if (item.test(context)) return true;
              return false;
            };
      return {
        test,
        trace: (context) => {
          const children = items.map((item) => item.trace(context));
          const passed = kind === 'all' ? children.every((c) => c.passed) : children.some((c) => c.passed);
          return { path, kind, passed, children };
        },
      };
    }
  }
}

/** A condition compiled on its own, testing facts directly. */
export interface StandaloneCondition {
  test(facts: RoutingFacts): boolean;
  trace(facts: RoutingFacts): ConditionTrace;
}

/**
 * Compiles a single condition outside a rule set (checked first; VALIDATION_FAILED lists its
 * problems). `compileRouting` is what routing uses; this serves tools and tests that need one
 * condition, e.g. a "does this request match?" preview.
 *
 * @example
 * ```ts
 * const legal = compileCondition({ text: { any: ['欠款', '尾款'] } });
 * legal.test(facts); // true when the title or description mentions either
 * ```
 */
export function compileCondition(condition: Condition, options: { operators?: readonly OperatorDefinition[] } = {}): StandaloneCondition {
  const operators = operatorRegistry(options.operators);
  const problems: ConfigProblem[] = [];
  checkCondition(condition, ['when'], { operators, categories: [], attributes: null }, problems);
  if (problems.length > 0) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid condition: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}.`, {
      issues: problems.map(({ path, message, code }) => ({ path, message, code })),
    });
  }
  const keywords = new KeywordSet();
  const compiled = compileConditionNode(condition, 'when', { keywords, operators });
  keywords.seal();
  return {
    test: (facts) => compiled.test(new EvaluationContext(facts, keywords)),
    trace: (facts) => compiled.trace(new EvaluationContext(facts, keywords)),
  };
}
