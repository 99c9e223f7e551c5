import type { EntryDraft } from '../commands/request/command-definition.js';
import type { SlaPolicy, TimeLimit } from '../config/config-schema.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimerDraft } from '../timers/timer-record.js';

/** The working-time arithmetic the SLA engine needs (a `WorkingCalendar` provides it). */
export interface WorkingTime {
  /** The end of office hours of the n-th working day after t's local date. */
  addWorkingDays(t: Date, n: number): Date;
  /** t plus `hours` of office time. */
  addWorkingHours(t: Date, hours: number): Date;
  /** Milliseconds of working time in [a, b); negative when b is before a. */
  workingTimeBetween(a: Date, b: Date): number;
}

export { SLA_TIMER_KINDS } from './sla-kinds.js';

/** A change the SLA engine makes to a request, with its timeline entries and timers. */
export interface SlaChange {
  request: ServiceRequest;
  entries: EntryDraft[];
  timers: TimerDraft[];
  /** Cancel the request's pending SLA timers first (in the same transaction). */
  cancelTimers: boolean;
}

export type { SlaState } from './sla-state.js';

const HOUR_MS = 3_600_000;
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/**
 * The SLA engine for one policy over one working calendar. Pure: it turns a request and the
 * time into new deadlines, timeline entries recording the policy and its inputs, and the
 * reminder and escalation timers to (re)schedule.
 *
 * @example
 * ```ts
 * const engine = slaEngine(policy, calendar);
 * const change = engine.start(request, now, 'submitted');
 * ```
 */
