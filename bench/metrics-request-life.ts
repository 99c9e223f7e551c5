/**
 * The life of one generated request, command by command, as the pipeline would have written
 * it: sign-for, returns and redispatch, assisting units, pauses, extensions, supervision, the
 * reply, the follow-up call and a redo after an unsatisfied rating — each at a plausible
 * working time after the one before, and each passed through the core's `recordMetricFacts`
 * so that the metric facts (working times, reply, return, extension and supervision times)
 * are exactly what the pipeline records. A life stops at the end of the data set: whatever
 * would happen later has not happened yet, which leaves recent requests (and a few stalled
 * ones) open.
 */
import type { AssistingUnit, Outcome, Row, Satisfaction, ServiceRequest } from '@kechuang/community';
import type { WorkingCalendar } from '@kechuang/community/calendar';
import type { Random } from '@kechuang/demo';
import { needsMetricFacts, recordMetricFacts } from '../packages/community/src/metrics/metric-facts.js';
import type { Lead } from './metrics-directory.js';
import { seededUuidv7 } from './metrics-ids.js';
import { OUTCOME_NOTES, OUTCOMES, TEXTS, type Limit, type SlaSpec } from './metrics-topics.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** One working day of office time (08:30–12:00, 13:30–17:30). */
const DAY = 7.5 * HOUR;

/** What a life needs besides the request: the calendar, the people around it, the end of the data. */
export interface LifeContext {
  calendar: WorkingCalendar;
  /** The first instant after the data set: nothing happens from here on. */
  end: number;
  sla: SlaSpec;
  /** Who may take the request over after a return (never the lead who returned it). */
  others: readonly Lead[];
  /** Who may assist. */
  assistants: readonly Lead[];
  stationHeadId: string;
  staffIds: readonly string[];
  /** An earlier request of the same park, for the few merged duplicates. */
  duplicateOf: string | null;
}

