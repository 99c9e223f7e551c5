import { LineCounter, parseDocument } from 'yaml';

/**
 * Reading docs/routing-cookbook.md for its test: the fenced blocks of each section, and the
 * merge of a recipe's YAML into the Mengchuang config the way the cookbook tells readers to
 * do it by hand.
 */

/** One fenced block of the cookbook. */
export interface FencedBlock {
  /** The info string's first word: `yaml`, `sh`, `text`, `ts` … */
  language: string;
  /** 1-based line of the block's first code line. */
  line: number;
  code: string;
}

/** A `##` section and its blocks, in order. */
export interface CookbookSection {
  heading: string;
  line: number;
  blocks: FencedBlock[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)/;

/**
 * The `##` sections of a Markdown text with their fenced blocks. Text before the first `##`
 * is a section named by the `#` title.
 *
 * @example
 * parseSections('# T\n\n## A\n\n```yaml\na: 1\n```\n')[1]?.blocks[0]; // { language: 'yaml', line: 6, code: 'a: 1' }
 */
export function parseSections(markdown: string): CookbookSection[] {
  const lines = markdown.split(/\r?\n/);
  const sections: CookbookSection[] = [{ heading: '', line: 1, blocks: [] }];
  let index = 0;
  while (index < lines.length) {
    const text = lines[index] ?? '';
    const opening = FENCE.exec(text);
    if (opening === null) {
      if (text.startsWith('## ')) sections.push({ heading: text.slice(3).trim(), line: index + 1, blocks: [] });
      else if (text.startsWith('# ') && sections.length === 1) sections[0] = { heading: text.slice(2).trim(), line: index + 1, blocks: [] };
      index += 1;
      continue;
    }
    const [, fence = '', language = ''] = opening;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let end = index + 1;
    while (end < lines.length && !closing.test(lines[end] ?? '')) {
      body.push(lines[end] ?? '');
      end += 1;
    }
    sections.at(-1)?.blocks.push({ language: language.toLowerCase(), line: index + 2, code: body.join('\n') });
    index = end + 1;
  }
  return sections;
}

/**
 * Splits a shell command line into words: whitespace separates, single and double quotes
 * group, a `#` outside quotes starts a comment.
 *
 * @example
 * shellWords('kechuang route --text "园区 路灯" # why'); // ['kechuang', 'route', '--text', '园区 路灯']
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (const char of line) {
    if (quote !== null) {
      if (char === quote) quote = null;
      else word += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      word ??= '';
    } else if (char === '#' && word === null) {
      break;
    } else if (/\s/.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + char;
    }
  }
  if (quote !== null) throw new Error(`unclosed ${quote} in: ${line}`);
  if (word !== null) words.push(word);
  return words;
}

/** A JSON value, as YAML config documents hold them. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
/** A JSON object, e.g. a whole config. */
export type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toJson(value: unknown, at: string): Json {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item, i) => toJson(item, `${at}[${i}]`));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item, `${at}.${key}`)]));
  throw new Error(`${at}: ${typeof value} is not a JSON value`);
}

/**
 * A parsed YAML or JSON document as a JSON object, checked all the way down.
 *
 * @example
 * jsonObject(parse(mengchuangConfigText()), 'the Mengchuang config').routing;
 */
export function jsonObject(value: unknown, what: string): JsonObject {
  const json = toJson(value, what);
  if (!isObject(json)) throw new Error(`${what} is not a mapping`);
  return json;
}

function keyOf(item: Json): string | undefined {
  if (!isObject(item)) return undefined;
  const key = item['id'] ?? item['code'];
  return typeof key === 'string' ? key : undefined;
}

