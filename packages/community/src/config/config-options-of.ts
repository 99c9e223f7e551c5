import { runtimeOf } from '../pipeline/runtime-registry.js';
import type { ValidateOfficeConfigOptions } from './validate-config.js';

/**
 * What the plugins of `community` let an office config name: their condition operators,
 * routing actions, assignment strategies and notification events, as options for
 * `parseOfficeConfig` and `validateOfficeConfig`. A config checked with them outside the
 * community (a command-line tool, an editor, a CI job) gets the same answer, with the same
 * "did you mean", as `session.config.update` would give. Every list is empty without plugins.
 *
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { configOptionsOf } from '@kechuang/community';
 * import { parseOfficeConfig } from '@kechuang/community/config';
 *
 * const filename = 'kechuang.config.yaml';
 * const config = parseOfficeConfig(await readFile(filename, 'utf8'), { filename, ...configOptionsOf(community) });
 * ```
 */
export function configOptionsOf(community: object): Required<Pick<ValidateOfficeConfigOptions, 'operators' | 'actions' | 'strategies' | 'notificationEvents'>> {
  const { operators, actions, strategies, notificationEvents } = runtimeOf(community).plugins;
  return { operators, actions, strategies, notificationEvents };
}
