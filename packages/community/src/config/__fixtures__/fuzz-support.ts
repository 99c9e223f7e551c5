import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { isKechuangError } from '../../errors/kechuang-error.js';
import { BUILTIN_OPERATORS } from '../../routing/conditions/operators.js';
import { FIELD_NAMES } from '../../routing/conditions/fields.js';
import type { ConfigIssue } from '../config-problem.js';

/** What a loader call did: loaded, or threw the typed error with its issues. */
export type Outcome = { loaded: true } | { loaded: false; issues: ConfigIssue[]; message: string };

/**
 * Runs a loader call and checks the contract every input must meet: it loads, or it throws a
 * VALIDATION_FAILED KechuangError listing at least one well-formed problem (with a position
 * inside `text` when the input was text). Anything else fails the property.
 */
export function outcome(run: () => unknown, text?: string): Outcome {
  try {
    run();
    return { loaded: true };
  } catch (error) {
    if (!isKechuangError(error, 'VALIDATION_FAILED')) throw new Error(`not the typed error: ${String(error)}`, { cause: error });
    const issues = (error.details.issues ?? []) as ConfigIssue[];
    if (issues.length === 0) throw new Error(`VALIDATION_FAILED without issues: ${error.message}`);
    const lines = text === undefined ? 0 : text.split('\n').length;
    for (const issue of issues) {
      const wellFormed =
        Array.isArray(issue.path) &&
        issue.path.every((p) => typeof p === 'string' || (typeof p === 'number' && Number.isInteger(p) && p >= 0)) &&
        typeof issue.message === 'string' &&
        issue.message.length > 0 &&
        typeof issue.code === 'string' &&
        issue.code.length > 0;
      if (!wellFormed) throw new Error(`malformed issue ${JSON.stringify(issue)}`);
      if (text !== undefined) {
        const { line, column } = issue;
        if (line === undefined || column === undefined || !Number.isInteger(line) || !Number.isInteger(column) || line < 1 || column < 1 || line > lines) {
          throw new Error(`issue without a position inside the text (${lines} lines): ${JSON.stringify(issue)}`);
        }
      }
    }
    if (!error.message.includes(String(issues.length))) throw new Error(`the message does not count the problems: ${error.message}`);
    return { loaded: false, issues, message: error.message };
  }
}

/**
 * A function giving the line of the node `path` names in YAML (or JSON) text, found
 * independently of the loader through `yaml`'s own `getIn`: a map entry's key line, a list
 * item's line; undefined when the path is not in the text (or is the root).
 */
export function independentLines(text: string): (path: readonly (string | number)[]) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  return (path) => {
    if (path.length === 0 || doc.errors.length > 0) return undefined;
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    let offset: number | undefined;
    if (isMap(parent)) {
      const pair = parent.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(last));
      if (pair !== undefined && isScalar(pair.key)) offset = pair.key.range?.[0];
    } else if (isSeq(parent) && typeof last === 'number') {
      const item: unknown = parent.items[last];
      if (isScalar(item) || isMap(item) || isSeq(item)) offset = item.range?.[0];
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}

/** A JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

/** Every path to a node of `value`, root excluded, in document order. */
export function allPaths(value: unknown, base: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(value)) {
    value.forEach((child, i) => {
      out.push([...base, i], ...allPaths(child, [...base, i]));
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) out.push([...base, key], ...allPaths(child, [...base, key]));
  }
  return out;
}

function nodeAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Every name that is valid somewhere in a config: a typo that lands on one may be valid. */
const KNOWN_NAMES: ReadonlySet<string> = new Set<string>([
  ...BUILTIN_OPERATORS,
  ...FIELD_NAMES,
  ...['version', 'portfolios', 'teams', 'categories', 'slaPolicies', 'routing', 'rules', 'fallback', 'id', 'code', 'labels', 'zh-CN', 'en'],
  ...['portfolio', 'sla', 'attributes', 'type', 'required', 'values', 'description', 'when', 'then', 'continue', 'all', 'any', 'not'],
  ...['assign', 'assist', 'priority', 'tags', 'watchers', 'member', 'captain', 'team', 'strategy', 'role'],
]);

