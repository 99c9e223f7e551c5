import type { JsonValue } from '../storage/types.js';

/** Where a timer is in its life. */
export type TimerStatus = 'pending' | 'leased' | 'fired' | 'cancelled' | 'failed';

/** A stored timer row. */
export interface TimerRecord {
  /** The timer's id. */
  id: string;
  /** The office it belongs to. */
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
  /** When it should fire. */
  dueAt: Date;
  /** What the handler is given; JSON only. */
  payload: { [key: string]: JsonValue };
  /** `pending`, `leased` (a worker is firing it), `fired`, `cancelled` or `failed`. */
  status: TimerStatus;
  /** The worker holding the lease, until `leaseExpiresAt`. */
  leaseOwner: string | null;
  /** When the lease ends and another worker may take the timer over; null when not leased. */
  leaseExpiresAt: Date | null;
  /** When it fired, or null. */
  firedAt: Date | null;
  /** How many times a worker has leased it. */
  attempts: number;
  /** The last failed firing's error message, or null. */
  lastError: string | null;
  /** When the worker gave up on it (status `failed`), or null. */
  failedAt: Date | null;
  /** When it was scheduled. */
  createdAt: Date;
  /** Raised by one with every change of the row. */
  version: number;
}

/** A timer a command schedules (the pipeline fills in the rest). */
export interface TimerDraft {
  /** What fires, e.g. `sla.reminder`. */
  kind: string;
  /** Unique within the office; scheduling the same key twice is a no-op. */
  key: string;
  /** When it should fire. */
  dueAt: Date;
  /** What the handler is given; JSON only. */
  payload: { [key: string]: JsonValue };
}
