import { z } from 'zod';
import type { ConfigProblem } from '../routing/types.js';
import {
  describeExpected,
  describeValue,
  isRecordSchema,
  keysAccepted,
  objectKeys,
  schemaAt,
  unionOptions,
  unwrapSchema,
} from './schema-introspection.js';

/**
 * Turns zod's issues for a config into {@link ConfigProblem}s that say what to fix:
 * one problem per unknown key (with "did you mean" when a valid key is close), failed unions
 * narrowed to the form the author evidently meant, and messages in plain words.
 */

type Schema = z.core.$ZodType;
type Issue = z.core.$ZodIssue;
type Path = (string | number)[];
/** Finds the closest candidate to a word, or undefined. */
export type Suggest = (word: string, candidates: readonly string[]) => string | undefined;

interface Context {
  suggest: Suggest;
  out: ConfigProblem[];
}

function normalizePath(path: readonly PropertyKey[]): Path {
  return path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && Object.hasOwn(current, String(segment))) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

function hasKeyAt(value: unknown, path: readonly (string | number)[]): boolean {
  if (path.length === 0) return value !== undefined;
  const parent = valueAt(value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent)) return typeof last === 'number' && last < parent.length;
  return isPlainObject(parent) && Object.hasOwn(parent, String(last));
}

function unknownKeyMessage(allowed: readonly string[], suggestion: string | undefined): string {
  if (suggestion !== undefined || allowed.length === 0) return 'unknown key';
  const listed = allowed.length <= 12 ? `; allowed here: ${allowed.join(', ')}` : '';
  return `unknown key — remove it or fix its spelling${listed}`;
}

function sizeMessage(issue: Extract<Issue, { code: 'too_small' | 'too_big' }>): string {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  const bound = small ? (issue.inclusive === false ? `more than ${limit}` : `at least ${limit}`) : issue.inclusive === false ? `fewer than ${limit}` : `at most ${limit}`;
  switch (issue.origin) {
    case 'string':
      return small && limit === 1 ? 'must not be empty' : `must have ${bound} characters`;
    case 'array':
    case 'set':
      return small && limit === 1 ? 'must list at least one item' : `must have ${bound} items`;
    case 'number':
    case 'int':
      return `must be ${small ? (issue.inclusive === false ? '>' : '≥') : issue.inclusive === false ? '<' : '≤'} ${limit}`;
    default:
      return issue.message;
  }
}

/** Whether a union branch failed only because the value has the wrong type for it. */
function isTypeMismatch(issues: readonly Issue[]): boolean {
  return issues.some(
    (issue) =>
      issue.path.length === 0 &&
      (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((branch) => isTypeMismatch(branch)))),
  );
}

function countIssues(issues: readonly Issue[]): number {
  let total = 0;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') total += issue.keys.length;
    else if (issue.code === 'invalid_union' && issue.errors.length > 0) total += Math.min(...issue.errors.map(countIssues));
    else total += 1;
  }
  return total;
}

function handleUnion(issue: Extract<Issue, { code: 'invalid_union' }>, path: Path, schema: Schema | undefined, value: unknown, ctx: Context): void {
  const options = schema === undefined ? undefined : unionOptions(schema);
  const branches = issue.errors;
  if (branches.length === 0) {
    ctx.out.push({ path, code: 'invalid_union', message: 'matches more than one form; make it match exactly one' });
    return;
  }
  const viable = branches.map((_, i) => i).filter((i) => !isTypeMismatch(branches[i] ?? []));
  if (viable.length === 0) {
    const expected = options !== undefined && schema !== undefined ? describeExpected(schema) : 'a different kind of value';
    ctx.out.push({ path, code: 'invalid_type', message: `expected ${expected}, got ${describeValue(value)}` });
    return;
  }
  let best = viable[0] ?? 0;
  if (isPlainObject(value) && options !== undefined && options.length === branches.length) {
    const inputKeys = Object.keys(value);
    let bestScore = -1;
    let bestCount = Number.POSITIVE_INFINITY;
    let objectBranches = 0;
    for (const i of viable) {
      const option = options[i];
      if (option === undefined) continue;
      const keys = objectKeys(option);
      let score = 0;
      if (keys.length > 0) {
        objectBranches += 1;
        const overlap = inputKeys.filter((k) => keys.includes(k)).length;
        const near = inputKeys.filter((k) => !keys.includes(k) && ctx.suggest(k, keys) !== undefined).length;
        score = overlap * 2 + near;
      } else if (isRecordSchema(option)) {
        score = 0.5;
      }
      const count = countIssues(branches[i] ?? []);
      if (score > bestScore || (score === bestScore && count < bestCount)) {
        best = i;
        bestScore = score;
        bestCount = count;
      }
    }
    if (bestScore === 0 && objectBranches > 1) {
      const allKeys = [...new Set(viable.flatMap((i) => objectKeys(options[i])))];
      const forms = viable
        .map((i) => options[i])
        .filter((option): option is Schema => option !== undefined)
        .map((option) => describeExpected(option))
        .join(', ');
      for (const key of inputKeys) {
        if (!allKeys.includes(key)) ctx.out.push({ path: [...path, key], code: 'unrecognized_keys', message: unknownKeyMessage(allKeys, undefined) });
      }
      ctx.out.push({ path, code: 'invalid_union', message: `expected one of ${forms}` });
      return;
    }
  } else {
    best = viable.reduce((a, b) => (countIssues(branches[b] ?? []) < countIssues(branches[a] ?? []) ? b : a), best);
  }
  collect(branches[best] ?? [], path, options?.[best], value, ctx);
}

