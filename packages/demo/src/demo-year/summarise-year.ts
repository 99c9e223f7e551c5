/**
 * The plain summary of a replayed demo year: what the request rows say at the end of the year,
 * plus the counts of commands the replay ran.
 */
import type { Channel, Outcome, Satisfaction, ServiceRequest } from '@kechuang/community';
import type { YearTally } from './year-context.js';

/** What the replayed year came to. Every figure is a plain number, so it serialises as JSON. */
export interface DemoYearSummary {
  /** The seed the year was generated from. */
  seed: number;
  /** The replayed period, ISO-8601: 2025-03-01T00:00+08:00 up to 2026-03-01T00:00+08:00. */
  from: string;
  /** The end of the replayed period (exclusive), ISO-8601. */
  to: string;
  /** Every request submitted during the year, merged duplicates included (诉求收集数). */
  collected: number;
  /** Collected requests that were repeat reports, merged into the original. */
  duplicatesMerged: number;
  /** Closed (办结) with outcome `solved` or `explained` (诉求解决数). */
  resolved: number;
  /** Requests by final status. */
  byStatus: Record<string, number>;
  /** Requests carrying an outcome at the end of the year (replied or closed), by outcome. */
  byOutcome: Record<Outcome, number>;
  /**
   * Closed requests by final rating, or `unrated` (closed without a follow-up rating). A
   * redone request counts once, with its final rating, so `unsatisfied` stays 0 here; every
   * rating given on a call is in {@link DemoYearSummary.followUpRatings}.
   */
  byRating: Record<Satisfaction | 'unrated', number>;
  /** Every rating given on a follow-up call, the unsatisfied ones that led to a redo included. */
  followUpRatings: Record<Satisfaction, number>;
  /** Requests by channel (渠道). */
  byChannel: Record<Channel, number>;
  /** Requests by category id. */
  byCategory: Record<string, number>;
  /** Visits (走访) recorded. */
  visits: number;
  /** Returns (退单), and how they were settled. */
  returns: YearTally['returns'];
  /** Signed for after the respond deadline. */
  lateSignFor: number;
  /** Replied after the resolve deadline. */
  lateReplies: number;
  /** Pauses (waiting on the enterprise). */
  pauses: number;
  /** Extensions (延期) asked for, approved and refused. */
  extensions: YearTally['extensions'];
  /** 督办 commands. */
  supervisions: number;
  /** 重办: unsatisfied follow-ups that sent a request back to a lead. */
  redos: number;
  /** Requests withdrawn. */
  withdrawn: number;
  /** Requests merged into an original. */
  merged: number;
  /** Requests concluded without a rating, by why. */
  closedWithoutRating: YearTally['closedWithoutRating'];
  /** Not concluded at the end of the year (replied requests awaiting their follow-up included). */
  stillOpen: number;
  /** Requests the SLA escalation ladder raised, by the highest level reached. */
  escalated: {
    /** Raised to the first level only. */
    level1: number;
    /** Raised to the second level or beyond. */
    level2OrMore: number;
  };
  /** SLA timers the worker fired during the year, by kind. */
  timersFired: {
    /** Reminders (催办). */
    reminders: number;
    /** Escalation steps. */
    escalations: number;
  };
  /**
   * The three rates as the replay sees them, for a quick look (the metrics module computes the
   * official figures): response = signed for by the respond deadline ÷ signed for or due;
   * resolution = resolved ÷ closed (out of scope excluded); satisfaction = satisfied or
   * basically satisfied ÷ rated, each request once.
   */
  rates: {
    /** The response rate, from 0 to 1. */
    response: number;
    /** The resolution rate, from 0 to 1. */
    resolution: number;
    /** The satisfaction rate, from 0 to 1. */
    satisfaction: number;
  };
}

const TERMINAL = new Set(['closed', 'withdrawn', 'merged']);

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : round4(a / b));

function countBy<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

/**
 * Summarises the year from the final request rows and the replay's tally.
 *
 * @example
 * ```ts
 * const summary = summariseYear(requests, tally, { seed, from, to, timersFired });
 * summary.collected; // ≈ 460
 * ```
 */
export function summariseYear(
  requests: readonly ServiceRequest[],
  tally: YearTally,
  extra: { seed: number; from: Date; to: Date; timersFired: DemoYearSummary['timersFired'] },
): DemoYearSummary {
  const byStatus: Record<string, number> = {};
  const byOutcome = countBy<Outcome>(['solved', 'explained', 'unsolvable', 'out_of_scope']);
  const byRating = countBy<Satisfaction | 'unrated'>(['satisfied', 'basically_satisfied', 'unsatisfied', 'unrated']);
  const byChannel = countBy<Channel>(['visit', 'captain_report', 'phone', 'walk_in', 'online', 'hotline_12345']);
  const byCategory: Record<string, number> = {};
  let resolved = 0;
  let closedInScope = 0;
  let respondedOnTime = 0;
  let responseDue = 0;
  const escalated = { level1: 0, level2OrMore: 0 };
  const end = extra.to.getTime();

  for (const r of requests) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    byChannel[r.channel]++;
    byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
    if (r.outcome) byOutcome[r.outcome]++;
    if (r.escalationLevel === 1) escalated.level1++;
    if (r.escalationLevel >= 2) escalated.level2OrMore++;
    if (r.status === 'closed') {
      byRating[r.satisfaction ?? 'unrated']++;
      if (r.outcome !== 'out_of_scope') closedInScope++;
      if (r.outcome === 'solved' || r.outcome === 'explained') resolved++;
    }
    // A duplicate merged or a request withdrawn before anyone signed for it had nothing to sign.
    const neverSigned = r.respondedAt === null && (r.status === 'merged' || r.status === 'withdrawn');
    if (r.respondDueAt && !neverSigned && (r.respondedAt || r.respondDueAt.getTime() <= end)) {
      responseDue++;
      if (r.respondedAt && r.respondedAt.getTime() <= r.respondDueAt.getTime()) respondedOnTime++;
    }
  }
  const rated = byRating.satisfied + byRating.basically_satisfied + byRating.unsatisfied;
  return {
    seed: extra.seed,
    from: extra.from.toISOString(),
    to: extra.to.toISOString(),
    collected: requests.length,
    duplicatesMerged: byStatus['merged'] ?? 0,
    resolved,
    byStatus,
    byOutcome,
    byRating,
    followUpRatings: tally.followUpRatings,
    byChannel,
    byCategory,
    visits: tally.visits,
    returns: tally.returns,
    lateSignFor: tally.lateSignFor,
    lateReplies: tally.lateReplies,
    pauses: tally.pauses,
    extensions: tally.extensions,
    supervisions: tally.supervisions,
    redos: tally.redos,
    withdrawn: tally.withdrawn,
    merged: tally.merged,
    closedWithoutRating: tally.closedWithoutRating,
    stillOpen: requests.filter((r) => !TERMINAL.has(r.status)).length,
    escalated,
    timersFired: extra.timersFired,
    rates: {
      response: ratio(respondedOnTime, responseDue),
      resolution: ratio(resolved, closedInScope),
      satisfaction: ratio(byRating.satisfied + byRating.basically_satisfied, rated),
    },
  };
}
