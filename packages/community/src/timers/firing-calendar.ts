import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { lazy } from '../internal/lazy.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { StorageOperations } from '../storage/types.js';
import { configThrough } from './config-through.js';

// Both are loaded on first use elsewhere already (the office policy, the metrics), so these
// imports add no chunk; a timer that never asks for its calendar loads neither.
const policyEngine = lazy(() => import('../pipeline/policy-engine.js'));
const fallback = lazy(() => import('../metrics/default-calendar.js'));

/**
 * The working calendar of the office's config in force, read through the firing transaction:
 * the config's calendar (compiled once per config version), or the mainland default for an
 * office without a config.
 */
export async function firingCalendar(runtime: Runtime, tx: StorageOperations, officeId: string): Promise<WorkingCalendar> {
  const stored = await configThrough(tx, officeId);
  if (stored) return (await policyEngine()).activeConfig(runtime, stored).calendar;
  return (await fallback()).defaultCalendar();
}