export function slaEngine(policy: SlaPolicy, calendar: WorkingTime) {
  const add = (t: Date, limit: TimeLimit): Date =>
    'workingDays' in limit ? calendar.addWorkingDays(t, limit.workingDays) : calendar.addWorkingHours(t, limit.workingHours);

  /**
   * Reminder and escalation timers, and the yellow-light time, for the request's deadlines.
   * Timer keys name the request version the change creates: exactly one change creates each
   * version, so keys never repeat (a cancelled timer keeps its key) and need no lookup.
   */
  function plan(request: ServiceRequest, now: Date, createdVersion: number): { timers: TimerDraft[]; dueSoonAt: Date | null } {
    const due = request.resolveDueAt;
    const start = request.slaStartedAt;
    if (!due || !start) return { timers: [], dueSoonAt: null };
    const window = calendar.workingTimeBetween(start, due);
    const keyBase = `${request.id}:${createdVersion}`;
    const timers: TimerDraft[] = [];
    let dueSoonAt: Date | null = null;
    for (const share of [...new Set(policy.reminders)].sort()) {
      const at = share >= 1 ? due : calendar.addWorkingHours(start, (window * share) / HOUR_MS);
      if (share < 1) dueSoonAt = at;
      if (at.getTime() <= now.getTime()) continue;
      timers.push({ kind: 'sla.reminder', key: `${keyBase}:reminder:${share}`, dueAt: at, payload: { share, resolveDueAt: due.toISOString(), policy: policy.id } });
    }
    policy.escalation.forEach((step, i) => {
      const at = step.afterWorkingDays === 0 ? due : calendar.addWorkingDays(due, step.afterWorkingDays);
      timers.push({ kind: 'sla.escalation', key: `${keyBase}:escalation:${i + 1}`, dueAt: at, payload: { level: i + 1, notify: step.notify, policy: policy.id } });
    });
    return { timers, dueSoonAt };
  }

  // A submit creates version 1 of a request not stored yet; every other change is a command
  // on a stored request, creating the version after it.
  function scheduled(request: ServiceRequest, now: Date, type: string, data: EntryDraft['data'], stored = true): SlaChange {
    const { timers, dueSoonAt } = plan(request, now, stored ? request.version + 1 : request.version);
    const next = { ...request, dueSoonAt };
    return {
      request: next,
      entries: [{ type, data: { policy: policy.id, respondDueAt: iso(next.respondDueAt), resolveDueAt: iso(next.resolveDueAt), ...data } }],
      timers,
      cancelTimers: true,
    };
  }

  return {
    policy,

    /** Starts the clock from `now` — at submit, and again on a redo. */
    start(request: ServiceRequest, now: Date, reason: 'submitted' | 'redo'): SlaChange {
      const next: ServiceRequest = {
        ...request,
        slaPolicy: policy.id,
        slaStartedAt: now,
        respondDueAt: policy.respond ? add(now, policy.respond) : null,
        resolveDueAt: policy.resolve ? add(now, policy.resolve) : null,
        respondedAt: null,
        pausedAt: null,
        escalationLevel: reason === 'redo' ? request.escalationLevel : 0,
        extension: null,
      };
      return scheduled(
        next,
        now,
        'sla_scheduled',
        {
          reason,
          startedAt: now.toISOString(),
          respond: (policy.respond ?? null) as EntryDraft['data'][string],
          resolve: (policy.resolve ?? null) as EntryDraft['data'][string],
        },
        reason !== 'submitted',
      );
    },

    /** A new lead gets a fresh respond limit from the assignment. */
    assigned(request: ServiceRequest, now: Date): ServiceRequest {
      return { ...request, respondDueAt: policy.respond ? add(now, policy.respond) : request.respondDueAt, respondedAt: null };
    },

    /** The lead signed for it. */
    responded(request: ServiceRequest, now: Date): ServiceRequest {
      return { ...request, respondedAt: now };
    },

    /** Waiting on the enterprise: reminders stop while paused. */
    pause(request: ServiceRequest, now: Date): SlaChange | null {
      if (!policy.pauseStopsClock || !request.resolveDueAt) return null;
      return { request: { ...request, pausedAt: now }, entries: [], timers: [], cancelTimers: true };
    },

    /** Adds the paused working time back to the deadline and schedules what is left. */
    resume(request: ServiceRequest, now: Date): SlaChange | null {
      if (!request.pausedAt || !request.resolveDueAt) return null;
      const pausedMs = calendar.workingTimeBetween(request.pausedAt, now);
      const resolveDueAt = calendar.addWorkingHours(request.resolveDueAt, pausedMs / HOUR_MS);
      const next = { ...request, pausedAt: null, resolveDueAt };
      return scheduled(next, now, 'sla_rescheduled', { reason: 'resumed', pausedWorkingMs: pausedMs, previousDueAt: iso(request.resolveDueAt) });
    },

    /**
     * An approved extension replaces the deadline. While the request is paused the reminders
     * stay stopped: the resume schedules them from the extended deadline.
     */
    extend(request: ServiceRequest, workingDays: number, now: Date): SlaChange {
      const base = request.resolveDueAt ?? now;
      const next = { ...request, resolveDueAt: calendar.addWorkingDays(base, workingDays) };
      const change = scheduled(next, now, 'sla_rescheduled', { reason: 'extension', workingDays, previousDueAt: iso(request.resolveDueAt) });
      return request.pausedAt ? { ...change, timers: [] } : change;
    },

    /** Replied or concluded: nothing more to remind. */
    stop(request: ServiceRequest): SlaChange {
      return { request: { ...request, pausedAt: null }, entries: [], timers: [], cancelTimers: true };
    },

    /** When an assisting unit added now must file its contribution (ISO-8601), or null. */
    assistDueAt(now: Date): string | null {
      return policy.assist ? add(now, policy.assist).toISOString() : null;
    },

    /** When a return (退单) stops being allowed; null when the request is not assigned. */
    returnWindowClosesAt(request: ServiceRequest): Date | null {
      return request.assignedAt ? calendar.addWorkingDays(request.assignedAt, policy.returnWindowWorkingDays) : null;
    },
  };
}

/** The SLA engine of one policy over one calendar: what the internal `slaEngine` factory returns. */
export type SlaEngine = ReturnType<typeof slaEngine>;