/** A recipe merged into the base config, and where each of the recipe's rules came from. */
export interface MergedRecipe {
  config: JsonObject;
  /** 1-based line in the Markdown file of a path in the merged config, when the recipe wrote it. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

/**
 * Merges a recipe's YAML into a config, as the cookbook tells readers to: a rule whose id the
 * config has replaces it in place; new rules go after the leading side-action rules
 * (`continue: true`), in the order written; `routing.fallback` replaces the fallback; other
 * lists of records are merged by `id` or `code`, other objects key by key.
 *
 * @throws Error when the block is not YAML or not a mapping (the message names its line)
 * @example
 * const merged = mergeRecipe(base, { language: 'yaml', line: 120, code: 'routing:\n  rules: [...]' }, 'docs/routing-cookbook.md');
 */
export function mergeRecipe(base: JsonObject, block: FencedBlock, file: string): MergedRecipe {
  const lineCounter = new LineCounter();
  const doc = parseDocument(block.code, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [error] = doc.errors;
  if (error !== undefined) throw new Error(`${file}:${block.line + lineCounter.linePos(error.pos[0]).line - 1}: not valid YAML: ${error.message}`);
  const fragment = toJson(doc.toJS(), `${file}:${block.line}`);
  if (!isObject(fragment)) throw new Error(`${file}:${block.line}: a recipe is a mapping of config sections (routing:, slaPolicies: …)`);
  const config: JsonObject = structuredClone(base);
  // Merged rule index → the rule's index in the block.
  const fromBlock = new Map<number, number>();
  for (const [key, value] of Object.entries(fragment)) {
    if (key === 'routing') mergeRouting(config, value, fromBlock, `${file}:${block.line}`);
    else config[key] = mergeValue(config[key], value);
  }
  const blockLine = (path: readonly (string | number)[]): number | undefined => {
    for (let length = path.length; length > 0; length--) {
      const node: unknown = doc.getIn(path.slice(0, length), true);
      const range = typeof node === 'object' && node !== null && 'range' in node && Array.isArray(node.range) ? node.range : undefined;
      const start: unknown = range?.[0];
      if (typeof start === 'number') return block.line + lineCounter.linePos(start).line - 1;
    }
    return undefined;
  };
  return {
    config,
    lineOf(path) {
      const [section, list, index, ...rest] = path;
      if (section === 'routing' && list === 'rules' && typeof index === 'number') {
        const written = fromBlock.get(index);
        return written === undefined ? undefined : blockLine(['routing', 'rules', written, ...rest]);
      }
      return blockLine(path);
    },
  };
}

function mergeValue(into: Json | undefined, value: Json): Json {
  if (Array.isArray(value) && Array.isArray(into)) {
    const out = [...into];
    for (const item of value) {
      const key = keyOf(item);
      const at = key === undefined ? -1 : out.findIndex((existing) => keyOf(existing) === key);
      if (at === -1) out.push(item);
      else out[at] = item;
    }
    return out;
  }
  if (isObject(value) && isObject(into)) {
    const out: JsonObject = { ...into };
    for (const [key, item] of Object.entries(value)) out[key] = mergeValue(out[key], item);
    return out;
  }
  return value;
}

function mergeRouting(config: JsonObject, value: Json, fromBlock: Map<number, number>, where: string): void {
  const routing = config['routing'];
  if (!isObject(value) || !isObject(routing)) throw new Error(`${where}: routing: must be a mapping`);
  const unknown = Object.keys(value).filter((key) => key !== 'rules' && key !== 'fallback');
  if (unknown.length > 0) throw new Error(`${where}: the cookbook test merges routing.rules and routing.fallback only, not ${unknown.join(', ')}`);
  if (value['fallback'] !== undefined) routing['fallback'] = value['fallback'];
  const added = value['rules'];
  if (added === undefined) return;
  if (!Array.isArray(added)) throw new Error(`${where}: routing.rules must be a list`);
  const existing = routing['rules'];
  const rules: Json[] = Array.isArray(existing) ? [...existing] : [];
  const origin: (number | undefined)[] = rules.map(() => undefined);
  let insertAt = rules.findIndex((rule) => !isObject(rule) || rule['continue'] !== true);
  if (insertAt === -1) insertAt = rules.length;
  added.forEach((rule, written) => {
    const key = keyOf(rule);
    const at = key === undefined ? -1 : rules.findIndex((existingRule) => keyOf(existingRule) === key);
    if (at !== -1) {
      rules[at] = rule;
      origin[at] = written;
      return;
    }
    rules.splice(insertAt, 0, rule);
    origin.splice(insertAt, 0, written);
    insertAt += 1;
  });
  routing['rules'] = rules;
  origin.forEach((written, index) => {
    if (written !== undefined) fromBlock.set(index, written);
  });
}
