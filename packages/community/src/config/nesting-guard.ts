import { Lexer } from 'yaml';
import type { ConfigProblem } from '../routing/types.js';

/**
 * Refuses absurdly deep documents before anything recursive touches them. A config never
 * nests more than a few dozen levels, but a hostile or broken one can nest thousands: the
 * YAML composer, zod and the routing checks all recurse, and a stack overflow in the middle of
 * V8 compiling a regular expression is not a catchable error, it ends the process. So the text
 * is measured with the YAML lexer (which does not recurse), and the value iteratively.
 */

/** The deepest nesting a config may have. */
export const MAX_CONFIG_DEPTH = 100;

const MARKERS = new Set(['\u0002', '\u0018', '\u001f']);

/**
 * The offset in a YAML (or JSON) text at which its nesting may exceed
 * {@link MAX_CONFIG_DEPTH}, or undefined. It over-estimates (flow depth + indentation + block
 * indicators on the line), which only matters for documents no one writes by hand.
 *
 * @example
 * ```ts
 * yamlTooDeepAt('['.repeat(5000)); // 100 or so
 * yamlTooDeepAt('a: [1, 2]'); // undefined
 * ```
 */
export function yamlTooDeepAt(text: string): number | undefined {
  if (crudeDepthBound(text) <= MAX_CONFIG_DEPTH * 2) return undefined;
  let offset = 0;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    const first = token[0];
    if (first === '\n' || first === '\r') {
      lineStart = true;
      indent = 0;
      indicators = 0;
    } else if (lineStart && (first === ' ' || first === '\t')) {
      indent = token.length;
      lineStart = false;
    } else {
      lineStart = false;
      if (token === '[' || token === '{') flow += 1;
      else if (token === ']' || token === '}') flow = Math.max(0, flow - 1);
      else if (flow === 0 && (token === '-' || token === '?' || token === ':')) indicators += 1;
    }
    if (flow + indicators + indent / 2 > MAX_CONFIG_DEPTH * 2) return offset;
    offset += token.length;
  }
  return undefined;
}

/**
 * A cheap upper bound of the nesting, from characters alone: every bracket in the text, plus
 * the deepest indentation, plus the most indicator characters on one line. Almost every real
 * config stays far below the limit, and then the lexer need not run.
 */
function crudeDepthBound(text: string): number {
  let brackets = 0;
  let widest = 0;
  let indent = 0;
  let indicators = 0;
  let inIndent = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      widest = Math.max(widest, indent + indicators);
      indent = 0;
      indicators = 0;
      inIndent = true;
      continue;
    }
    if (inIndent && (c === 32 || c === 9)) indent += 1;
    else inIndent = false;
    if (c === 91 || c === 123) brackets += 1; // [ {
    else if (c === 45 || c === 63 || c === 58) indicators += 1; // - ? :
  }
  return brackets + Math.max(widest, indent + indicators);
}

/**
 * A problem when `value` nests deeper than {@link MAX_CONFIG_DEPTH} (or refers to itself),
 * pointing at the first node too deep; undefined otherwise.
 *
 * @example
 * ```ts
 * valueTooDeep({ routing: {} }); // undefined
 * ```
 */
export function valueTooDeep(value: unknown): ConfigProblem | undefined {
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: value, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const { node, path } = item;
    if (typeof node !== 'object' || node === null) continue;
    if (path.length >= MAX_CONFIG_DEPTH) {
      return {
        path,
        code: 'too_deep',
        message: `nested more than ${MAX_CONFIG_DEPTH} levels deep (or refers to itself); flatten it — e.g. combine conditions in one all: [...]`,
      };
    }
    if (Array.isArray(node)) node.forEach((child, index) => stack.push({ node: child, path: [...path, index] }));
    else for (const [key, child] of Object.entries(node)) stack.push({ node: child, path: [...path, key] });
  }
  return undefined;
}
