import type { EarlierRequest } from './earlier-request.js';
import type { DuplicatesOptions } from './duplicates-options.js';
import { joinUnits, textUnits } from './normalize-text.js';
import { bigramProfile, diceSimilarity, sharedPassage } from './text-similarity.js';

/** What the plugin compares of the new request. */
export interface NewRequest {
  id: string;
  category: string;
  title: string;
  description: string;
  attributes: Readonly<Record<string, unknown>>;
  attachmentHashes: readonly string[];
  createdAt: Date;
}

/** An earlier request that the new one likely duplicates, and why. */
export interface Match {
  request: EarlierRequest;
  /** Similarity of the texts, 0–1, rounded to 4 decimals (the thresholds compare this value). */
  score: number;
  /** The longest passage the two texts share, normalised. */
  sharedText: string;
}

/** What the plugin concluded about a submission. */
export interface Assessment {
  /** The new request's normalised title and description. */
  normalized: string;
  /**
   * Earlier requests of the same subject within the window with the same normalised text,
   * category and attributes, oldest first.
   */
  repeats: EarlierRequest[];
  /** Whether the submission is refused: enough repeats, and nothing new in it. */
  refused: boolean;
  /** Likely duplicates at or above `suggestAbove`, best first. */
  matches: Match[];
  /** The match to merge the new request into, if one qualifies. */
  mergeInto: Match | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
// A merged or withdrawn request is not handled any more: nothing to link a new one to.
const NOT_A_CANDIDATE = new Set(['merged', 'withdrawn']);

/** The normalised text the plugin compares: title and description together. */
export function requestUnits(request: { title: string; description: string }): string[] {
  return textUnits(`${request.title}\n${request.description}`);
}

/**
 * Compares a new request with the earlier ones: `candidates` in its scope (for suggestions and
 * merges) and `sameSubject`, the same enterprise's or member's (for repeats). Pure: the caller
 * reads the rows, and the new request's `createdAt` is the time the window ends.
 *
 * @example
 * ```ts
 * const a = assessSubmission(newRequest, { candidates, sameSubject }, options);
 * if (a.refused) throw tooManyRepeats(a.repeats);
 * ```
 */
export function assessSubmission(
  request: NewRequest,
  earlier: { candidates: readonly EarlierRequest[]; sameSubject: readonly EarlierRequest[] },
  options: Pick<DuplicatesOptions, 'windowDays' | 'suggestAbove' | 'mergeAbove' | 'maxRepeats' | 'maxSuggestions'>,
): Assessment {
  const units = requestUnits(request);
  const normalized = joinUnits(units);
  const none: Assessment = { normalized, repeats: [], refused: false, matches: [], mergeInto: null };
  // A text with no letters or digits says nothing to compare.
  if (units.length === 0) return none;
  const since = request.createdAt.getTime() - options.windowDays * DAY_MS;
  const inWindow = (e: EarlierRequest): boolean => e.id !== request.id && e.createdAt.getTime() >= since;
  // In the enterprise scope both lists hold the same rows: normalise each text once.
  const memo = new Map<string, string[]>();
  const unitsOf = (e: EarlierRequest): string[] => {
    let found = memo.get(e.id);
    if (!found) memo.set(e.id, (found = requestUnits(e)));
    return found;
  };

  const repeats = unique(earlier.sameSubject)
    .filter((e) => inWindow(e) && e.category === request.category && sameAttributes(e.attributes, request.attributes) && joinUnits(unitsOf(e)) === normalized)
    .sort(byAge);
  const known = new Set(repeats.flatMap((r) => r.attachmentHashes));
  const addsNothing = request.attachmentHashes.every((h) => known.has(h));
  const refused = options.maxRepeats !== null && repeats.length >= options.maxRepeats && addsNothing;
  if (refused) return { ...none, repeats, refused };

  const profile = bigramProfile(units);
  const scored: Match[] = [];
  for (const candidate of unique(earlier.candidates)) {
    if (!inWindow(candidate) || NOT_A_CANDIDATE.has(candidate.status)) continue;
    const score = Math.round(diceSimilarity(profile, bigramProfile(unitsOf(candidate))) * 10_000) / 10_000;
    if (score >= options.suggestAbove) scored.push({ request: candidate, score, sharedText: '' });
  }
  scored.sort((a, b) => b.score - a.score || byAge(a.request, b.request));
  const matches = scored.slice(0, options.maxSuggestions).map((m) => ({ ...m, sharedText: sharedPassage(units, unitsOf(m.request)) }));
  // Only into a request still being handled: one already concluded stays concluded, and the
  // staff decide whether the new one reopens the matter. Never into one that is itself about
  // to be merged away (a duplicate that committed a moment ago), but into its original.
  const mergeAbove = options.mergeAbove;
  const mergeInto = mergeAbove === null ? null : (matches.find((m) => m.score >= mergeAbove && m.request.closedAt === null && m.request.duplicatesAction !== 'merge') ?? null);
  return { normalized, repeats, refused: false, matches, mergeInto };
}

function byAge(a: EarlierRequest, b: EarlierRequest): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One entry per id; a later entry (read more recently) wins. */
function unique(list: readonly EarlierRequest[]): EarlierRequest[] {
  return [...new Map(list.map((e) => [e.id, e])).values()];
}

/** Whether two attribute maps hold the same values, whatever the key order. */
export function sameAttributes(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
