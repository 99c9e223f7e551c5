import type { RoutingFacts } from '../types.js';
import type { KeywordSet } from './keyword-set.js';

const NONE: readonly number[] = Object.freeze([]);

/**
 * What the compiled tests of one evaluation share: the facts, plus work done at most once per
 * request and only if some rule needs it — the joined text (`title + '\n' + description`) and
 * the keyword scans of the title and the description.
 *
 * One context serves one evaluation; it is cheap to create.
 *
 * @example
 * ```ts
 * const context = new EvaluationContext(facts, keywords);
 * context.text(); // '项目尾款未结\n没有签合同'
 * ```
 */
export class EvaluationContext {
  readonly facts: RoutingFacts;
  private readonly keywords: KeywordSet;
  private joined: string | undefined = undefined;
  private titleHits: readonly number[] | undefined = undefined;
  private descriptionHits: readonly number[] | undefined = undefined;

  constructor(facts: RoutingFacts, keywords: KeywordSet) {
    this.facts = facts;
    this.keywords = keywords;
  }

  /** The request's text as rules see it: the title, a line break, the description. */
  text(): string {
    if (this.joined === undefined) this.joined = `${this.facts.title}\n${this.facts.description}`;
    return this.joined;
  }

  /**
   * Ids (in the shared keyword set) of the keywords found in the title. Keywords never hold a
   * line break, so the text's keywords are exactly the title's plus the description's.
   */
  titleKeywords(): readonly number[] {
    if (this.titleHits === undefined) this.titleHits = this.scan(this.facts.title);
    return this.titleHits;
  }

  /** Ids of the keywords found in the description. */
  descriptionKeywords(): readonly number[] {
    if (this.descriptionHits === undefined) this.descriptionHits = this.scan(this.facts.description);
    return this.descriptionHits;
  }

  private scan(haystack: string): readonly number[] {
    // Facts built by hand (not through the schema) may lack a description: nothing to find.
    if (this.keywords.size === 0 || typeof haystack !== 'string') return NONE;
    const found: number[] = [];
    this.keywords.scan(haystack, found);
    return found.length === 0 ? NONE : found;
  }
}
