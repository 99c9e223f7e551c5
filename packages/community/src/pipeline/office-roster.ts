import type { Member } from '../model/member.js';
import type { Team } from '../model/team.js';
import { rowToRecord } from '../storage/records.js';
import { cacheOf } from './directory-cache.js';
import type { Runtime } from './runtime.js';

/** Every member and team of an office, as routing sees them. */
export interface OfficeRoster {
  members: readonly Member[];
  teams: readonly Team[];
}

/** The office's members and teams: routing needs all of them for every request it routes. */
export async function officeRoster(runtime: Runtime, officeId: string): Promise<OfficeRoster> {
  const cache = cacheOf(runtime, officeId);
  const hit = cache?.views.get('roster') as OfficeRoster | undefined;
  if (hit) return hit;
  const office = [{ field: 'officeId', value: officeId }] as const;
  const [memberRows, teamRows] = await Promise.all([runtime.storage.findMany({ model: 'member', where: office }), runtime.storage.findMany({ model: 'team', where: office })]);
  const roster: OfficeRoster = {
    members: Object.freeze(memberRows.map((r) => Object.freeze(rowToRecord<Member>(r)))),
    teams: Object.freeze(teamRows.map((r) => Object.freeze(rowToRecord<Team>(r)))),
  };
  cache?.views.set('roster', roster);
  return roster;
}
