/**
 * The life of one request in the demo year, from the moment it is submitted: each step runs a
 * command through the public API as the person who would run it, then schedules the next step
 * at a plausible working-time delay, read off the deadlines the SDK set on the request.
 */
import type { Outcome, ServiceRequest } from '@kechuang/community';
import type { Random } from '../random.js';
import {
  categoryReplyNotes,
  closeNotes,
  extensionDecisionNotes,
  extensionReasons,
  followUpComments,
  mergeNotes,
  overruleReasons,
  pauseReasons,
  replyNotes,
  resumeNotes,
  returnReasons,
  returnToLegalReasons,
  supervisionNotes,
  withdrawReasons,
} from './handling-texts.js';
import type { PlannedRequest } from './year-plan.js';
import { WORKING_DAY_HOURS as DAY, hoursBetween, inOfficeHours, later, type YearContext } from './year-context.js';

const TERMINAL = new Set(['closed', 'withdrawn', 'merged']);
const MINUTE = 1 / 60;

/** Who submitted the request, so the right person can withdraw it. */
export interface Submitter {
  memberId: string | null;
  /** Captains and enterprise contacts withdraw their own reports; staff record a call instead. */
  withdrawsOwn: boolean;
}

/**
 * Follows one submitted request to its end (or to the end of the year). Create it with the
 * request the submit returned and call {@link RequestLife.begin}.
 */
export class RequestLife {
  private request: ServiceRequest;
  /** 0 for the first handling, 1 after a redo (重办). */
  private round = 0;
  private suggestedOwnerId: string | null = null;

  constructor(
    private readonly ctx: YearContext,
    /** What was planned for it. */
    readonly plan: PlannedRequest,
    private readonly random: Random,
    submitted: ServiceRequest,
    private readonly submitter: Submitter,
    /** Set for a duplicate report: the life of the request it repeats. */
    private readonly original: { readonly current: ServiceRequest } | null = null,
  ) {
    this.request = submitted;
  }

  /** The request as last committed by this life's commands. */
  get current(): ServiceRequest {
    return this.request;
  }

  /** Schedules what happens after the submit. */
  begin(): void {
    const { fate } = this.plan;
    if (this.original) {
      this.after(this.uniform(0.2, 4), () => this.merge());
      return;
    }
    // The same matter comes in again half a day to a week later, through 12345 or the captain.
    if (fate.duplicate) this.after(this.uniform(4, 44), () => this.ctx.reportAgain(this));
    if (fate.supervise === 'important') this.after(this.uniform(1, 6), () => this.supervise('important'));
    this.lead(true);
  }

  // ---- scheduling helpers ----------------------------------------------------------------

  private now(): Date {
    return this.ctx.clock.now();
  }

  /** Schedules `step` `hours` of working time from now. */
  private after(hours: number, step: () => Promise<void>): void {
    this.at(later(this.ctx.calendar, this.now(), hours), step);
  }

  private at(when: Date, step: () => Promise<void>): void {
    this.ctx.schedule(inOfficeHours(this.ctx.calendar, when), () => this.step(step));
  }

