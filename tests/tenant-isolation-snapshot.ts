import type { StorageAdapter, StorageSchema } from '@kechuang/community';
import { directoryKeys, type OfficeWorld } from './tenant-isolation-world.js';

/** Every stored row, as `model/id` → its JSON, so any write at all shows up as a difference. */
export type StorageDump = Map<string, string>;

/** Reads every row of every model straight from the adapter. */
export async function dumpStorage(storage: StorageAdapter, schema: StorageSchema): Promise<StorageDump> {
  const dump: StorageDump = new Map();
  for (const model of Object.keys(schema.models).sort()) {
    for (const row of await storage.findMany({ model, orderBy: [{ field: 'id' }] })) {
      dump.set(`${model}/${String(row['id'])}[office ${String(row['officeId'] ?? row['id'])}]`, JSON.stringify(row));
    }
  }
  return dump;
}

/** The keys whose rows were added, removed or changed between two dumps (empty: nothing was written). */
export function dumpDifferences(before: StorageDump, after: StorageDump): string[] {
  const changed: string[] = [];
  for (const [key, row] of before) {
    const now = after.get(key);
    if (now === undefined) changed.push(`removed ${key}`);
    else if (now !== row) changed.push(`changed ${key}: ${row} → ${now}`);
  }
  for (const key of after.keys()) if (!before.has(key)) changed.push(`added ${key}: ${after.get(key) ?? ''}`);
  return changed;
}

/** What the office's own system actor reads through the public API: versions, states and timelines. */
export interface OfficeSnapshot {
  requests: Record<string, { version: number; status: string; timeline: string[] }>;
  directory: Record<string, Record<string, number>>;
  visits: Record<string, string[]>;
  configVersions: number[];
}

export async function snapshotOffice(world: OfficeWorld): Promise<OfficeSnapshot> {
  const { system } = world;
  const requests: OfficeSnapshot['requests'] = {};
  for (const listed of (await system.requests.list({ limit: 500, order: 'oldest' })).items) {
    const { request, timeline } = await system.requests.get(listed.id);
    requests[request.id] = { version: request.version, status: request.status, timeline: timeline.map((e) => `${e.seq}.${e.index} ${e.type}`) };
  }
  const directory: OfficeSnapshot['directory'] = {};
  for (const key of directoryKeys) {
    const page = await system[key].list({ limit: 500, includeArchived: true });
    directory[key] = Object.fromEntries(page.items.map((r) => [r.id, r.version]));
  }
  const visits: OfficeSnapshot['visits'] = {};
  for (const { id } of world.visits) visits[id] = (await system.visits.get(id)).requestIds;
  const configVersions = (await system.config.history()).map((c) => c.version);
  return { requests, directory, visits, configVersions };
}
