import type { EvaluationContext } from './conditions/evaluation-context.js';
import { INDEXED_FIELDS, type IndexedField, type IndexKey, type Requirements } from './conditions/requirements.js';
import type { RoutingFacts } from './types.js';

/**
 * The rule index: which rules can possibly match a request, by its category, park and
 * channel, and by the keywords its text contains.
 *
 * A realistic rule set has a captain rule per park (62 parks), a rule per category and a rule
 * per keyword list; a request can only ever match a few of them. For every indexed field the
 * index maps each value a rule requires to the set of rules still possible for that value —
 * the rules requiring it plus the rules that require nothing of the field. A request's
 * candidates are the intersection of its sets, visited in rule order. Keywords work the same
 * way, from the one scan of the text the keyword tests share anyway.
 *
 * The sets are bitsets (bit r = rule r), i.e. sorted rule indexes whose intersection is a
 * word-wise AND, done lazily while walking the words, so that a request decided by rule 3
 * never touches the words of rules 32 and up — and a request whose category already rules
 * out every captain rule never looks its park up.
 */

/** A set of rule indexes, one bit per rule; bit `r % 32` of word `r >> 5` is rule r. */
export type RuleSet = Uint32Array;

interface FieldIndex {
  readonly byValue: ReadonlyMap<IndexKey, RuleSet>;
  /** The rules that require nothing of this field. */
  readonly unconstrained: RuleSet;
}

/**
 * Whether rule `r` is in the set.
 *
 * @example
 * ```ts
 * hasRule(Uint32Array.of(0b101), 2); // true
 * ```
 */
export function hasRule(set: RuleSet, r: number): boolean {
  return (((set[r >>> 5] ?? 0) >>> (r & 31)) & 1) === 1;
}

function add(set: RuleSet, r: number): void {
  set[r >>> 5] = ((set[r >>> 5] ?? 0) | (1 << (r & 31))) >>> 0;
}

function describe(value: unknown): string {
  return value === null || value === undefined ? 'none' : `'${String(value)}'`;
}

/**
 * The category/park/channel/keyword index of a rule set.
 *
 * @param requirements what each rule requires, in rule order (see `requirementsOf`)
 * @param keywordId the id of a keyword in the shared scan of the evaluation context
 * @example
 * ```ts
 * const index = new RuleIndex([{ category: ['legal'] }, {}], (k) => keywords.add(k));
 * hasRule(index.byCategory(facts), 0); // true only when facts.category is 'legal'
 * ```
 */
export class RuleIndex {
  /** Words per rule set. */
  readonly words: number;
  private readonly requirements: readonly Requirements[];
  /** Per rule and field, the end of the "ruled out" sentence (built once, for `explain`). */
  private readonly needs: readonly Readonly<Partial<Record<IndexedField | 'keywords', string>>>[];
  private readonly fields: Readonly<Record<IndexedField, FieldIndex>>;
  /** For each keyword id: the rules requiring it (without the unconstrained ones). */
  readonly byKeyword: readonly (RuleSet | undefined)[];
  /** The rules that require no keyword. */
  readonly keywordFree: RuleSet;
  /** Whether any rule requires a keyword (else the text need not be scanned for the index). */
  readonly usesKeywords: boolean;
  /**
   * The rules that require a park / a keyword. Where a word of candidates holds none of them,
   * the park lookup and the text scan are skipped: both read the request's strings, which is
   * where most of a decision's time goes.
   */
  readonly parkBound: RuleSet;
  readonly keywordBound: RuleSet;

