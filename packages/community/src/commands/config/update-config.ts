import type { ResolvedActor } from '../../auth/actor.js';
import type { OfficeConfigInput } from '../../config/config-schema.js';
import { KechuangError } from '../../errors/kechuang-error.js';
import type { latestConfig, storeConfig, StoredConfig } from '../../pipeline/office-config.js';
import type { Runtime } from '../../pipeline/runtime.js';
import type { ConfigUpdateOptions } from './config-service.js';
import { checkDirectoryReferences } from './directory-references.js';

/**
 * What the config update takes from the modules every embedding loads at start. Passed in
 * rather than imported: a lazily loaded chunk that imports part of a shared chunk splits it,
 * and every extra chunk costs the start bundle more than the few bytes passed.
 */
export interface ConfigUpdateHelpers {
  latestConfig: typeof latestConfig;
  storeConfig: typeof storeConfig;
}

/**
 * `config.update` once the actor may change the config: validates the document, runs the
 * plugins' `config.update` hooks, checks what it names against the directory and stores it
 * as the next version (the `transaction` hooks inside that version's transaction).
 */
export async function updateConfig(
  runtime: Runtime,
  actor: ResolvedActor,
  input: OfficeConfigInput | string,
  options: ConfigUpdateOptions,
  helpers: ConfigUpdateHelpers,
): Promise<StoredConfig> {
  // The loader (YAML positions, suggestions) loads only when a config is being stored.
  const { parseOfficeConfig, assertOfficeConfig } = await import('../../config/index.js');
  // Checked against what the plugins registered: operators, actions, strategies, events.
  let config =
    typeof input === 'string'
      ? parseOfficeConfig(input, { ...runtime.plugins, ...(options.filename ? { filename: options.filename } : {}) })
      : assertOfficeConfig(input, runtime.plugins);
  const current = await helpers.latestConfig(runtime, actor.officeId);
  const run = runtime.hooks.record?.start(runtime, { command: 'config.update', actor, model: 'config', previous: current });
  // A config a hook returns is validated like the one given.
  if (run) config = await run.before(config, { parse: (value) => assertOfficeConfig(value, runtime.plugins) });
  await checkDirectoryReferences(runtime, actor.officeId, config);
  const currentVersion = current?.version ?? 0;
  if (options.version !== undefined && options.version !== currentVersion) {
    throw new KechuangError('CONFLICT', `The office config is at version ${currentVersion}, not ${options.version}. Reload it and apply your change again.`, {
      model: 'office_config',
      expectedVersion: options.version,
      actualVersion: currentVersion,
    });
  }
  const during = run && ((tx: Parameters<typeof run.transaction>[0], stored: StoredConfig) => run.transaction(tx, stored));
  const stored = await helpers.storeConfig(runtime, actor.officeId, config, actor.member?.id ?? null, currentVersion, during);
  await run?.after();
  return stored;
}
