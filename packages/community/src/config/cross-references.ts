import type { ConfigProblem } from '../routing/types.js';

/**
 * Cross-reference checks over the declared parts of an office config: duplicate ids among
 * portfolios, teams, categories and SLA policies (and attribute codes within a category),
 * `category.portfolio` naming declared ones (checked once the config declares any, like the
 * routing checks do), `category.sla` and `defaultSla` naming declared SLA policies (always:
 * there are no others), and attribute `values` present
 * exactly for `single` and `multi` attributes.
 *
 * They read the raw document defensively, so they also run (and report) when the schema found
 * other problems: the error can list every problem at once. Parts the schema rejects outright
 * (a list that is not a list, an id that is not a string) are left to the schema's problems.
 */

type Suggest = (word: string, candidates: readonly string[]) => string | undefined;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The list under `key`: [] when absent (it defaults to []), undefined when it is not a list. */
function listAt(root: Record<string, unknown>, key: string): unknown[] | undefined {
  if (!Object.hasOwn(root, key) || root[key] === undefined) return [];
  const value = root[key];
  return Array.isArray(value) ? value : undefined;
}

interface DeclaredKind {
  list: string;
  key: string;
  noun: string;
}

const DECLARED: readonly DeclaredKind[] = [
  { list: 'portfolios', key: 'id', noun: 'portfolio' },
  { list: 'teams', key: 'code', noun: 'team' },
  { list: 'categories', key: 'id', noun: 'category' },
  { list: 'slaPolicies', key: 'id', noun: 'SLA policy' },
];

function checkDuplicates(items: readonly unknown[], basePath: (string | number)[], key: string, noun: string, out: ConfigProblem[]): void {
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const id = field(item, key);
    if (typeof id !== 'string') return;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, index);
      return;
    }
    out.push({
      path: [...basePath, index, key],
      code: 'duplicate_id',
      message: `duplicate ${noun} ${key} "${id}": ${basePath.join('.')}[${earlier}] already uses it; give each ${noun} its own ${key}`,
    });
  });
}

function declaredIds(items: readonly unknown[] | undefined, key: string): string[] | undefined {
  if (items === undefined) return undefined;
  return [...new Set(items.map((item) => field(item, key)).filter((id): id is string => typeof id === 'string'))];
}

function checkReference(
  value: unknown,
  path: (string | number)[],
  declared: readonly string[] | undefined,
  what: { noun: string; list: string; always?: boolean },
  suggest: Suggest,
  out: ConfigProblem[],
): void {
  // As in the routing checks: references are checked only once the config declares some —
  // except SLA policies, which exist nowhere but in this config.
  const list = declared ?? [];
  if (typeof value !== 'string' || list.includes(value) || (list.length === 0 && what.always !== true)) return;
  const known = list.length === 0 ? 'none declared' : `declared: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`;
  const problem: ConfigProblem = {
    path,
    code: 'unknown_reference',
    message: `unknown ${what.noun} "${value}": declare it under ${what.list} or name a declared one (${known})`,
  };
  const suggestion = suggest(value, list);
  if (suggestion !== undefined) problem.suggestion = suggestion;
  out.push(problem);
}

function checkAttributes(attributes: unknown, basePath: (string | number)[], out: ConfigProblem[]): void {
  if (!Array.isArray(attributes)) return;
  checkDuplicates(attributes, basePath, 'code', 'attribute', out);
  attributes.forEach((attribute, index) => {
    const type = field(attribute, 'type');
    const values = field(attribute, 'values');
    const path = [...basePath, index, 'values'];
    if (type === 'single' || type === 'multi') {
      if (values === undefined) {
        out.push({
          path,
          code: 'missing_values',
          message: `a "${type}" attribute needs values: list the allowed values, e.g. values: [a, b]`,
        });
      } else if (Array.isArray(values)) {
        const seen = new Set<unknown>();
        values.forEach((v, i) => {
          if (typeof v === 'string' && seen.has(v)) out.push({ path: [...path, i], code: 'duplicate_value', message: `"${v}" is listed twice; list each allowed value once` });
          seen.add(v);
        });
      }
    } else if ((type === 'string' || type === 'number' || type === 'boolean') && values !== undefined) {
      out.push({
        path,
        code: 'unexpected_values',
        message: `only "single" and "multi" attributes take values: remove values, or change type to single or multi`,
      });
    }
  });
}

/**
 * The cross-reference problems in a config document (parsed YAML/JSON, not yet validated).
 *
 * @example
 * ```ts
 * checkCrossReferences({ portfolios: [{ id: 'legal_affairs' }], categories: [{ id: 'legal', portfolio: 'lgal' }] }, closest);
 * // [{ path: ['categories', 0, 'portfolio'], code: 'unknown_reference', message: 'unknown portfolio "lgal": …' }]
 * ```
 */
export function checkCrossReferences(document: unknown, suggest: Suggest): ConfigProblem[] {
  if (!isObject(document)) return [];
  const out: ConfigProblem[] = [];
  for (const kind of DECLARED) {
    const items = listAt(document, kind.list);
    if (items !== undefined) checkDuplicates(items, [kind.list], kind.key, kind.noun, out);
  }
  const portfolios = declaredIds(listAt(document, 'portfolios'), 'id');
  const slaPolicies = declaredIds(listAt(document, 'slaPolicies'), 'id');
  const categories = listAt(document, 'categories') ?? [];
  categories.forEach((category, index) => {
    if (!isObject(category)) return;
    const base = ['categories', index];
    checkReference(field(category, 'portfolio'), [...base, 'portfolio'], portfolios, { noun: 'portfolio', list: 'portfolios' }, suggest, out);
    checkReference(field(category, 'sla'), [...base, 'sla'], slaPolicies, { noun: 'SLA policy', list: 'slaPolicies', always: true }, suggest, out);
    checkAttributes(field(category, 'attributes'), [...base, 'attributes'], out);
  });
  checkReference(field(document, 'defaultSla'), ['defaultSla'], slaPolicies, { noun: 'SLA policy', list: 'slaPolicies', always: true }, suggest, out);
  return out;
}
