import type { JsonValue } from '../storage/types.js';

/** Where a timer is in its life. */
export type TimerStatus = 'pending' | 'leased' | 'fired' | 'cancelled' | 'failed';

/** A stored timer row. */
export interface TimerRecord {
  id: string;
  officeId: string;
  /** The request it belongs to, if any; re-scheduling a request cancels its pending timers. */
  requestId: string | null;
  /** What fires, e.g. `sla.reminder`, `sla.escalation`, or a plugin's `<plugin-id>.<name>`. */
  kind: string;
  /**
   * Unique within the office: scheduling the same key twice is a no-op, so a retried command
   * never schedules a reminder twice.
   */
  key: string;
  dueAt: Date;
  payload: { [key: string]: JsonValue };
  status: TimerStatus;
  /** The worker holding the lease, until `leaseExpiresAt`. */
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  firedAt: Date | null;
  /** How many times a worker has leased it. */
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  version: number;
}

/** A timer a command schedules (the pipeline fills in the rest). */
export interface TimerDraft {
  kind: string;
  key: string;
  dueAt: Date;
  payload: { [key: string]: JsonValue };
}
