/**
 * Keyword search for the `any` / `all_of` operators: "does the text contain 欠款 or 尾款?"
 *
 * A rule set has dozens of keyword rules with a few keywords each, and most of a request's
 * characters start no keyword at all. Testing each keyword with `includes` on a lower-cased
 * copy costs one pass per keyword plus the copy (~2 µs per request for 20 rules), and one big
 * case-insensitive regular expression still costs ~0.3–0.6 µs per request. Instead every keyword of
 * a compiled rule set goes into one KeywordSet, which makes ONE pass over the text: a bit per
 * UTF-16 unit says whether it can start a keyword (8 KB, stays in the L1 cache), and only at
 * those positions are the keywords starting with that character compared.
 *
 * Chinese needs no segmentation: a keyword is a plain substring. Case is ignored one UTF-16
 * unit at a time, as `String#toLowerCase` maps a single character (Latin, Greek, Cyrillic…).
 */

let lowerTable: Uint16Array | undefined;
/** For each lower-case unit: the other units whose lower case it is ('a' → ['A']). */
let variantTable: Map<number, number[]> | undefined;

/** The lower case of every UTF-16 unit (itself when it has none, or several). Built once. */
function lowerOf(): Uint16Array {
  if (lowerTable === undefined) {
    const table = new Uint16Array(65536);
    const variants = new Map<number, number[]>();
    for (let c = 0; c < 65536; c++) {
      const lower = String.fromCharCode(c).toLowerCase();
      const unit = lower.length === 1 ? lower.charCodeAt(0) : c;
      table[c] = unit;
      if (unit !== c) variants.set(unit, [...(variants.get(unit) ?? []), c]);
    }
    lowerTable = table;
    variantTable = variants;
  }
  return lowerTable;
}

interface Candidate {
  readonly id: number;
  /** The keyword, lower-cased unit by unit. */
  readonly units: Uint16Array;
}

/**
 * A set of keywords, each with a small integer id, that finds which of them occur in a text.
 * Add every keyword while compiling, then {@link KeywordSet.seal} it before scanning.
 *
 * @example
 * ```ts
 * const set = new KeywordSet();
 * const debt = set.add('欠款');
 * set.add('Contract');
 * set.seal();
 * const found: number[] = [];
 * set.scan('客户欠款未还，CONTRACT 未签', found); // found: [debt, 1]
 * ```
 */
export class KeywordSet {
  private readonly keywords: string[] = [];
  private readonly ids = new Map<string, number>();
  /** Bit c: some keyword starts with a unit whose lower case is that of unit c. */
  private starts = new Uint32Array(2048);
  /** By lower-cased first unit: the keywords starting with it. */
  private byFirst = new Map<number, Candidate[]>();
  private lower: Uint16Array = new Uint16Array(0);
  private sealed = false;

  /** How many distinct keywords the set holds. */
  get size(): number {
    return this.keywords.length;
  }

  /** Adds a keyword (non-empty) and returns its id; a repeated keyword keeps its id. */
  add(keyword: string): number {
    const known = this.ids.get(keyword);
    if (known !== undefined) return known;
    if (this.sealed) throw new Error('KeywordSet: add() after seal()');
    const id = this.keywords.length;
    this.keywords.push(keyword);
    this.ids.set(keyword, id);
    return id;
  }

  /** The keyword with the given id. */
  keyword(id: number): string {
    return this.keywords[id] ?? '';
  }

  /** Prepares the scan; call once, after the last {@link KeywordSet.add}. */
  seal(): void {
    if (this.sealed) return;
    this.sealed = true;
    if (this.keywords.length === 0) return;
    const lower = lowerOf();
    this.lower = lower;
    this.keywords.forEach((keyword, id) => {
      if (keyword.length === 0) return;
      const units = Uint16Array.from(keyword, (_, i) => lower[keyword.charCodeAt(i)] ?? 0);
      const first = units[0] ?? 0;
      const list = this.byFirst.get(first) ?? [];
      list.push({ id, units });
      this.byFirst.set(first, list);
    });
    const mark = (c: number): void => {
      this.starts[c >>> 5] = ((this.starts[c >>> 5] ?? 0) | (1 << (c & 31))) >>> 0;
    };
    for (const first of this.byFirst.keys()) {
      mark(first);
      for (const variant of variantTable?.get(first) ?? []) mark(variant);
    }
  }

  /**
   * Appends to `found` the id of every keyword occurring in `haystack` that `found` does not
   * hold yet. Matches may overlap (`拖欠款` holds both `拖欠` and `欠款`).
   */
  scan(haystack: string, found: number[]): void {
    const starts = this.starts;
    const length = haystack.length;
    for (let i = 0; i < length; i++) {
      const c = haystack.charCodeAt(i);
      if ((((starts[c >>> 5] as number) >>> (c & 31)) & 1) === 0) continue;
      const candidates = this.byFirst.get((this.lower[c] as number) | 0);
      if (candidates !== undefined) this.compare(haystack, i, candidates, found);
    }
  }

  private compare(haystack: string, at: number, candidates: readonly Candidate[], found: number[]): void {
    const lower = this.lower;
    for (const { id, units } of candidates) {
      const n = units.length;
      if (at + n > haystack.length || found.includes(id)) continue;
      let j = 1;
      while (j < n && lower[haystack.charCodeAt(at + j)] === units[j]) j++;
      if (j === n) found.push(id);
    }
  }
}
