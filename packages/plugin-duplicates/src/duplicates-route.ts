import { isKechuangError, type CommunitySession, type PluginRoute, type ServiceRequest } from '@kechuang/community';
import { requestUnits } from './assess-submission.js';
import { duplicatesFields } from './duplicates-schema.js';
import { sharedPassage } from './text-similarity.js';

/** One likely duplicate of a request, as the route lists it. */
export interface ListedDuplicate {
  /** The likely duplicate's id. */
  requestId: string;
  /** Its title. */
  title: string;
  /** Its state. */
  status: string;
  /** When it was submitted, ISO 8601. */
  createdAt: string;
  /** The similarity recorded at intake, 0–1. */
  score: number;
  /** The longest passage the two requests' texts share. */
  sharedText: string;
}

/** What `GET /requests/:id/duplicates` answers. */
export interface DuplicatesListing {
  /** The request asked about. */
  requestId: string;
  /** The best match, or null when intake found none (or the caller may not see it). */
  duplicateOfId: string | null;
  /** What intake decided: `suggest`, `merge`, or null when it found no likely duplicate. */
  decision: 'suggest' | 'merge' | null;
  /** Likely duplicates the caller may see, best first. */
  duplicates: ListedDuplicate[];
}

/** Reads a request the caller may see, or null when it is hidden from them or gone. */
async function visible(session: CommunitySession, id: string): Promise<ServiceRequest | null> {
  try {
    return (await session.requests.get(id)).request;
  } catch (error) {
    if (isKechuangError(error, 'NOT_FOUND') || isKechuangError(error, 'FORBIDDEN')) return null;
    throw error;
  }
}

/**
 * Lists a request's likely duplicates for the caller. The request itself is read through the
 * caller's session first, so a request they may not see is NOT_FOUND, as on every core route.
 * Each listed duplicate is read the same way and left out when the caller may not see it; the
 * shared text is worked out from the two texts the caller can read, never stored for them.
 */
export async function listDuplicates(session: CommunitySession, requestId: string): Promise<DuplicatesListing> {
  const { request } = await session.requests.get(requestId);
  const fields = duplicatesFields.parse(request);
  const units = requestUnits(request);
  const duplicates: ListedDuplicate[] = [];
  for (const { requestId: id, score } of fields.duplicatesMatches) {
    const other = await visible(session, id);
    if (!other) continue;
    duplicates.push({ requestId: id, title: other.title, status: other.status, createdAt: other.createdAt.toISOString(), score, sharedText: sharedPassage(units, requestUnits(other)) });
  }
  const best = duplicates.some((d) => d.requestId === fields.duplicatesOf) ? fields.duplicatesOf : null;
  return { requestId: request.id, duplicateOfId: best, decision: fields.duplicatesAction, duplicates };
}

/**
 * `GET /requests/:id/duplicates`, mounted by `@kechuang/server` under
 * `/api/plugins/duplicates`: the likely duplicates intake found for a request.
 *
 * @example
 * ```ts
 * const res = await fetch('/api/plugins/duplicates/requests/01J…/duplicates');
 * const { duplicates } = await res.json(); // [{ requestId, title, status, score, sharedText, … }]
 * ```
 */
export function duplicatesRoute(): PluginRoute {
  return {
    method: 'GET',
    path: '/requests/:id/duplicates',
    summary: 'Likely duplicates of a request found at intake, with their similarity and shared text',
    async handler(_request, { session, params }) {
      const listing = await listDuplicates(session, params['id'] ?? '');
      return Response.json(listing);
    },
  };
}
