import type { OfficeConfig } from '../config/config-schema.js';
import type { Runtime } from '../pipeline/runtime.js';

/**
 * Whether an office's config can lead to notifications at all: it names a channel, or the
 * community was given a notifier. Decided without reading anything, so that an office with
 * nothing to tell pays for nothing.
 */
export function mayNotify(runtime: Runtime, config: OfficeConfig): boolean {
  return runtime.notifiers.size > 0 || Object.keys(config.notifications?.channels ?? {}).length > 0;
}
