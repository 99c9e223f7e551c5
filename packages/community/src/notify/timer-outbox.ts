import { lazy } from '../internal/lazy.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { Row, StorageOperations } from '../storage/types.js';
import { configThrough } from '../timers/config-through.js';
import type { TimerRecord } from '../timers/timer-record.js';
import { mayNotify } from './may-notify.js';

// Recipient rules, templates and masking load the first time an office has something to tell.
const planner = lazy(() => import('./plan-notifications.js'));

/**
 * The outbox rows of a firing SLA timer (a reminder, or an escalation step with the change it
 * made), read through its transaction `tx`; the caller writes them there too. The worker's
 * caches may be older than the office, so the config is read afresh.
 */
export async function timerOutbox(
  runtime: Runtime,
  tx: StorageOperations,
  change: { timer: TimerRecord; request: ServiceRequest; previous: ServiceRequest; entries: readonly TimelineEntry[]; now: Date },
): Promise<Row[]> {
  const stored = await configThrough(tx, change.request.officeId);
  if (!stored || !mayNotify(runtime, stored.config)) return [];
  const { timerOutboxRows } = await planner();
  return timerOutboxRows(runtime, tx, { ...change, stored });
}