/** A typo of `word`: a character dropped, doubled or swapped with the next, by `variant`. */
export function typo(word: string, variant: number): string {
  if (word.length === 0) return 'x';
  const i = variant % word.length;
  switch (Math.floor(variant / word.length) % 3) {
    case 0:
      return word.length > 1 ? word.slice(0, i) + word.slice(i + 1) : `${word}${word}`;
    case 1:
      return word.slice(0, i + 1) + word.slice(i);
    default:
      return i + 1 < word.length && word[i] !== word[i + 1] ? word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2) : word.slice(0, i + 1) + word.slice(i);
  }
}

/** One way to break a config. */
export type Mutation =
  | { kind: 'delete' | 'rename'; pick: number; variant: number }
  | { kind: 'retype'; pick: number; junk: Json }
  | { kind: 'addKey'; pick: number; variant: number; junk: Json }
  | { kind: 'duplicateRuleId' | 'duplicateDeclaredId'; pick: number; variant: number };

/** What a mutation did, when it expects a problem at a known path. */
export interface Expectation {
  path: Path;
  codes: readonly string[];
}

/**
 * Applies `mutation` to `config` in place. Returns the problem it must cause, when it must
 * cause one at a path we can name (a renamed key, a duplicated id), else undefined.
 */
export function mutate(config: Record<string, unknown>, mutation: Mutation): Expectation | undefined {
  const paths = allPaths(config);
  if (paths.length === 0) return undefined;
  const path = paths[mutation.pick % paths.length] ?? [];
  const found = nodeAt(config, path.slice(0, -1));
  if (typeof found !== 'object' || found === null) return undefined;
  const parent = found as Record<string, unknown> | unknown[];
  const last = path[path.length - 1] as string | number;
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[String(last)];
      return undefined;
    case 'retype':
      (parent as Record<string | number, unknown>)[last] = structuredClone(mutation.junk);
      return undefined;
    case 'rename': {
      if (Array.isArray(parent) || typeof last !== 'string') return undefined;
      const renamed = typo(last, mutation.variant);
      if (renamed === last || Object.hasOwn(parent, renamed)) return undefined;
      const valid = KNOWN_NAMES.has(renamed); // e.g. gte → gt: still a valid operator
      const entries = Object.entries(parent).map(([k, v]): [string, unknown] => [k === last ? renamed : k, v]);
      for (const key of Object.keys(parent)) delete parent[key];
      Object.assign(parent, Object.fromEntries(entries));
      const renamedPath = [...path.slice(0, -1), renamed];
      return valid ? undefined : { path: renamedPath, codes: ['unrecognized_keys', 'unknown_field', 'unknown_operator', 'unknown_attribute'] };
    }
    case 'addKey': {
      const target = nodeAt(config, path);
      if (typeof target !== 'object' || target === null || Array.isArray(target)) return undefined;
      const siblings = Object.keys(target);
      const key = siblings.length > 0 ? typo(siblings[mutation.variant % siblings.length] ?? 'x', mutation.variant) : `extra_${mutation.variant}`;
      if (Object.hasOwn(target, key)) return undefined;
      (target as Record<string, unknown>)[key] = structuredClone(mutation.junk);
      return undefined;
    }
    case 'duplicateRuleId':
    case 'duplicateDeclaredId': {
      const lists: readonly { list: Path; key: string; code: string }[] =
        mutation.kind === 'duplicateRuleId'
          ? [{ list: ['routing', 'rules'], key: 'id', code: 'duplicate_rule_id' }]
          : [
              { list: ['portfolios'], key: 'id', code: 'duplicate_id' },
              { list: ['categories'], key: 'id', code: 'duplicate_id' },
              { list: ['slaPolicies'], key: 'id', code: 'duplicate_id' },
            ];
      const chosen = lists[mutation.variant % lists.length];
      if (chosen === undefined) return undefined;
      const list = nodeAt(config, chosen.list);
      if (!Array.isArray(list) || list.length < 2) return undefined;
      const i = mutation.pick % list.length;
      const j = (i + 1 + (mutation.variant % (list.length - 1))) % list.length;
      const [from, to] = i < j ? [i, j] : [j, i];
      const source: unknown = list[from];
      const copy: unknown = list[to];
      if (typeof source !== 'object' || source === null || typeof copy !== 'object' || copy === null) return undefined;
      (copy as Record<string, unknown>)[chosen.key] = (source as Record<string, unknown>)[chosen.key];
      return { path: [...chosen.list, to, chosen.key], codes: [chosen.code] };
    }
  }
}
