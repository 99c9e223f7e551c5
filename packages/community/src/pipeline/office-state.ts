import type { Runtime } from './runtime.js';
import type { Row, StorageOperations } from '../storage/types.js';

/**
 * What an office row says about the office's slower-changing state: the version of its config
 * in force and a stamp that changes with every change to its directory (communities, parks,
 * buildings, enterprises, teams, members). Every command reads the office row anyway (to load
 * the actor), so the caches of the config and of directory records are checked against it
 * instead of reading the config or the records again.
 */
export interface OfficeStamps {
  /** The config version in force (0: none); null when unknown (rows stored before it existed). */
  configVersion: number | null;
  /** Changes with every directory change of the office, in the same transaction; null when unknown. */
  directoryStamp: string | null;
}

const seen = new WeakMap<Runtime, Map<string, OfficeStamps>>();

/** Notes what an office row just read says (see {@link OfficeStamps}). */
export function noteOfficeRow(runtime: Runtime, office: Row): void {
  let offices = seen.get(runtime);
  if (!offices) seen.set(runtime, (offices = new Map()));
  offices.set(office['id'] as string, {
    configVersion: typeof office['configVersion'] === 'number' ? office['configVersion'] : null,
    directoryStamp: typeof office['directoryStamp'] === 'string' ? office['directoryStamp'] : null,
  });
}

/** What the office row showed when it was last read here; undefined if it was not. */
export function officeStamps(runtime: Runtime, officeId: string): OfficeStamps | undefined {
  return seen.get(runtime)?.get(officeId);
}

/** Records, through `tx`, that the office's directory changed (in the same transaction as the change). */
export async function stampDirectory(runtime: Pick<Runtime, 'newId'>, tx: StorageOperations, officeId: string): Promise<void> {
  await tx.update({ model: 'office', where: [{ field: 'id', value: officeId }], data: { directoryStamp: runtime.newId() } });
}