  private async step(run: () => Promise<void>): Promise<void> {
    try {
      await run();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`Demo year: request ${this.plan.key}${this.original ? ' (duplicate)' : ''} '${this.plan.topic.title}' at ${this.now().toISOString()}: ${reason}`, { cause: error });
    }
  }

  private uniform(min: number, max: number): number {
    return min + this.random.next() * (max - min);
  }

  private leadSession() {
    return this.ctx.cast.as(this.request.assigneeId ?? this.ctx.cast.stationHeadId);
  }

  private get firstRound(): boolean {
    return this.round === 0;
  }

  // ---- the steps -------------------------------------------------------------------------

  /** A lead was (re)assigned: it returns the request, or signs for it. */
  private lead(mayReturn: boolean): void {
    const assignee = this.request.assigneeId;
    const kind = assignee ? this.ctx.cast.describe(assignee).kind : 'other';
    if (mayReturn && this.plan.fate.returned && kind !== 'other') {
      this.after(this.uniform(0.3, 4), () => this.returnIt());
      return;
    }
    const due = this.request.respondDueAt;
    const urgent = this.request.priority === 'urgent';
    if (due && this.firstRound && mayReturn && this.plan.fate.lateSignFor) {
      this.at(later(this.ctx.calendar, due, this.uniform(0.2, 3)), () => this.accept());
      return;
    }
    let hours = urgent ? this.uniform(5 * MINUTE, 40 * MINUTE) : this.uniform(10 * MINUTE, 3);
    if (due) {
      const left = hoursBetween(this.ctx.calendar, this.now(), due);
      if (hours >= left) hours = Math.max(MINUTE, left * this.uniform(0.3, 0.9));
    }
    this.after(hours, () => this.accept());
  }

  private async returnIt(): Promise<void> {
    const { cast } = this.ctx;
    const lead = this.request.assigneeId ?? cast.stationHeadId;
    const others = cast.commissioners.filter((c) => c.id !== lead);
    const toLawyer = lead !== cast.lawyerId && this.random.chance(0.25);
    const suggested = toLawyer ? cast.lawyerId : this.random.pick(others.length > 0 ? others : cast.commissioners).id;
    const label = cast.describe(suggested).label;
    const reason = toLawyer ? this.random.pick(returnToLegalReasons) : this.random.pick(returnReasons).replaceAll('{label}', label);
    this.suggestedOwnerId = suggested;
    this.request = await cast.as(lead).requests.return({ requestId: this.request.id, reason, suggestedOwnerId: suggested });
    this.ctx.tally.returns.returned++;
    this.after(this.uniform(0.2, 3), () => this.settleReturn());
  }

  private async settleReturn(): Promise<void> {
    const { cast, tally } = this.ctx;
    const settler = cast.as(this.random.chance(0.7) ? cast.stationHeadId : cast.deputyId);
    if (this.plan.fate.returned === 'overrule' || this.suggestedOwnerId === null) {
      this.request = await settler.requests.overruleReturn({ requestId: this.request.id, reason: this.random.pick(overruleReasons) });
      tally.returns.overruled++;
    } else {
      this.request = await settler.requests.redispatch({ requestId: this.request.id, assigneeId: this.suggestedOwnerId, note: '按退单建议改派' });
      tally.returns.redispatched++;
    }
    this.lead(false);
  }

  private async accept(): Promise<void> {
    this.request = await this.leadSession().requests.accept({ requestId: this.request.id });
    const { respondDueAt, respondedAt } = this.request;
    if (respondDueAt && respondedAt && respondedAt.getTime() > respondDueAt.getTime()) this.ctx.tally.lateSignFor++;
    const { fate } = this.plan;
    if (this.firstRound && fate.withdraw) {
      this.after(this.uniform(0.3, 2.5) * DAY, () => this.withdraw());
      return;
    }
    if (this.firstRound && fate.answerAtOnce) this.planReply();
    else this.after(this.uniform(5 * MINUTE, 1.5), () => this.start());
  }

  private async start(): Promise<void> {
    this.request = await this.leadSession().requests.start({ requestId: this.request.id });
    if (this.firstRound && this.plan.fate.pause && this.request.resolveDueAt) {
      const left = hoursBetween(this.ctx.calendar, this.now(), this.request.resolveDueAt);
      this.after(Math.max(10 * MINUTE, left * this.uniform(0.1, 0.4)), () => this.pause());
      return;
    }
    this.workBegun();
  }

  private async pause(): Promise<void> {
    this.request = await this.leadSession().requests.pause({ requestId: this.request.id, reason: this.random.pick(pauseReasons) });
    this.ctx.tally.pauses++;
    this.after(this.uniform(1, 5) * DAY, () => this.resume());
  }

  private async resume(): Promise<void> {
    this.request = await this.leadSession().requests.resume({ requestId: this.request.id, note: this.random.pick(resumeNotes) });
    this.workBegun();
  }

  /** Work is under way: ask for an extension first where the fate and the policy say so. */
  private workBegun(): void {
    const policy = this.request.slaPolicy ? this.ctx.policies.get(this.request.slaPolicy) : undefined;
    const due = this.request.resolveDueAt;
    if (this.firstRound && this.plan.fate.extension && policy?.extension && due) {
      const left = hoursBetween(this.ctx.calendar, this.now(), due);
      const ask = left - this.uniform(0.2, 1.2) * DAY;
      if (ask > 15 * MINUTE) {
        this.after(ask, () => this.requestExtension(policy.extension?.maxWorkingDays ?? 1));
        return;
      }
    }
    this.planReply();
  }

  private async requestExtension(maxWorkingDays: number): Promise<void> {
    const workingDays = Math.min(maxWorkingDays, this.random.int(3, 10));
    this.request = await this.leadSession().requests.requestExtension({ requestId: this.request.id, workingDays, reason: this.random.pick(extensionReasons) });
    this.ctx.tally.extensions.requested++;
    this.after(this.uniform(0.3, 4), () => this.decideExtension());
  }

  private async decideExtension(): Promise<void> {
    const { cast, policies, tally } = this.ctx;
    const approvers = (this.request.slaPolicy ? policies.get(this.request.slaPolicy)?.extension?.approvers : undefined) ?? ['station_head'];
    const byStaff = approvers.includes('office_staff') && cast.officeStaffIds.length > 0 && (!approvers.includes('station_head') || this.random.chance(0.3));
    const approver = byStaff ? this.random.pick(cast.officeStaffIds) : cast.stationHeadId;
    const approve = this.plan.fate.extension === 'approved';
    const note = this.random.pick(extensionDecisionNotes[approve ? 'approved' : 'refused']);
    this.request = await cast.as(approver).requests.decideExtension({ requestId: this.request.id, approve, note });
    if (approve) tally.extensions.approved++;
    else tally.extensions.refused++;
    this.planReply();
  }

  /** Schedules the reply: inside the time limit, or — as fated — after it. */
  private planReply(): void {
    const { calendar } = this.ctx;
    const due = this.request.resolveDueAt;
    if (!due) {
      this.after(this.uniform(0.5, 4) * DAY, () => this.reply());
      return;
    }
    if (this.firstRound && this.plan.fate.lateReply) {
      const lateBy = this.uniform(0.2, 3.5) * DAY;
      const replyAt = later(calendar, due, lateBy);
      if (this.plan.fate.supervise === 'when_overdue') {
        this.at(later(calendar, due, Math.min(lateBy * 0.8, this.uniform(0.1, 1) * DAY)), () => this.supervise('overdue'));
      }
      this.at(replyAt, () => this.reply());
      return;
    }
    const left = hoursBetween(calendar, this.now(), due);
    const share = this.request.slaPolicy === 'consultation' ? this.uniform(0.1, 0.7) : this.uniform(0.15, 0.85);
    this.after(left > 20 * MINUTE ? Math.max(15 * MINUTE, left * share) : this.uniform(5, 15) * MINUTE, () => this.reply());
  }

  private async reply(): Promise<void> {
    const outcome: Outcome = this.firstRound ? this.plan.fate.outcome : this.plan.fate.redoOutcome;
    const notes = categoryReplyNotes[this.request.category]?.[outcome] ?? replyNotes[outcome];
    const due = this.request.resolveDueAt;
    if (due && this.now().getTime() > due.getTime()) this.ctx.tally.lateReplies++;
    this.request = await this.leadSession().requests.reply({ requestId: this.request.id, outcome, note: this.random.pick(notes) });
    if (outcome === 'out_of_scope') this.after(this.uniform(0.2, 1.5) * DAY, () => this.close('out_of_scope'));
    else this.after(this.uniform(0.5, 3) * DAY, () => this.followUp());
  }

  /** 回访: the deputy (or the station head) calls the enterprise. */
  private async followUp(): Promise<void> {
    const { fate } = this.plan;
    const lastRound = this.round >= fate.ratings.length - 1;
    if (lastRound && fate.conclusion === 'unreachable') {
      await this.close('unreachable');
      return;
    }
    const rating = fate.ratings[Math.min(this.round, fate.ratings.length - 1)] ?? 'satisfied';
    const { cast, tally } = this.ctx;
    const caller = cast.as(this.random.chance(0.7) ? cast.deputyId : cast.stationHeadId);
    const redo = rating === 'unsatisfied' && !lastRound;
    this.request = await caller.requests.followUp({ requestId: this.request.id, rating, redo, comment: this.random.pick(followUpComments[rating]) });
    tally.followUpRatings[rating]++;
    if (redo) {
      tally.redos++;
      this.round++;
      this.lead(false);
    }
  }

  private async close(why: 'unreachable' | 'out_of_scope'): Promise<void> {
    const { cast, tally } = this.ctx;
    this.request = await cast.as(cast.deputyId).requests.close({ requestId: this.request.id, note: this.random.pick(closeNotes[why]) });
    if (why === 'unreachable') tally.closedWithoutRating.unreachable++;
    else tally.closedWithoutRating.outOfScope++;
  }

  private async withdraw(): Promise<void> {
    const { cast } = this.ctx;
    const who = this.submitter.withdrawsOwn && this.submitter.memberId ? this.submitter.memberId : cast.deputyId;
    this.request = await cast.as(who).requests.withdraw({ requestId: this.request.id, reason: this.random.pick(withdrawReasons) });
    this.ctx.tally.withdrawn++;
  }

  /** 督办 by the station head or street-office staff, while the request is still open. */
  private async supervise(kind: 'important' | 'overdue'): Promise<void> {
    if (TERMINAL.has(this.request.status) || this.request.supervision) return;
    const { cast } = this.ctx;
    const who = cast.officeStaffIds.length > 0 && this.random.chance(0.4) ? this.random.pick(cast.officeStaffIds) : cast.stationHeadId;
    this.request = await cast.as(who).requests.supervise({ requestId: this.request.id, note: this.random.pick(supervisionNotes[kind]) });
    this.ctx.tally.supervisions++;
  }

  /** Links this duplicate report to the request it repeats. */
  private async merge(): Promise<void> {
    const { cast } = this.ctx;
    const original = this.original?.current;
    if (!original) return;
    const who = cast.as(this.random.chance(0.7) ? cast.deputyId : cast.stationHeadId);
    this.request = await who.requests.merge({ requestId: this.request.id, duplicateOfId: original.id, note: this.random.pick(mergeNotes) });
    this.ctx.tally.merged++;
  }
}
