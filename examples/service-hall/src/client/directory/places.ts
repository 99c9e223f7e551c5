/**
 * The office's parks and communities, as forms and routing words need them: a submission names
 * its community (taken from the park), and routing rules name parks by code. The session knows
 * only park names, so this loads once per page load (they change rarely); a failed load is
 * tried again on the next call.
 */
import type { CommunityUnit, Park } from '@kechuang/community';
import type { Wire } from '../api.js';
import { listAll } from '../list-all.js';

export type ParkRow = Pick<Wire<Park>, 'id' | 'code' | 'name' | 'communityId'>;
export type CommunityRow = Pick<Wire<CommunityUnit>, 'id' | 'code' | 'name'>;

export interface Places {
  /** Ordered by code. */
  parks: ParkRow[];
  communities: CommunityRow[];
}

let cached: Promise<Places> | null = null;

export function loadPlaces(): Promise<Places> {
  cached ??= (async () => {
    const [parks, communities] = await Promise.all([listAll<Wire<Park>>('/api/parks'), listAll<Wire<CommunityUnit>>('/api/communities')]);
    return {
      parks: parks.map(({ id, code, name, communityId }) => ({ id, code, name, communityId })).sort((a, b) => a.code.localeCompare(b.code)),
      communities: communities.map(({ id, code, name }) => ({ id, code, name })),
    };
  })().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}
