import type { ServiceRequest } from '../model/request.js';

/** The working-time arithmetic metric facts need (a `WorkingCalendar` provides it). */
export interface WorkingTimeMeter {
  workingTimeBetween(a: Date, b: Date): number;
}

const time = (d: Date | null): number | null => (d ? d.getTime() : null);
const fromIso = (iso: string | null | undefined): Date | null => (iso ? new Date(iso) : null);

/** Whether a command changed what metric facts are recorded from: only then is a calendar needed. */
export function needsMetricFacts(previous: ServiceRequest, next: ServiceRequest): boolean {
  return (
    time(previous.respondedAt) !== time(next.respondedAt) ||
    time(previous.closedAt) !== time(next.closedAt) ||
    previous.outcome !== next.outcome ||
    (previous.firstReturnedAt === null && next.returnInfo !== null) ||
    (previous.supervisedAt === null && next.supervision !== null) ||
    (previous.extendedAt === null && next.extension?.status === 'approved')
  );
}

/**
 * Records the facts metrics count, at the moment their event happens: the working time to
 * sign-for and to conclusion (so that SQL computes percentiles without calendar logic), when
 * the reply in force was given, and when the request was first returned, extended and
 * supervised. Pure: `previous` is the stored request, `next` what the command decided, `now`
 * the command's time.
 *
 * @example
 * ```ts
 * const next = recordMetricFacts(request, decided, calendar, now);
 * ```
 */
export function recordMetricFacts(previous: ServiceRequest, next: ServiceRequest, calendar: WorkingTimeMeter, now: Date): ServiceRequest {
  const facts: Partial<ServiceRequest> = {};
  if (time(previous.respondedAt) !== time(next.respondedAt)) {
    facts.respondWorkMs = next.respondedAt && next.assignedAt ? calendar.workingTimeBetween(next.assignedAt, next.respondedAt) : null;
  }
  if (time(previous.closedAt) !== time(next.closedAt)) {
    facts.concludeWorkMs = next.closedAt ? calendar.workingTimeBetween(next.createdAt, next.closedAt) : null;
  }
  // A reply sets the outcome and a redo clears it: the reply in force is the last one.
  if (previous.outcome !== next.outcome) facts.repliedAt = next.outcome === null ? null : now;
  if (next.firstReturnedAt === null && next.returnInfo) facts.firstReturnedAt = fromIso(next.returnInfo.returnedAt) ?? now;
  if (next.supervisedAt === null && next.supervision) facts.supervisedAt = fromIso(next.supervision.at) ?? now;
  if (next.extendedAt === null && next.extension?.status === 'approved') facts.extendedAt = fromIso(next.extension.decidedAt) ?? now;
  return { ...next, ...facts };
}
