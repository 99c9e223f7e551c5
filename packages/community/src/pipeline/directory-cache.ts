import type { Member } from '../model/member.js';
import type { Team } from '../model/team.js';
import { rowToRecord } from '../storage/records.js';
import type { Row, StorageOperations } from '../storage/types.js';
import { officeStamps } from './office-state.js';
import type { Runtime } from './runtime.js';

/** Every member and team of an office, as routing sees them. */
export interface OfficeRoster {
  members: readonly Member[];
  teams: readonly Team[];
}

interface OfficeCache {
  stamp: string;
  records: Map<string, Row>;
  roster: OfficeRoster | null;
}

// Beyond this many cached records an office's cache starts afresh.
const MAX_RECORDS = 50_000;
const caches = new WeakMap<Runtime, Map<string, OfficeCache>>();

/**
 * The office's cache, valid for the directory stamp its office row showed when last read
 * (loading the actor reads it first thing in every command). Every directory write changes
 * the stamp in the same transaction, so records read after the office row, and cached under
 * the stamp it showed, are never older than that row: a later read of the row that shows
 * another stamp starts the cache afresh. Null when the stamp is unknown (nothing is cached).
 */
function cacheOf(runtime: Runtime, officeId: string): OfficeCache | null {
  const stamp = officeStamps(runtime, officeId)?.directoryStamp ?? null;
  if (stamp === null) return null;
  let offices = caches.get(runtime);
  if (!offices) caches.set(runtime, (offices = new Map()));
  let cache = offices.get(officeId);
  if (!cache || cache.stamp !== stamp || cache.records.size >= MAX_RECORDS) {
    cache = { stamp, records: new Map(), roster: null };
    offices.set(officeId, cache);
  }
  return cache;
}

/**
 * A directory record (community, park, building, enterprise, team, member) of the office by
 * id, or null. Served from the cache while the office's directory is unchanged; the row is
 * frozen, since the same object serves every later command.
 */
export async function directoryRow(runtime: Runtime, model: string, officeId: string, id: string, ops: StorageOperations = runtime.storage): Promise<Row | null> {
  const cache = cacheOf(runtime, officeId);
  const key = `${model}:${id}`;
  const hit = cache?.records.get(key);
  if (hit) return hit;
  const row = await ops.findOne({ model, where: [{ field: 'officeId', value: officeId }, { field: 'id', value: id }] });
  if (!row) return null;
  Object.freeze(row);
  cache?.records.set(key, row);
  return row;
}

/** The office's members and teams: routing needs all of them for every request it routes. */
export async function officeRoster(runtime: Runtime, officeId: string): Promise<OfficeRoster> {
  const cache = cacheOf(runtime, officeId);
  if (cache?.roster) return cache.roster;
  const office = [{ field: 'officeId', value: officeId }] as const;
  const [memberRows, teamRows] = await Promise.all([runtime.storage.findMany({ model: 'member', where: office }), runtime.storage.findMany({ model: 'team', where: office })]);
  const roster: OfficeRoster = {
    members: Object.freeze(memberRows.map((r) => Object.freeze(rowToRecord<Member>(r)))),
    teams: Object.freeze(teamRows.map((r) => Object.freeze(rowToRecord<Team>(r)))),
  };
  if (cache) cache.roster = roster;
  return roster;
}