/** The names a record's keys may take, when its key schema lists any (an enum, or a union with one). */
function keyNames(schema: Schema | undefined): string[] {
  const record = schema === undefined ? undefined : unwrapSchema(schema);
  if (!(record instanceof z.ZodRecord)) return [];
  const key = unwrapSchema(record.keyType);
  const options = key instanceof z.ZodUnion ? key.options : [key];
  return options.flatMap((option: Schema) => {
    const inner = unwrapSchema(option);
    return inner instanceof z.ZodEnum ? inner.options.map(String) : [];
  });
}

function collect(issues: readonly Issue[], base: Path, schema: Schema | undefined, root: unknown, ctx: Context): void {
  for (const issue of issues) {
    const relative = normalizePath(issue.path);
    const path = [...base, ...relative];
    const node = schemaAt(schema, relative);
    const value = valueAt(root, relative);
    switch (issue.code) {
      case 'unrecognized_keys': {
        const present = isPlainObject(value) ? Object.keys(value).filter((key) => !issue.keys.includes(key)) : [];
        const allowed = keysAccepted(node, present);
        for (const key of issue.keys) {
          const suggestion = ctx.suggest(key, allowed);
          const problem: ConfigProblem = { path: [...path, key], code: 'unrecognized_keys', message: unknownKeyMessage(allowed, suggestion) };
          if (suggestion !== undefined) problem.suggestion = suggestion;
          ctx.out.push(problem);
        }
        break;
      }
      case 'invalid_union':
        handleUnion(issue, path, node, value, ctx);
        break;
      case 'invalid_type': {
        const expected = node === undefined ? (issue.expected === 'record' ? 'an object' : `a ${issue.expected}`) : describeExpected(node);
        if (!hasKeyAt(root, relative) && relative.length > 0) {
          const key = relative[relative.length - 1];
          ctx.out.push({ path, code: 'missing_key', message: `required, but missing: add ${typeof key === 'string' ? `"${key}"` : 'it'} (${expected})` });
        } else {
          ctx.out.push({ path, code: 'invalid_type', message: `expected ${expected}, got ${describeValue(value)}` });
        }
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? String(v)));
        const problem: ConfigProblem = {
          path,
          code: 'invalid_value',
          message: allowed.length === 1 ? `must be ${allowed[0]}, got ${describeValue(value)}` : `must be one of ${allowed.join(', ')}; got ${describeValue(value)}`,
        };
        const suggestion = typeof value === 'string' ? ctx.suggest(value, allowed) : undefined;
        if (suggestion !== undefined) problem.suggestion = suggestion;
        ctx.out.push(problem);
        break;
      }
      case 'too_small':
      case 'too_big':
        ctx.out.push({ path, code: issue.code, message: sizeMessage(issue) });
        break;
      case 'invalid_format':
        ctx.out.push({ path, code: issue.code, message: `${issue.message}; got ${describeValue(value)}` });
        break;
      case 'invalid_key': {
        // A map whose keys are names (events, say) tells a wrong one like an unknown key.
        const names = keyNames(schemaAt(schema, relative.slice(0, -1)));
        const key = relative[relative.length - 1];
        if (names.length > 0 && typeof key === 'string') {
          const suggestion = ctx.suggest(key, names);
          const problem: ConfigProblem = { path, code: 'unrecognized_keys', message: unknownKeyMessage(names, suggestion) };
          if (suggestion !== undefined) problem.suggestion = suggestion;
          ctx.out.push(problem);
          break;
        }
        const inner = issue.issues.map((i) => (i.code === 'too_small' || i.code === 'too_big' ? sizeMessage(i) : i.message)).join('; ');
        ctx.out.push({ path, code: issue.code, message: `invalid key: ${inner}` });
        break;
      }
      case 'custom': {
        const code = typeof issue.params?.['code'] === 'string' ? String(issue.params['code']) : issue.code;
        ctx.out.push({ path, code, message: issue.message });
        break;
      }
      default:
        ctx.out.push({ path, code: issue.code, message: issue.message });
    }
  }
}

/**
 * The problems zod found in `input` against `schema`, one per unknown key, each with its
 * path from the root and a message that says what to fix.
 *
 * @example
 * ```ts
 * const result = officeConfigSchema.safeParse(input);
 * if (!result.success) problemsFromZodIssues(result.error.issues, officeConfigSchema, input, closest);
 * // [{ path: ['routing', 'rules', 2, 'then', 'asign'], code: 'unrecognized_keys', message: 'unknown key', suggestion: 'assign' }]
 * ```
 */
export function problemsFromZodIssues(issues: readonly Issue[], schema: Schema, input: unknown, suggest: Suggest): ConfigProblem[] {
  const ctx: Context = { suggest, out: [] };
  collect(issues, [], unwrapSchema(schema), input, ctx);
  // A misspelt key also leaves the key it was meant to be missing: report the typo once.
  const meant = new Set(
    ctx.out.filter((p) => p.code === 'unrecognized_keys' && p.suggestion !== undefined).map((p) => JSON.stringify([...p.path.slice(0, -1), p.suggestion])),
  );
  const seen = new Set<string>();
  return ctx.out.filter((problem) => {
    if (problem.code === 'missing_key' && meant.has(JSON.stringify(problem.path))) return false;
    const key = `${JSON.stringify(problem.path)}\u0000${problem.code}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
