/**
 * The parks and communities a request can be placed in. A submission names its community,
 * which the form takes from the enterprise or the park; the session knows only park names.
 */
import type { CommunityUnit, Park } from '@kechuang/community';
import { api, type Page, type Wire } from '../../api.js';

export interface PlaceDirectory {
  /** Parks ordered by code, as the server lists them. */
  parks: Pick<Wire<Park>, 'id' | 'code' | 'name' | 'communityId'>[];
  /** The office's communities, for a request placed in neither an enterprise nor a park. */
  communityIds: string[];
}

async function all<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>('GET', `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

let cached: Promise<PlaceDirectory> | null = null;

/**
 * Loads the parks and communities once per page load (they change rarely, and every form of
 * the screen needs them); a failed load is tried again on the next call.
 */
export function loadPlaces(): Promise<PlaceDirectory> {
  cached ??= (async () => {
    const [parks, communities] = await Promise.all([all<Wire<Park>>('/api/parks'), all<Wire<CommunityUnit>>('/api/communities')]);
    return {
      parks: parks.map(({ id, code, name, communityId }) => ({ id, code, name, communityId })),
      communityIds: communities.map((c) => c.id),
    };
  })().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
