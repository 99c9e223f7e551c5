import safeRegex from 'safe-regex2';
import type { OperatorDefinition, RecordKey } from '../types.js';
import { KechuangError } from '../../errors/kechuang-error.js';
import { isScalar } from './condition-shape.js';
import type { EvaluationContext } from './evaluation-context.js';
import type { FieldKind, FieldSpec } from './fields.js';
import { KeywordSet } from './keyword-set.js';

/**
 * The built-in condition operators: how each checks its argument (once, when the config is
 * checked) and how it compiles into a test specialised for the field's shape.
 */

/** The operators every config can use; plugins add namespaced ones (`geo.within`). */
export const BUILTIN_OPERATORS = ['eq', 'ne', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte', 'any', 'all_of', 'regex', 'includes', 'exists'] as const;
export type BuiltinOperator = (typeof BUILTIN_OPERATORS)[number];

const BUILTIN = new Set<string>(BUILTIN_OPERATORS);
export const NUMERIC_OPERATORS: ReadonlySet<string> = new Set(['gt', 'gte', 'lt', 'lte']);

/**
 * Whether `name` is a built-in operator.
 *
 * @example
 * ```ts
 * isBuiltinOperator('gte');        // true
 * isBuiltinOperator('geo.within'); // false
 * ```
 */
export function isBuiltinOperator(name: string): name is BuiltinOperator {
  return BUILTIN.has(name);
}

/** A test of a present value (missing values never reach it). */
export type ValueTest = (value: unknown, context: EvaluationContext) => boolean;

/** One operator of a field test, compiled. */
export interface CompiledOperator {
  readonly operator: string;
  readonly argument: unknown;
  readonly test: ValueTest;
  /** The result when the field's value is missing: true only for `exists: false`, `ne`, `not_in`. */
  readonly whenMissing: boolean;
}

/** What compiling needs besides the condition: the shared keyword set and plugin operators. */
export interface CompileEnvironment {
  readonly keywords: KeywordSet;
  readonly operators: ReadonlyMap<string, OperatorDefinition>;
}

/** A problem with an operator's argument; `at` is the index of the offending list item. */
export interface ArgumentProblem {
  code: 'invalid_argument' | 'invalid_regex' | 'unsafe_regex';
  message: string;
  at?: number;
}

function listProblem(operator: string, argument: unknown, example: string, item: (value: unknown) => string | null): ArgumentProblem | null {
  if (!Array.isArray(argument) || argument.length === 0) {
    return { code: 'invalid_argument', message: `${operator} needs a non-empty list, e.g. { ${operator}: ${example} }` };
  }
  for (let at = 0; at < argument.length; at++) {
    const message = item(argument[at]);
    if (message !== null) return { code: 'invalid_argument', message: `${operator}: item ${at + 1} ${message}`, at };
  }
  return null;
}

const keywordItem = (value: unknown): string | null => {
  if (typeof value !== 'string' || value.length === 0) return 'must be a non-empty keyword (a string)';
  if (/[\r\n]/.test(value)) return 'must not hold a line break (title and description are searched separately)';
  return null;
};

/**
 * What is wrong with a built-in operator's argument, or null. Regular expressions must
 * compile and pass the ReDoS check of `safe-regex2` (no nested quantifiers such as `(a+)+`).
 *
 * @example
 * ```ts
 * builtinArgumentProblem('in', []);          // { code: 'invalid_argument', message: 'in needs a non-empty list, ...' }
 * builtinArgumentProblem('regex', '(a+)+$'); // { code: 'unsafe_regex', ... }
 * builtinArgumentProblem('gte', 10000);      // null
 * ```
 */
export function builtinArgumentProblem(operator: BuiltinOperator, argument: unknown): ArgumentProblem | null {
  switch (operator) {
    case 'eq':
    case 'ne':
    case 'includes':
      return isScalar(argument) ? null : { code: 'invalid_argument', message: `${operator} needs one value (a string, number or boolean), e.g. { ${operator}: legal }` };
    case 'in':
    case 'not_in':
      return listProblem(operator, argument, '[legal, policy]', (v) => (isScalar(v) ? null : 'must be a string, number or boolean'));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof argument === 'number' && Number.isFinite(argument) ? null : { code: 'invalid_argument', message: `${operator} needs a number, e.g. { ${operator}: 10000 }` };
    case 'any':
    case 'all_of':
      return listProblem(operator, argument, '[欠款, 尾款]', keywordItem);
    case 'exists':
      return typeof argument === 'boolean' ? null : { code: 'invalid_argument', message: 'exists needs true or false' };
    case 'regex':
      return regexProblem(argument);
  }
}

function regexProblem(argument: unknown): ArgumentProblem | null {
  if (typeof argument !== 'string' || argument.length === 0) {
    return { code: 'invalid_argument', message: "regex needs a pattern string, e.g. { regex: '合同(纠纷|违约)' }" };
  }
  try {
    new RegExp(argument, 'i');
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { code: 'invalid_regex', message: `not a valid regular expression (${why}); fix the pattern, or use { any: [...] } for plain keywords` };
  }
  if (!safeRegex(argument)) {
    return {
      code: 'unsafe_regex',
      message: 'this regular expression could take exponential time on some texts (nested or too many repetitions, e.g. (a+)+); simplify it, or use { any: [...] } for plain keywords',
    };
  }
  return null;
}

// ---- compiling --------------------------------------------------------------------------

function equalsTest(kind: FieldKind, expected: unknown): ValueTest {
  switch (kind) {
    case 'scalar':
      return (v) => v === expected;
    case 'record':
      return (v) => (v as RecordKey).code === expected || (v as RecordKey).id === expected;
    case 'list':
      return (v) => (v as readonly unknown[]).includes(expected);
    case 'dynamic':
      return (v) => (Array.isArray(v) ? v.includes(expected) : v === expected);
  }
}

function memberTest(kind: FieldKind, values: ReadonlySet<unknown>): ValueTest {
  const someIn = (list: readonly unknown[]): boolean => {
    for (const item of list) if (values.has(item)) return true;
    return false;
  };
  switch (kind) {
    case 'scalar':
      return (v) => values.has(v);
    case 'record':
      return (v) => values.has((v as RecordKey).code) || values.has((v as RecordKey).id);
    case 'list':
      return (v) => someIn(v as readonly unknown[]);
    case 'dynamic':
      return (v) => (Array.isArray(v) ? someIn(v) : values.has(v));
  }
}

/** The strings a text operator (keywords, regex) looks at in a value of any shape. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map((item) => String(item));
  if (typeof value === 'object' && value !== null) return [(value as RecordKey).id, (value as RecordKey).code];
  return [String(value)];
}

function containsAnyOf(found: readonly number[], ids: readonly number[]): boolean {
  if (found.length === 0) return false;
  for (const id of ids) if (found.includes(id)) return true;
  return false;
}

function keywordTest(field: FieldSpec, keywords: readonly string[], all: boolean, environment: CompileEnvironment): ValueTest {
  const source = field.textSource;
  if (source !== undefined) {
    // The request text: use the scans the whole rule set shares (see EvaluationContext).
    const ids = keywords.map((k) => environment.keywords.add(k));
    if (source === 'title') return all ? (_, c) => ids.every((id) => c.titleKeywords().includes(id)) : (_, c) => containsAnyOf(c.titleKeywords(), ids);
    if (source === 'description') {
      return all ? (_, c) => ids.every((id) => c.descriptionKeywords().includes(id)) : (_, c) => containsAnyOf(c.descriptionKeywords(), ids);
    }
    return all
      ? (_, c) => ids.every((id) => c.titleKeywords().includes(id) || c.descriptionKeywords().includes(id))
      : (_, c) => containsAnyOf(c.titleKeywords(), ids) || containsAnyOf(c.descriptionKeywords(), ids);
  }
  // Any other field (industry, tags, attributes): a small set of its own.
  const own = new KeywordSet();
  const ids = keywords.map((k) => own.add(k));
  own.seal();
  return (v) => {
    const found: number[] = [];
    for (const text of stringsOf(v)) own.scan(text, found);
    return all ? ids.every((id) => found.includes(id)) : found.length > 0;
  };
}

/**
 * Compiles one operator of a field test. The argument must have passed
 * {@link builtinArgumentProblem} (or the plugin operator's `validate`).
 *
 * @example
 * ```ts
 * const gte = compileOperator(fieldSpec('attributes.amount')!, 'gte', 10000, environment);
 * gte.test(25000, context); // true
 * gte.whenMissing;          // false
 * ```
 */
export function compileOperator(field: FieldSpec, operator: string, argument: unknown, environment: CompileEnvironment): CompiledOperator {
  const make = (test: ValueTest, whenMissing = false): CompiledOperator => ({ operator, argument, test, whenMissing });
  const { kind } = field;
  switch (operator) {
    case 'eq':
    case 'includes':
      return make(equalsTest(kind, argument));
    case 'ne': {
      const equals = equalsTest(kind, argument);
      return make((v, c) => !equals(v, c), true);
    }
    case 'in':
      return make(memberTest(kind, new Set(argument as readonly unknown[])));
    case 'not_in': {
      const member = memberTest(kind, new Set(argument as readonly unknown[]));
      return make((v, c) => !member(v, c), true);
    }
    case 'gt': {
      const n = argument as number;
      return make((v) => typeof v === 'number' && v > n);
    }
    case 'gte': {
      const n = argument as number;
      return make((v) => typeof v === 'number' && v >= n);
    }
    case 'lt': {
      const n = argument as number;
      return make((v) => typeof v === 'number' && v < n);
    }
    case 'lte': {
      const n = argument as number;
      return make((v) => typeof v === 'number' && v <= n);
    }
    case 'any':
    case 'all_of':
      return make(keywordTest(field, argument as readonly string[], operator === 'all_of', environment));
    case 'regex': {
      const pattern = new RegExp(argument as string, 'i');
      return make((v) => stringsOf(v).some((text) => pattern.test(text)));
    }
    case 'exists': {
      const wanted = argument === true;
      return make(() => wanted, !wanted);
    }
    default: {
      const custom = environment.operators.get(operator);
      if (custom === undefined) {
        throw new KechuangError('VALIDATION_FAILED', `Unknown operator "${operator}": register it (a plugin operator) or check the config first.`, {
          issues: [{ path: [field.name, operator], message: 'unknown operator', code: 'unknown_operator' }],
        });
      }
      return make((v) => custom.test(v, argument) === true);
    }
  }
}
