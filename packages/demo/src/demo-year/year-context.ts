/**
 * What every actor of the replay shares: the cast, the calendar, the office's SLA policies,
 * the agenda to schedule the next action on, and the tally of what was done.
 */
import type { Channel, ManualClock, Satisfaction, ServiceRequest, SlaPolicy, WorkingCalendar } from '@kechuang/community';
import type { LoadedDemo } from '../load-demo.js';
import type { YearCast } from './year-cast.js';
import type { PlannedRequest } from './year-plan.js';

/** Counts of the commands the replay ran, beyond what the final request rows show. */
export interface YearTally {
  /** Submissions by channel, merged duplicates included. */
  submitted: Record<Channel, number>;
  /** Visits (走访) recorded; each carries one or two requests. */
  visits: number;
  /** 退单, and how the station head settled them. */
  returns: {
    /** Returns filed. */
    returned: number;
    /** Settled by assigning another lead. */
    redispatched: number;
    /** Settled by overruling: the lead kept it. */
    overruled: number;
  };
  /** Signed for (签收) after the respond deadline. */
  lateSignFor: number;
  /** Pauses (waiting on the enterprise). */
  pauses: number;
  /** Extensions (延期). */
  extensions: {
    /** Asked for. */
    requested: number;
    /** Approved. */
    approved: number;
    /** Refused. */
    refused: number;
  };
  /** 督办. */
  supervisions: number;
  /** Unsatisfied follow-ups that sent a request back (重办). */
  redos: number;
  /** Every rating given on a follow-up call (回访), a redo's unsatisfied one included. */
  followUpRatings: Record<Satisfaction, number>;
  /** Requests withdrawn. */
  withdrawn: number;
  /** Requests merged into an original. */
  merged: number;
  /** Concluded without a rating: unreachable enterprises and out-of-scope requests. */
  closedWithoutRating: {
    /** Closed because the enterprise could not be reached for the follow-up. */
    unreachable: number;
    /** Replied as out of scope (不属于受理范围) and closed. */
    outOfScope: number;
  };
  /** Replies sent after the resolve deadline. */
  lateReplies: number;
}

/** An empty tally. */
export function emptyTally(): YearTally {
  return {
    submitted: { phone: 0, visit: 0, captain_report: 0, walk_in: 0, online: 0, hotline_12345: 0 },
    visits: 0,
    returns: { returned: 0, redispatched: 0, overruled: 0 },
    lateSignFor: 0,
    pauses: 0,
    extensions: { requested: 0, approved: 0, refused: 0 },
    supervisions: 0,
    redos: 0,
    followUpRatings: { satisfied: 0, basically_satisfied: 0, unsatisfied: 0 },
    withdrawn: 0,
    merged: 0,
    closedWithoutRating: { unreachable: 0, outOfScope: 0 },
    lateReplies: 0,
  };
}

/** The replay's shared state. */
export interface YearContext {
  cast: YearCast;
  demo: LoadedDemo;
  calendar: WorkingCalendar;
  clock: ManualClock;
  /** The office's SLA policies by id, from its stored config. */
  policies: ReadonlyMap<string, SlaPolicy>;
  /** Runs `action` at `at` (never before now); an action at or after the year's end is dropped. */
  schedule(at: Date, action: () => Promise<void>): void;
  /** Submits a second report of the same matter (12345 or a captain), to be merged into it. */
  reportAgain(original: { readonly current: ServiceRequest; readonly plan: PlannedRequest }): Promise<void>;
  tally: YearTally;
}

const HOUR_MS = 3_600_000;
/** A working day of the demo calendar: 7.5 office hours. */
export const WORKING_DAY_HOURS = 7.5;

/**
 * The instant `hours` of office time after `from`, to the second: delays in the replay are
 * working time, so nothing happens at night, at lunch or on a holiday.
 */
export function later(calendar: WorkingCalendar, from: Date, hours: number): Date {
  return calendar.addWorkingTime(from, Math.max(0, Math.round(hours * 3600)) * 1000);
}

/**
 * When a person acting at `t` acts: `t` itself while the office is open, else when it opens
 * next. Working-time arithmetic may end exactly on a close (12:00, 17:30), when nobody starts
 * anything.
 */
export function inOfficeHours(calendar: WorkingCalendar, t: Date): Date {
  return calendar.isWorkingTime(t) ? t : calendar.nextWorkingInstant(t);
}

/** Working hours from `a` to `b` (negative when b is earlier). */
export function hoursBetween(calendar: WorkingCalendar, a: Date, b: Date): number {
  return calendar.workingTimeBetween(a, b) / HOUR_MS;
}
