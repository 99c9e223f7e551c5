import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import type { SourcePosition } from './config-problem.js';

/**
 * Where a path points in a parsed YAML document, as a 1-based line and column.
 *
 * A map entry is located at its key (so an unknown key points at the key itself, and a bad
 * value at the line that names it); a list item at the item. When the path goes further than
 * the text (a missing key), the deepest existing ancestor is used; an alias stops the walk at
 * the entry that holds it.
 *
 * @example
 * ```ts
 * const lineCounter = new LineCounter();
 * const doc = parseDocument('routing:\n  fallback: {}\n', { lineCounter });
 * locateInYaml(doc, lineCounter, ['routing', 'fallback']); // { line: 2, column: 3 }
 * ```
 */
export function locateInYaml(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): SourcePosition {
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  let node: unknown = doc.contents;
  let position: SourcePosition = isScalar(node) || isMap(node) || isSeq(node) || isAlias(node) ? at(node.range?.[0] ?? 0) : { line: 1, column: 1 };
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.findLast((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (pair === undefined || !isScalar(pair.key)) break;
      position = at(pair.key.range?.[0] ?? 0);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!(isScalar(item) || isMap(item) || isSeq(item) || isAlias(item))) break;
      position = at(item.range?.[0] ?? 0);
      node = item;
    } else {
      break;
    }
  }
  return position;
}
