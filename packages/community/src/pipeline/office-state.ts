import type { Runtime } from './runtime.js';
import type { Row, StorageOperations } from '../storage/types.js';

/**
 * What an office row says about the office's slower-changing state: the version of its config
 * in force and a stamp that changes with every member or team change. Every command reads the
 * office row anyway (to load the actor), so caches of the config and the roster are checked
 * against it instead of reading the config or the whole roster again.
 */
export interface OfficeStamps {
  /** The config version in force (0: none); null when unknown (rows stored before it existed). */
  configVersion: number | null;
  /** Changes whenever a member or team of the office changes; null when unknown. */
  rosterStamp: string | null;
}

const seen = new WeakMap<Runtime, Map<string, OfficeStamps>>();

/** Notes what an office row just read says (see {@link OfficeStamps}). */
export function noteOfficeRow(runtime: Runtime, office: Row): void {
  let offices = seen.get(runtime);
  if (!offices) seen.set(runtime, (offices = new Map()));
  offices.set(office['id'] as string, {
    configVersion: typeof office['configVersion'] === 'number' ? office['configVersion'] : null,
    rosterStamp: typeof office['rosterStamp'] === 'string' ? office['rosterStamp'] : null,
  });
}

/** What the office row showed when it was last read here; undefined if it was not. */
export function officeStamps(runtime: Runtime, officeId: string): OfficeStamps | undefined {
  return seen.get(runtime)?.get(officeId);
}

/** Records, through `tx`, that the office's members or teams changed (in the same transaction). */
export async function stampRoster(runtime: Pick<Runtime, 'newId'>, tx: StorageOperations, officeId: string): Promise<void> {
  await tx.update({ model: 'office', where: [{ field: 'id', value: officeId }], data: { rosterStamp: runtime.newId() } });
}
