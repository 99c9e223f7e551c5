import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { StorageOperations } from '../storage/types.js';
import type { TimerRecord } from './timer-record.js';

/** What a timer handler gets when its timer fires. */
export interface TimerFireContext {
  /** The timer that fires. */
  timer: TimerRecord;
  /** The firing transaction: write through it, so the effect and the "fired" mark commit together. */
  tx: StorageOperations;
  /** The worker's time of firing, from the community's clock. */
  now: Date;
  /**
   * The working calendar of the timer's office (holidays, make-up workdays, office hours), read
   * through `tx`, e.g. to schedule the next timer N working days on. Use it rather than
   * `offices.calendar` while firing: a read outside the open transaction would wait for it on
   * a single-connection adapter (SQLite).
   *
   * @example
   * ```ts
   * timers.handle('follow-up', async ({ timer, tx, now, calendar }) => {
   *   const next = (await calendar()).addWorkingDays(now, 5);
   *   await timers.schedule(tx, { officeId: timer.officeId, requestId: timer.requestId, name: 'follow-up', key: `${timer.requestId}:${next.toISOString()}`, dueAt: next, payload: {} });
   * });
   * ```
   */
  calendar(): Promise<WorkingCalendar>;
}

/** Events to publish once the firing has committed. */
export interface TimerFireResult {
  /** Events to publish after commit, in order. */
  events?: {
    /** The event's type, e.g. a plugin's `<plugin-id>.<name>`. */
    type: string;
    /** The event's payload. */
    payload: unknown;
  }[];
}

/**
 * Fires one kind of timer. It runs inside the firing transaction; throwing rolls the firing
 * back and the timer is retried later with backoff.
 */
export type TimerHandler = (ctx: TimerFireContext) => Promise<TimerFireResult | void> | TimerFireResult | void;

/**
 * What a core handler may return: besides events, what to run once the firing has committed
 * (the `after` hooks of a request change it made, which must not see a firing that rolls back).
 */
export interface CoreTimerFireResult extends TimerFireResult {
  /** Runs after commit, after `events` are published; it reports its own failures. */
  committed?: () => Promise<void>;
}

/** Timer handlers by kind, with access to the runtime for the core's own handlers. */
export type TimerHandlerRegistry = Map<string, (ctx: TimerFireContext, runtime: Runtime) => Promise<CoreTimerFireResult | void> | CoreTimerFireResult | void>;
