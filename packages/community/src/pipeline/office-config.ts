import type { OfficeConfig } from '../config/config-schema.js';
import { rowToRecord } from '../storage/records.js';
import type { Row, StorageOperations } from '../storage/types.js';
import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import type { Runtime } from './runtime.js';
import { officeStamps } from './office-state.js';
import { canonicalJson } from '../internal/canonical-json.js';

/** One stored version of an office's config. */
export interface StoredConfig {
  /** The office whose config it is. */
  officeId: string;
  /** The version, from 1, one up with each stored change. */
  version: number;
  /** The validated config, with defaults applied. */
  config: OfficeConfig;
  /** When this version was stored. */
  createdAt: Date;
  /** The member who stored it; null for the system. */
  createdById: string | null;
}

interface ConfigRow {
  id: string;
  officeId: string;
  version: number;
  document: OfficeConfig;
  createdAt: Date;
  createdById: string | null;
}

export function toStoredConfig(row: ConfigRow): StoredConfig {
  return { officeId: row.officeId, version: row.version, config: row.document, createdAt: row.createdAt, createdById: row.createdById };
}

/** The office's config in force (its highest version), or null when it has none. */
export async function latestConfig(runtime: Runtime, officeId: string, ops: StorageOperations = runtime.storage): Promise<StoredConfig | null> {
  const [row] = await ops.findMany({
    model: 'office_config',
    where: [{ field: 'officeId', value: officeId }],
    orderBy: [{ field: 'version', direction: 'desc' }],
    limit: 1,
  });
  return row ? toStoredConfig(rowToRecord<ConfigRow>(row)) : null;
}

const seeded = new WeakMap<Runtime, Set<string>>();

const configs = new WeakMap<Runtime, Map<string, StoredConfig | null>>();

function configCache(runtime: Runtime): Map<string, StoredConfig | null> {
  let cache = configs.get(runtime);
  if (!cache) configs.set(runtime, (cache = new Map()));
  return cache;
}

/**
 * Stores the host's `createCommunity({ config })` for an office, once per process: as
 * version 1, or as a new version when the stored one differs (the host's file wins).
 */
async function seedDefault(runtime: Runtime, officeId: string, stored: StoredConfig | null): Promise<StoredConfig | null> {
  if (runtime.defaultConfig === null) return stored;
  const done = seeded.get(runtime) ?? new Set<string>();
  seeded.set(runtime, done);
  if (done.has(officeId)) return stored;
  const config = await runtime.validatedDefaultConfig();
  done.add(officeId);
  // Compared as data: PostgreSQL's jsonb hands keys back in its own order.
  if (stored && canonicalJson(stored.config) === canonicalJson(config)) return stored;
  try {
    return await storeConfig(runtime, officeId, config, null, stored?.version ?? 0);
  } catch (error) {
    // Another instance stored it first: use what is in force now.
    if (isKechuangError(error, 'CONFLICT')) return latestConfig(runtime, officeId);
    throw error;
  }
}

/**
 * The office's config in force (storing the host's default first, if it gave one), or null
 * when the office has none — in which case nothing of routing is ever loaded.
 */
export async function configInForce(runtime: Runtime, officeId: string): Promise<StoredConfig | null> {
  const cache = configCache(runtime);
  // The office row read for this command says which version is in force.
  const known = officeStamps(runtime, officeId)?.configVersion ?? null;
  const seededHere = runtime.defaultConfig === null || seeded.get(runtime)?.has(officeId) === true;
  if (known !== null && seededHere) {
    if (known === 0) return null;
    const cached = cache.get(officeId);
    if (cached && cached.version === known) return cached;
  }
  const stored = await seedDefault(runtime, officeId, await latestConfig(runtime, officeId));
  cache.set(officeId, stored);
  return stored;
}

/**
 * Stores `config` as version `previousVersion + 1`. The unique (office, version) constraint
 * makes concurrent updates safe: the loser gets CONFLICT and nothing is written, so a new
 * version takes effect only whole and only once it has validated.
 */
export async function storeConfig(
  runtime: Runtime,
  officeId: string,
  config: OfficeConfig,
  createdById: string | null,
  previousVersion: number,
  /** Runs last in the transaction (the plugins' `transaction` hooks of `config.update`). */
  during?: (tx: StorageOperations, stored: StoredConfig) => Promise<void>,
): Promise<StoredConfig> {
  const row: ConfigRow = { id: runtime.newId(), officeId, version: previousVersion + 1, document: config, createdAt: runtime.clock.now(), createdById };
  const stored = toStoredConfig(row);
  try {
    await runtime.storage.transaction(async (tx) => {
      await tx.create({ model: 'office_config', data: row as unknown as Row });
      // The pointer moves in the same transaction, so no command ever sees a version that is
      // not stored (the unique office+version above already refused a concurrent update).
      await tx.update({ model: 'office', where: [{ field: 'id', value: officeId }], data: { configVersion: row.version } });
      await during?.(tx, stored);
    });
  } catch (error) {
    if (isKechuangError(error, 'UNIQUE_VIOLATION')) {
      throw new KechuangError('CONFLICT', `The office config changed while you were editing it (version ${previousVersion} is no longer the latest). Reload it and apply your change again.`, {
        model: 'office_config',
        expectedVersion: previousVersion,
      });
    }
    throw error;
  }
  configCache(runtime).set(officeId, stored);
  return stored;
}
