import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionFinder, scanJson } from './json-positions.js';
import { allPaths } from './__fixtures__/fuzz-support.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('scanJson', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    const nearJson = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.jsonValue({ maxDepth: 3 }).chain((value) =>
        fc.tuple(fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', ' ', '\\', '\n', 'x', '-', '0', '.')).map(([at, insert]) => {
          const text = JSON.stringify(value) ?? 'null';
          const i = at % (text.length + 1);
          return text.slice(0, i) + insert + text.slice(i);
        }),
      ),
    );
    fc.assert(
      fc.property(nearJson, (text) => {
        const scan = scanJson(text);
        expect({ text, valid: scan.error === undefined }).toEqual({ text, valid: parses(text) });
      }),
      { numRuns: 2000 },
    );
  });

  it('records where every path starts: a member at its key, an element at its value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        const scan = scanJson(text);
        expect(scan.error).toBeUndefined();
        for (const path of allPaths(value)) {
          const offset = scan.offsets.get(JSON.stringify(path));
          if (offset === undefined) throw new Error(`no offset for ${JSON.stringify(path)}`);
          const last = path[path.length - 1];
          if (typeof last === 'string') expect(text.startsWith(JSON.stringify(last), offset)).toBe(true);
          else expect(text.slice(offset)).toMatch(/^[[{"\-0-9tfn]/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('says where the text stops being JSON', () => {
    expect(scanJson('{"a": 1,}').error).toEqual({ offset: 8, message: 'expected a key in double quotes but found "}"' });
    expect(scanJson('[1, 2').error).toEqual({ offset: 5, message: 'expected "," or "]" but the text ends' });
    expect(scanJson('{"a": "x\ny"}').error?.message).toBe('control character in a string: escape it (e.g. \\n)');
    expect(scanJson('{"a": 01}').error?.offset).toBe(7);
    expect(scanJson('').error?.message).toBe('expected a value but the text ends');
  });

  it('lets a later duplicate key win, as JSON.parse does', () => {
    expect(scanJson('{"a": 1, "a": 2}').offsets.get('["a"]')).toBe(9);
  });
});

describe('positionFinder', () => {
  it('maps offsets to 1-based lines and columns', () => {
    const at = positionFinder('ab\ncd\n\nef');
    expect([0, 1, 2, 3, 5, 6, 7, 8].map((o) => at(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
  });
});
