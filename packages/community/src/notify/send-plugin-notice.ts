import { KechuangError } from '../errors/kechuang-error.js';
import { lazy } from '../internal/lazy.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { StorageOperations } from '../storage/types.js';
import { configThrough } from '../timers/config-through.js';
import { mayNotify } from './may-notify.js';
import type { PluginNotice } from './plugin-notice.js';

// The planner is already loaded on first use by the command and timer outboxes; importing it
// statically here would pull it into every embedding that installs a plugin.
const planner = lazy(() => import('./plan-notifications.js'));

/**
 * Writes the outbox rows of a plugin's notice through `tx`; returns how many. The event must be
 * one a plugin declared. Like a command's, a notice in an office without a config, or with no
 * channel and no notifier, writes nothing and loads nothing.
 */
export async function sendPluginNotice(runtime: Runtime, tx: StorageOperations, notice: PluginNotice): Promise<number> {
  if (!runtime.plugins.notificationEvents.includes(notice.event)) {
    const declared = runtime.plugins.notificationEvents;
    throw new KechuangError(
      'PLUGIN_ERROR',
      `Cannot send '${notice.event}': no plugin declares it. Declare it in the plugin's setup with notifications.event('<name>') and send it as '<plugin-id>.<name>'${declared.length > 0 ? ` (declared: ${declared.join(', ')})` : ''}.`,
      { event: notice.event },
    );
  }
  if (typeof notice.key !== 'string' || notice.key.length === 0 || notice.key.length > 200) {
    throw new KechuangError('PLUGIN_ERROR', `Cannot send '${notice.event}': its key must be a non-empty string of at most 200 characters, unique per request and event, e.g. the report's number.`, { event: notice.event });
  }
  const stored = await configThrough(tx, notice.officeId);
  if (!stored || !mayNotify(runtime, stored.config)) return 0;
  const { writePluginNotice } = await planner();
  return (await writePluginNotice(runtime, tx, stored, notice)).length;
}