  constructor(requirements: readonly Requirements[], keywordId: (keyword: string) => number) {
    this.requirements = requirements;
    this.needs = requirements.map((required) => {
      const needs: Partial<Record<IndexedField | 'keywords', string>> = {};
      for (const field of INDEXED_FIELDS) {
        const values = required[field];
        if (values !== undefined) needs[field] = `rule needs one of [${values.map(String).join(', ')}]`;
      }
      if (required.keywords !== undefined) needs.keywords = `text contains none of [${required.keywords.join(', ')}]`;
      return needs;
    });
    const words = Math.max(1, Math.ceil(requirements.length / 32));
    this.words = words;
    const unconstrainedBy = (constrained: (required: Requirements) => boolean): RuleSet => {
      const set = new Uint32Array(words);
      requirements.forEach((required, r) => {
        if (!constrained(required)) add(set, r);
      });
      return set;
    };
    const build = (field: IndexedField): FieldIndex => {
      const unconstrained = unconstrainedBy((required) => required[field] !== undefined);
      const byValue = new Map<IndexKey, RuleSet>();
      requirements.forEach((required, r) => {
        for (const value of required[field] ?? []) {
          let set = byValue.get(value);
          if (set === undefined) byValue.set(value, (set = unconstrained.slice()));
          add(set, r);
        }
      });
      return { byValue, unconstrained };
    };
    this.fields = { category: build('category'), park: build('park'), channel: build('channel') };
    this.keywordFree = unconstrainedBy((required) => required.keywords !== undefined);
    const byKeyword: (RuleSet | undefined)[] = [];
    requirements.forEach((required, r) => {
      for (const keyword of required.keywords ?? []) {
        const id = keywordId(keyword);
        add((byKeyword[id] ??= new Uint32Array(words)), r);
      }
    });
    this.byKeyword = byKeyword;
    this.usesKeywords = byKeyword.length > 0;
    this.parkBound = this.fields.park.unconstrained.map((bits) => ~bits >>> 0);
    this.keywordBound = this.keywordFree.map((bits) => ~bits >>> 0);
  }

  /** The rules still possible for the request's category. */
  byCategory(facts: RoutingFacts): RuleSet {
    const field = this.fields.category;
    return field.byValue.get(facts.category) ?? field.unconstrained;
  }

  /** The rules still possible for the request's channel. */
  byChannel(facts: RoutingFacts): RuleSet {
    const field = this.fields.channel;
    return field.byValue.get(facts.channel) ?? field.unconstrained;
  }

  /** The rules still possible for the request's park, named in rules by its code or its id. */
  byPark(facts: RoutingFacts): RuleSet {
    const field = this.fields.park;
    const park = facts.park;
    if (park === null) return field.unconstrained;
    const byCode = field.byValue.get(park.code);
    const byId = field.byValue.get(park.id);
    if (byCode === undefined) return byId ?? field.unconstrained;
    if (byId === undefined || byId === byCode) return byCode;
    // Rules name this park both ways: either kind of rule is possible.
    const union = byCode.slice();
    for (let w = 0; w < union.length; w++) union[w] = ((union[w] ?? 0) | (byId[w] ?? 0)) >>> 0;
    return union;
  }

  /**
   * Word `w` of the rules still possible for the keywords found in the request's text:
   * those requiring none, and those requiring one that was found.
   */
  keywordWord(w: number, title: readonly number[], description: readonly number[]): number {
    let bits = this.keywordFree[w] ?? 0;
    for (const id of title) bits |= this.byKeyword[id]?.[w] ?? 0;
    for (const id of description) bits |= this.byKeyword[id]?.[w] ?? 0;
    return bits;
  }

  /** Whether the keywords in the request's text leave rule `r` possible (this scans the text once). */
  keywordsAllow(r: number, context: EvaluationContext): boolean {
    if (!this.usesKeywords) return true;
    const bits = this.keywordWord(r >>> 5, context.titleKeywords(), context.descriptionKeywords());
    return ((bits >>> (r & 31)) & 1) === 1;
  }

  /**
   * Why rule `r` cannot match the request, e.g. `category is 'policy', rule needs one of
   * [legal]`, or null when the index keeps it.
   */
  ruledOut(r: number, context: EvaluationContext): string | null {
    const facts = context.facts;
    const required = this.requirements[r] ?? {};
    for (const field of INDEXED_FIELDS) {
      const values = required[field];
      if (values === undefined) continue;
      let actual: string | null;
      let ok: boolean;
      if (field === 'park') {
        actual = facts.park?.code ?? null;
        ok = facts.park !== null && (values.includes(facts.park.code) || values.includes(facts.park.id));
      } else {
        actual = facts[field];
        ok = values.includes(actual);
      }
      if (!ok) return `${field} is ${describe(actual)}, ${this.needs[r]?.[field] ?? ''}`;
    }
    if (required.keywords !== undefined && !this.keywordsAllow(r, context)) return this.needs[r]?.keywords ?? null;
    return null;
  }
}