type Change = (request: ServiceRequest, now: Date) => Partial<ServiceRequest>;
const OPEN = new Set(['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'returned']);

/** Applies commands in time order until the data set ends, keeping version and updatedAt as the pipeline does. */
class Life {
  over = false;
  /** A withdrawal that cuts the life short at its time, if the request is still open then. */
  withdrawal: number | null = null;
  private last: number;

  constructor(
    public request: ServiceRequest,
    private readonly calendar: WorkingCalendar,
    private readonly end: number,
  ) {
    this.last = request.createdAt.getTime();
  }

  get time(): number {
    return this.last;
  }

  /** Runs `change` at `at` (or a minute after the previous command); false once the life is over. */
  step(at: number, change: Change): boolean {
    if (this.over) return false;
    const when = Math.max(at, this.last + MINUTE);
    if (this.withdrawal !== null && this.withdrawal <= when) {
      const withdrawnAt = Math.max(this.withdrawal, this.last + MINUTE);
      if (withdrawnAt < this.end && OPEN.has(this.request.status)) this.apply(withdrawnAt, (_r, now) => ({ status: 'withdrawn', closedAt: now, pausedAt: null }));
      this.over = true;
      return false;
    }
    if (when >= this.end) {
      this.over = true;
      return false;
    }
    this.apply(when, change);
    return true;
  }

  private apply(at: number, change: Change): void {
    const now = new Date(at);
    const previous = this.request;
    const next: ServiceRequest = { ...previous, ...change(previous, now), updatedAt: now, version: previous.version + 1 };
    // As the pipeline does: facts are recorded only when a command changed what they come from.
    this.request = needsMetricFacts(previous, next) ? recordMetricFacts(previous, next, this.calendar, now) : next;
    this.last = at;
  }
}

/** Plays one request's life from its submission; returns the request as of the end and its party rows. */
export function playLife(submitted: ServiceRequest, ctx: LifeContext, random: Random): { request: ServiceRequest; parties: Row[] } {
  const { calendar, sla } = ctx;
  const life = new Life(submitted, calendar, ctx.end);
  const parties: Row[] = [];
  const between = (a: number, b: number): number => a + (b - a) * random.next();
  const later = (from: number, workMs: number): number => calendar.addWorkingTime(new Date(from), workMs).getTime();
  const add = (t: Date, limit: Limit): Date => ('workingDays' in limit ? calendar.addWorkingDays(t, limit.workingDays) : calendar.addWorkingHours(t, limit.workingHours));
  const dueSoon = (start: Date, due: Date): Date => calendar.addWorkingHours(start, (0.8 * calendar.workingTimeBetween(start, due)) / HOUR);
  const done = () => ({ request: life.request, parties });
  const created = submitted.createdAt.getTime();

  const fate = random.next();
  if (fate < 0.006 && ctx.duplicateOf !== null) {
    const duplicateOfId = ctx.duplicateOf;
    life.step(later(created, between(10 * MINUTE, 4 * HOUR)), (_r, now) => ({ status: 'merged', duplicateOfId, closedAt: now }));
    return done();
  }
  if (fate < 0.018) life.withdrawal = later(created, between(0.05, 3) * DAY);

  // 退单: the lead returns it within the window; the dispatcher hands it to someone else.
  if (random.chance(0.025) && ctx.others.length > 0) {
    const returnedAt = later(created, between(0.5 * HOUR, 1.5 * DAY));
    const returned = life.step(returnedAt, (r, now) => ({
      status: 'returned',
      returnInfo: { reason: TEXTS.returnReason, suggestedOwnerId: null, returnedById: r.assigneeId ?? '', returnedAt: now.toISOString() },
    }));
    if (!returned) return done();
    const next = random.pick(ctx.others);
    const redispatched = life.step(later(life.time, between(15 * MINUTE, 4 * HOUR)), (_r, now) => ({
      status: 'assigned',
      assigneeId: next.id,
      assignedAt: now,
      returnInfo: null,
      respondDueAt: add(now, sla.respond),
      respondedAt: null,
      routing: { configVersion: 1, ruleId: null, source: 'fallback', reason: `redispatched after a return → ${next.code}` },
    }));
    if (!redispatched) return done();
  }

  // A redo goes round once more; the second rating stands (the follow-up concludes without another redo).
  if (handle(true) === 'redo') handle(false);
  return done();

  /** One round of handling: sign-for to follow-up. 'redo' when the enterprise was unsatisfied and it is done again. */
  function handle(first: boolean): 'redo' | 'ended' {
    const r0 = life.request;
    const assignedAt = r0.assignedAt ?? r0.createdAt;
    const respondLimit = r0.respondDueAt ? calendar.workingTimeBetween(assignedAt, r0.respondDueAt) : 4 * HOUR;
    const signRoll = random.next();
    const signDelay =
      signRoll < (first ? 0.935 : 0.97) ? respondLimit * (0.03 + 0.9 * random.next() ** 2)
      : signRoll < 0.997 ? respondLimit * between(1.02, 2.5)
      : respondLimit * between(10, 40);
    if (!life.step(later(assignedAt.getTime(), signDelay), (_r, now) => ({ status: 'accepted', respondedAt: now }))) return 'ended';
    if (!life.step(later(life.time, between(5 * MINUTE, 2 * HOUR)), () => ({ status: 'in_progress' }))) return 'ended';

    const start = life.request.slaStartedAt ?? life.request.createdAt;
    let due = life.request.resolveDueAt ?? add(start, sla.resolve);
    const window = calendar.workingTimeBetween(start, due);
    // `shift` is what an event does to the resolve deadline, for planning the reply against it.
    const events: { at: number; change: Change; shift?: (due: Date) => Date }[] = [];
    const now0 = life.time;
    const within = (share: number): number => Math.max(now0 + MINUTE, later(start.getTime(), window * share));

    if (first && random.chance(0.03)) {
      const pauseAt = within(between(0.2, 0.5));
      const resumeAt = later(pauseAt, between(4 * HOUR, 5 * DAY));
      events.push({ at: pauseAt, change: (_r, now) => ({ status: 'paused', pausedAt: now }) });
      events.push({
        at: resumeAt,
        shift: (d) => calendar.addWorkingHours(d, calendar.workingTimeBetween(new Date(pauseAt), new Date(resumeAt)) / HOUR),
        change: (r, now) => {
          const paused = r.pausedAt ? calendar.workingTimeBetween(r.pausedAt, now) : 0;
          const resolveDueAt = r.resolveDueAt ? calendar.addWorkingHours(r.resolveDueAt, paused / HOUR) : null;
          return { status: 'in_progress', pausedAt: null, resolveDueAt, dueSoonAt: resolveDueAt ? dueSoon(start, resolveDueAt) : null };
        },
      });
    }
    if (first && sla.extensionDays.length > 0 && random.chance(0.035)) {
      const days = random.pick(sla.extensionDays);
      const requestedAt = within(between(0.55, 0.85));
      const decidedAt = later(requestedAt, between(HOUR, 6 * HOUR));
      const requestedById = life.request.assigneeId;
      events.push({
        at: requestedAt,
        change: (r, now) => ({
          extension: {
            status: 'requested', workingDays: days, reason: TEXTS.extensionReason, requestedById, requestedAt: now.toISOString(),
            decidedById: null, decidedAt: null, note: null, previousDueAt: r.resolveDueAt?.toISOString() ?? null, newDueAt: null,
          },
        }),
      });
      events.push({
        at: decidedAt,
        shift: (d) => calendar.addWorkingDays(d, days),
        change: (r, now) => {
          const resolveDueAt = calendar.addWorkingDays(r.resolveDueAt ?? now, days);
          const extension = r.extension ? { ...r.extension, status: 'approved' as const, decidedById: ctx.stationHeadId, decidedAt: now.toISOString(), newDueAt: resolveDueAt.toISOString() } : null;
          return { extension, resolveDueAt, dueSoonAt: dueSoon(start, resolveDueAt) };
        },
      });
    }
    if (first && random.chance(0.04) && ctx.assistants.length > 0) {
      const helper = random.pick(ctx.assistants);
      const addedAt = later(now0, between(0.5 * HOUR, 4 * HOUR));
      const contributedAt = later(addedAt, between(2 * HOUR, 3 * DAY));
      events.push({
        at: addedAt,
        change: (r, now) => {
          parties.push({ id: seededUuidv7(now.getTime(), random), officeId: r.officeId, requestId: r.id, partyKind: 'member', partyId: helper.id, role: 'assist', createdAt: now });
          const unit: AssistingUnit = {
            memberId: helper.id, teamId: null, status: 'pending', signedAt: null, signedById: null,
            contribution: null, contributedAt: null, dueAt: calendar.addWorkingDays(now, 3).toISOString(),
          };
          return { assists: [...r.assists, unit] };
        },
      });
      events.push({
        at: contributedAt,
        change: (r, now) => ({
          assists: r.assists.map((a) => (a.memberId === helper.id ? { ...a, status: 'contributed' as const, signedAt: a.signedAt ?? now.toISOString(), signedById: helper.id, contribution: TEXTS.contribution, contributedAt: now.toISOString() } : a)),
        }),
      });
    }
    events.sort((a, b) => a.at - b.at);
    // The deadline the reply is measured against, after the pause and extension above.
    for (const event of events) if (event.shift) due = event.shift(due);

    const finalWindow = calendar.workingTimeBetween(start, due);
    const replyRoll = random.next();
    const share = replyRoll < 0.9 ? between(0.12, 0.98) : replyRoll < 0.996 ? between(1.02, 2.2) : between(3, 12);
    let replyAt = later(start.getTime(), finalWindow * share);
    const lastEvent = events.length > 0 ? events[events.length - 1]!.at : now0;
    if (replyAt <= lastEvent + 30 * MINUTE) replyAt = later(lastEvent, between(HOUR, DAY));
    // 督办: most often once a request runs late; now and then on a sensitive one early.
    if (replyAt > due.getTime() ? random.chance(0.3) : random.chance(0.005)) {
      const from = replyAt > due.getTime() ? due.getTime() : now0;
      const at = later(from, between(HOUR, 2 * DAY));
      if (at < replyAt) {
        const byId = random.pick(ctx.staffIds);
        events.push({ at, change: (r, now) => ({ supervision: { byId, at: now.toISOString(), note: TEXTS.supervisionNote }, watchers: r.watchers.includes(byId) ? r.watchers : [...r.watchers, byId] }) });
        events.sort((a, b) => a.at - b.at);
      }
    }
    for (const event of events) if (!life.step(event.at, event.change)) return 'ended';

    const outcome: Outcome = random.weighted(OUTCOMES);
    if (!life.step(replyAt, () => ({ status: 'replied', outcome, outcomeNote: OUTCOME_NOTES[outcome], pausedAt: null }))) return 'ended';

    // 回访: a call one to three days later; out-of-scope replies are mostly closed without one.
    const followAt = later(life.time, between(2 * HOUR, 2.5 * DAY));
    const unrated = outcome === 'out_of_scope' ? random.chance(0.7) : random.chance(0.09);
    if (unrated) {
      life.step(followAt, (_r, now) => ({ status: 'closed', closedAt: now }));
      return 'ended';
    }
    const rating: Satisfaction = first
      ? random.weighted([['satisfied', 78], ['basically_satisfied', 15], ['unsatisfied', 7]] as const)
      : random.weighted([['satisfied', 55], ['basically_satisfied', 30], ['unsatisfied', 15]] as const);
    if (rating === 'unsatisfied' && first && random.chance(0.8)) {
      // 重办: back to the lead, outcome and rating cleared, the SLA clock started afresh.
      const redone = life.step(followAt, (r, now) => {
        const resolveDueAt = add(now, sla.resolve);
        return {
          status: 'assigned', outcome: null, outcomeNote: null, satisfaction: null, redoCount: r.redoCount + 1,
          assignedAt: now, slaStartedAt: now, respondDueAt: add(now, sla.respond), resolveDueAt, dueSoonAt: dueSoon(now, resolveDueAt),
          respondedAt: null, pausedAt: null, extension: null,
        };
      });
      return redone ? 'redo' : 'ended';
    }
    life.step(followAt, (_r, now) => ({ status: 'closed', satisfaction: rating, closedAt: now }));
    return 'ended';
  }
}
