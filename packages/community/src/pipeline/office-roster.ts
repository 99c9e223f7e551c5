import type { Member } from '../model/member.js';
import type { Team } from '../model/team.js';
import { rowToRecord } from '../storage/records.js';
import { officeStamps } from './office-state.js';
import type { Runtime } from './runtime.js';

/** Every member and team of an office, as routing sees them. */
export interface OfficeRoster {
  members: readonly Member[];
  teams: readonly Team[];
}

const cached = new WeakMap<Runtime, Map<string, { stamp: string; roster: OfficeRoster }>>();

/**
 * The office's members and teams. Routing needs all of them for every request it routes; they
 * change rarely, and each change also changes the office row's roster stamp in the same
 * transaction. The office row is read before this (loading the actor), so a roster cached
 * under the stamp that row showed is at least as new as that row: reading the roster after the
 * row can only see the same or later changes.
 */
export async function officeRoster(runtime: Runtime, officeId: string): Promise<OfficeRoster> {
  const stamp = officeStamps(runtime, officeId)?.rosterStamp ?? null;
  let offices = cached.get(runtime);
  if (!offices) cached.set(runtime, (offices = new Map()));
  const hit = offices.get(officeId);
  if (stamp !== null && hit?.stamp === stamp) return hit.roster;
  const office = [{ field: 'officeId', value: officeId }] as const;
  const [memberRows, teamRows] = await Promise.all([runtime.storage.findMany({ model: 'member', where: office }), runtime.storage.findMany({ model: 'team', where: office })]);
  // Frozen: the same records serve every routing decision until the roster changes.
  const roster: OfficeRoster = {
    members: Object.freeze(memberRows.map((r) => Object.freeze(rowToRecord<Member>(r)))),
    teams: Object.freeze(teamRows.map((r) => Object.freeze(rowToRecord<Team>(r)))),
  };
  if (stamp !== null) offices.set(officeId, { stamp, roster });
  return roster;
}
