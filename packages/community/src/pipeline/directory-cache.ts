import type { Row, StorageOperations } from '../storage/types.js';
import { officeStamps } from './office-state.js';
import type { Runtime } from './runtime.js';

/** What is cached for one office under one directory stamp. */
export interface OfficeCache {
  stamp: string;
  records: Map<string, Row>;
  /** Derived views (e.g. routing's roster), by name. */
  views: Map<string, unknown>;
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
export function cacheOf(runtime: Runtime, officeId: string): OfficeCache | null {
  const stamp = officeStamps(runtime, officeId)?.directoryStamp ?? null;
  if (stamp === null) return null;
  let offices = caches.get(runtime);
  if (!offices) caches.set(runtime, (offices = new Map()));
  let cache = offices.get(officeId);
  if (!cache || cache.stamp !== stamp || cache.records.size >= MAX_RECORDS) {
    cache = { stamp, records: new Map(), views: new Map() };
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
