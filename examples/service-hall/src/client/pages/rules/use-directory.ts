/**
 * What the rules screen looks names up in beyond the session: every park with its code and
 * community (rules name parks by code; a would-be request needs its community), the
 * communities, and the config in force with its version.
 */
import type { OfficeConfig } from '@kechuang/community';
import { api, type Page } from '../../api.js';
import type { NamedRow, ParkRow } from './rule-words.js';

export interface RulesDirectory {
  parks: ParkRow[];
  communities: NamedRow[];
  config: OfficeConfig;
  /** The stored config's version and since when it is in force. */
  version: number;
  since: string;
}

async function everything<T>(path: string, signal: AbortSignal): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<T> = await api<Page<T>>('GET', `${path}?limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, undefined, { signal });
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

export async function loadRulesDirectory(signal: AbortSignal): Promise<RulesDirectory> {
  const [parks, communities, stored] = await Promise.all([
    everything<ParkRow>('/api/parks', signal),
    everything<NamedRow>('/api/communities', signal),
    api<{ version: number; createdAt: string; config: OfficeConfig }>('GET', '/api/config', undefined, { signal }),
  ]);
  return {
    parks: parks.map(({ id, code, name, communityId }) => ({ id, code, name, communityId })).sort((a, b) => a.code.localeCompare(b.code)),
    communities: communities.map(({ id, code, name }) => ({ id, code, name })),
    config: stored.config,
    version: stored.version,
    since: stored.createdAt,
  };
}
