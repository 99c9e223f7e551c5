/**
 * What the duplicates plugin (`@kechuang/plugin-duplicates`) leaves for the console: the mark
 * intake put on a request, the likely duplicates its route lists, and its refusal of a request
 * repeated with nothing new. Plugin fields travel on the request as extra JSON properties, so
 * they are read here without trusting their shape.
 */
import type { DuplicatesListing } from '@kechuang/plugin-duplicates';
import { api, type ApiProblem } from '../api.js';

export type { DuplicatesListing, ListedDuplicate } from '@kechuang/plugin-duplicates';

/** The refusal's code, as the server sends it for the plugin's `REPEATED_REQUEST`. */
export const REPEATED_REQUEST = 'duplicates:REPEATED_REQUEST';

/** What intake decided about a request with a likely duplicate. */
export interface DuplicatesMark {
  /** `merge`: intake merged it into `duplicateOfId` (if the merge went through); `suggest`: flagged only. */
  action: 'suggest' | 'merge';
  /** The request it was merged into, else the likeliest duplicate. */
  duplicateOfId: string;
  /** How alike the two texts are, 0–1. */
  score: number;
}

/** The plugin's mark on a request, or null when intake found no likely duplicate (or the plugin is not installed). */
export function duplicatesMarkOf(request: object): DuplicatesMark | null {
  const action = 'duplicatesAction' in request ? request.duplicatesAction : null;
  const duplicateOfId = 'duplicatesOf' in request ? request.duplicatesOf : null;
  const score = 'duplicatesScore' in request ? request.duplicatesScore : null;
  if ((action !== 'suggest' && action !== 'merge') || typeof duplicateOfId !== 'string' || typeof score !== 'number') return null;
  return { action, duplicateOfId, score };
}

/**
 * The likely duplicates of a request the signed-in member may see, best first.
 *
 * @example
 * ```ts
 * const { decision, duplicates } = await loadDuplicates(request.id);
 * ```
 */
export function loadDuplicates(requestId: string, signal?: AbortSignal): Promise<DuplicatesListing> {
  return api<DuplicatesListing>('GET', `/api/plugins/duplicates/requests/${encodeURIComponent(requestId)}/duplicates`, undefined, signal ? { signal } : {});
}

/** `0.958` → `96%`: a score as the plugin's own notes round it. */
export function scorePercent(score: number): string {
  return `${Math.round(score * 100)}%`;
}

/** A refused repeat: how many times it was sent, in how many days, and the request to follow up instead. */
export interface RepeatRefusal {
  repeats: number;
  windowDays: number | null;
  followUpId: string | null;
  /** Whether the repeats were counted for the enterprise (else for the member who submitted them). */
  byEnterprise: boolean;
  /** The server's own words. */
  message: string;
}

/** The refusal in a problem, or null when the problem is something else. */
export function repeatRefusalOf(problem: ApiProblem | null): RepeatRefusal | null {
  if (!problem || problem.code !== REPEATED_REQUEST) return null;
  const { repeats, windowDays, followUp, countedFor } = problem.details;
  return {
    repeats: Array.isArray(repeats) ? repeats.length : 0,
    windowDays: typeof windowDays === 'number' ? windowDays : null,
    followUpId: typeof followUp === 'string' ? followUp : null,
    byEnterprise: countedFor === 'enterprise',
    message: problem.message,
  };
}
