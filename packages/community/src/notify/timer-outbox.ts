import type { OfficeConfig } from '../config/config-schema.js';
import { lazy } from '../internal/lazy.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { StoredConfig } from '../pipeline/office-config.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { Row, StorageOperations } from '../storage/types.js';
import type { TimerRecord } from '../timers/timer-record.js';
import { mayNotify } from './may-notify.js';

// Recipient rules, templates and masking load the first time an office has something to tell.
const planner = lazy(() => import('./plan-notifications.js'));

/**
 * The office's config in force, read through the firing transaction. (Not through
 * office-config.ts: the SLA timer handlers importing it would split the modules every embedding
 * loads at start into more chunks.)
 */
async function configThrough(tx: StorageOperations, officeId: string): Promise<StoredConfig | null> {
  const [row] = await tx.findMany({ model: 'office_config', where: [{ field: 'officeId', value: officeId }], orderBy: [{ field: 'version', direction: 'desc' }], limit: 1 });
  if (!row) return null;
  return { officeId, version: row['version'] as number, config: row['document'] as OfficeConfig, createdAt: row['createdAt'] as Date, createdById: row['createdById'] as string | null };
}

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
