import type { SourcePosition } from './config-problem.js';

/**
 * Positions in JSON text. `JSON.parse` gives values but no positions, and its syntax errors
 * do not reliably say where (V8's messages vary), so this small strict scanner walks the text
 * once: it records where every path starts (a member at its key, an element at its value) and
 * where the text stops being JSON.
 */

type Path = (string | number)[];

/** What scanning JSON text found. */
export interface JsonScan {
  /** Where each path starts, keyed by `JSON.stringify(path)`; a later duplicate key wins, as in `JSON.parse`. */
  offsets: Map<string, number>;
  /** Keys given twice in one object (`JSON.parse` silently keeps the last): where the later one is. */
  duplicates: { path: Path; offset: number }[];
  /** The first syntax error, if the text is not JSON. */
  error?: { offset: number; message: string };
}

/** Deeper than this the scanner stops recording (the loader refuses such documents anyway). */
const MAX_DEPTH = 256;

class Scanner {
  i = 0;
  readonly offsets = new Map<string, number>();
  readonly duplicates: { path: Path; offset: number }[] = [];
  constructor(readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntax(this.i, message);
  }

  space(): void {
    for (;;) {
      const c = this.text[this.i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') this.i += 1;
      else return;
    }
  }

  expect(char: string): void {
    if (this.text[this.i] !== char) this.fail(`expected ${JSON.stringify(char)}${this.found()}`);
    this.i += 1;
  }

  found(): string {
    const c = this.text[this.i];
    return c === undefined ? ' but the text ends' : ` but found ${JSON.stringify(c)}`;
  }

  value(path: Path, depth: number): void {
    if (depth > MAX_DEPTH) this.fail(`nested more than ${MAX_DEPTH} levels deep`);
    this.offsets.set(JSON.stringify(path), this.i);
    const c = this.text[this.i];
    if (c === '{') this.object(path, depth);
    else if (c === '[') this.array(path, depth);
    else if (c === '"') this.string();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else if (this.text.startsWith('true', this.i)) this.i += 4;
    else if (this.text.startsWith('false', this.i)) this.i += 5;
    else if (this.text.startsWith('null', this.i)) this.i += 4;
    else this.fail(`expected a value${this.found()}`);
  }

  object(path: Path, depth: number): void {
    this.i += 1;
    this.space();
    if (this.text[this.i] === '}') {
      this.i += 1;
      return;
    }
    const seen = new Set<string>();
    for (;;) {
      if (this.text[this.i] !== '"') this.fail(`expected a key in double quotes${this.found()}`);
      const keyStart = this.i;
      const key = this.string();
      if (seen.has(key)) this.duplicates.push({ path: [...path, key], offset: keyStart });
      seen.add(key);
      this.space();
      this.expect(':');
      this.space();
      const memberPath = [...path, key];
      this.value(memberPath, depth + 1);
      this.offsets.set(JSON.stringify(memberPath), keyStart);
      this.space();
      if (this.text[this.i] === ',') {
        this.i += 1;
        this.space();
      } else if (this.text[this.i] === '}') {
        this.i += 1;
        return;
      } else {
        this.fail(`expected "," or "}"${this.found()}`);
      }
    }
  }

  array(path: Path, depth: number): void {
    this.i += 1;
    this.space();
    if (this.text[this.i] === ']') {
      this.i += 1;
      return;
    }
    for (let index = 0; ; index += 1) {
      this.value([...path, index], depth + 1);
      this.space();
      if (this.text[this.i] === ',') {
        this.i += 1;
        this.space();
      } else if (this.text[this.i] === ']') {
        this.i += 1;
        return;
      } else {
        this.fail(`expected "," or "]"${this.found()}`);
      }
    }
  }

  string(): string {
    const start = this.i;
    this.i += 1;
    for (;;) {
      const c = this.text[this.i];
      if (c === undefined) this.fail('unterminated string: add the closing "');
      if (c === '"') break;
      if (c < ' ') this.fail('control character in a string: escape it (e.g. \\n)');
      if (c === '\\') {
        const e = this.text[this.i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) this.fail('bad \\u escape: use four hex digits');
          this.i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) this.fail('bad escape in a string');
        this.i += 2;
        continue;
      }
      this.i += 1;
    }
    this.i += 1;
    return JSON.parse(this.text.slice(start, this.i)) as string;
  }

  number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (match === null) this.fail('bad number');
    this.i += match[0].length;
  }
}

class JsonSyntax {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Scans JSON text for positions and for its first syntax error.
 *
 * @example
 * ```ts
 * const scan = scanJson('{\n  "routing": 1\n}');
 * scan.offsets.get('["routing"]'); // 4
 * scanJson('{ "a": }').error; // { offset: 7, message: 'expected a value but found "}"' }
 * ```
 */
export function scanJson(text: string): JsonScan {
  const scanner = new Scanner(text);
  try {
    scanner.space();
    scanner.value([], 0);
    scanner.space();
    if (scanner.i < text.length) scanner.fail(`unexpected text after the document${scanner.found()}`);
    return { offsets: scanner.offsets, duplicates: scanner.duplicates };
  } catch (error) {
    if (error instanceof JsonSyntax) return { offsets: scanner.offsets, duplicates: scanner.duplicates, error: { offset: error.offset, message: error.message } };
    throw error;
  }
}

/**
 * A function giving the 1-based line and column (in UTF-16 code units) of an offset in
 * `text`; lines end at `\n`.
 */
export function positionFinder(text: string): (offset: number) => SourcePosition {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  };
}

/**
 * Where `path` starts in scanned JSON: the member's key, the element's value, or the
 * deepest ancestor present.
 */
export function locateInJson(scan: JsonScan, position: (offset: number) => SourcePosition, path: readonly (string | number)[]): SourcePosition {
  for (let length = path.length; length >= 0; length -= 1) {
    const offset = scan.offsets.get(JSON.stringify(path.slice(0, length)));
    if (offset !== undefined) return position(offset);
  }
  return { line: 1, column: 1 };
}
