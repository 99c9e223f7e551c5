import { joinUnits, textUnits } from './normalize-text.js';

/**
 * How many units of a text are compared. Requests can carry 20,000 characters of description;
 * the opening of a text says what it is about, and a bound keeps scoring 200 candidates cheap.
 */
export const MAX_SCORED_UNITS = 4000;

/** How many units the shared passage is searched in (quadratic, so smaller). */
const MAX_PASSAGE_UNITS = 1000;

// Markers for the start and end of a text, which no unit can contain (units are letters,
// digits and marks). With them a one-character text still has bigrams, and a text's first
// and last units weigh as much as the others.
const START = '\u0002';
const END = '\u0003';
const SEP = '\u0000';

/** A text's bigrams and how often each occurs. */
export type BigramProfile = ReadonlyMap<string, number>;

/**
 * The multiset of adjacent unit pairs of a text, with start and end markers.
 *
 * @example
 * ```ts
 * bigramProfile(['尾', '款']); // Map { '\u0002\u0000尾' => 1, '尾\u0000款' => 1, '款\u0000\u0003' => 1 }
 * ```
 */
export function bigramProfile(units: readonly string[]): BigramProfile {
  const profile = new Map<string, number>();
  const n = Math.min(units.length, MAX_SCORED_UNITS);
  let previous = START;
  for (let i = 0; i <= n; i++) {
    const current = i < n ? (units[i] as string) : END;
    const key = previous + SEP + current;
    profile.set(key, (profile.get(key) ?? 0) + 1);
    previous = current;
  }
  return profile;
}

/**
 * The Dice coefficient of two bigram multisets: twice the shared bigrams over all bigrams,
 * from 0 (nothing shared) to 1 (the same multiset).
 *
 * @example
 * ```ts
 * diceSimilarity(bigramProfile(['尾', '款']), bigramProfile(['尾', '款'])); // 1
 * ```
 */
export function diceSimilarity(a: BigramProfile, b: BigramProfile): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, count] of small) shared += Math.min(count, large.get(key) ?? 0);
  let total = 0;
  for (const count of a.values()) total += count;
  for (const count of b.values()) total += count;
  return (2 * shared) / total;
}

/**
 * How alike two texts are, from 0 to 1: the Dice coefficient of their character bigrams after
 * normalisation (full-width to half-width, lower case, punctuation and whitespace dropped,
 * Latin words kept whole). It is symmetric, 1 for texts that normalise alike and 0 for texts
 * without a unit in common.
 *
 * @example
 * ```ts
 * textSimilarity('40余个项目尾款未结', '40余个项目的尾款还没结清'); // ≈ 0.56
 * textSimilarity('项目尾款未结！', '项目 尾款未结'); // 1
 * ```
 */
export function textSimilarity(a: string, b: string): number {
  return diceSimilarity(bigramProfile(textUnits(a)), bigramProfile(textUnits(b)));
}

/**
 * The longest run of units two texts share, as normalised text: the words a reader sees the
 * texts have in common. Empty when they share none.
 *
 * @example
 * ```ts
 * sharedPassage(textUnits('请协助追讨40余个项目尾款'), textUnits('40余个项目尾款未结')); // '40余个项目尾款'
 * ```
 */
export function sharedPassage(a: readonly string[], b: readonly string[]): string {
  const x = a.slice(0, MAX_PASSAGE_UNITS);
  const y = b.slice(0, MAX_PASSAGE_UNITS);
  // Longest common substring by dynamic programming, keeping two rows of run lengths.
  let row = new Uint16Array(y.length + 1);
  let next = new Uint16Array(y.length + 1);
  let best = 0;
  let bestEnd = 0;
  for (let i = 1; i <= x.length; i++) {
    next.fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] !== y[j - 1]) continue;
      const run = (row[j - 1] as number) + 1;
      next[j] = run;
      if (run > best) {
        best = run;
        bestEnd = i;
      }
    }
    [row, next] = [next, row];
  }
  return joinUnits(x.slice(bestEnd - best, bestEnd));
}
