import { KechuangError } from '../errors/kechuang-error.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { StorageOperations } from '../storage/types.js';
import type { PluginNotice } from './plugin-notice.js';

/** Writes the outbox rows of a plugin's notice through `tx`; returns how many. */
export async function sendPluginNotice(runtime: Runtime, tx: StorageOperations, notice: PluginNotice): Promise<number> {
  void runtime;
  void tx;
  throw new KechuangError('PLUGIN_ERROR', `Sending '${notice.event}' is not wired yet.`);
}
