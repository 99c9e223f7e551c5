/**
 * "Did you mean …?" for names in an office config: fields, operators, ids and keys.
 *
 * Office staff write the config by hand, so most mistakes are typos (`catgory`, `gtee`,
 * `asign`). Edit distance with adjacent swaps counted as one edit catches those, and a limit
 * relative to the word's length keeps us from suggesting something unrelated.
 */

/**
 * The edit distance between two words, ignoring case: insertions, deletions, substitutions
 * and swaps of two adjacent characters each count one (optimal string alignment).
 *
 * @example
 * ```ts
 * editDistance('catgory', 'category'); // 1
 * editDistance('gtee', 'gte');         // 1
 * editDistance('asgin', 'assign');     // 2
 * ```
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  const cols = t.length + 1;
  // Three rolling rows are enough: a swap looks back two rows.
  let before = new Array<number>(cols).fill(0);
  let previous = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length] ?? 0;
}

/** Longer inputs are not typos of a config name; skip the quadratic work. */
const MAX_WORD_LENGTH = 200;

/**
 * The candidate closest to `word`, or `undefined` when none is a plausible typo of it: at most
 * a third of the longer of the two may change (at least one edit is always allowed). Case is
 * ignored; on a tie the earlier candidate wins, so put the likelier ones first. A candidate
 * equal to `word` is never suggested.
 *
 * @param word what the config says
 * @param candidates the valid names
 * @example
 * ```ts
 * closest('catgory', ['category', 'channel', 'priority']); // 'category'
 * closest('gtee', ['gt', 'gte', 'lt', 'lte']);             // 'gte'
 * closest('colour', ['category', 'channel']);              // undefined
 * ```
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > MAX_WORD_LENGTH) return undefined;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const limit = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    // The length difference alone is a lower bound of the distance.
    if (Math.abs(candidate.length - word.length) > limit || Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const distance = editDistance(word, candidate);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
