/**
 * How each request of the demo year will fare, drawn up front from the request's own random
 * stream: whether it is returned, signed for late, paused, extended, supervised, replied to
 * late, with which outcome, and how the enterprise rates it. When each of these happens is
 * decided later, as the replay reaches it, from the deadlines the SDK actually set.
 */
import type { Outcome, Satisfaction } from '@kechuang/community';
import type { Random } from '../random.js';

/**
 * How the year's original requests end, as exact shares: they are dealt like a shuffled deck
 * rather than drawn one by one, so every seed lands near 460 collected and 320 resolved.
 */
export const FATE_SHARES = {
  withdraw: 0.05,
  outOfScope: 0.055,
  unsolvable: 0.115,
  /** Originals reported again later (12345 or a captain), the copy merged into them. */
  duplicate: 0.1,
};

/** How an original request ends, dealt from the deck (see {@link FATE_SHARES}). */
export type FateClass = 'withdraw' | 'out_of_scope' | 'unsolvable' | 'resolved';

/** The odds of everything else, drawn request by request. */
export const FATE_ODDS = {
  /** A lead returns the request (退单); the station head overrules some and re-assigns the rest. */
  returned: 0.07,
  overruled: 0.3,
  lateSignFor: 0.035,
  /** Consultations are often answered on the spot, without a separate start. */
  answerAtOnce: 0.5,
  pause: 0.08,
  extension: 0.1,
  extensionApproved: 0.75,
  /** Replied after the deadline, so the SLA escalation ladder fires. */
  lateReply: 0.06,
  /** A refused extension often ends late. */
  lateAfterRefusal: 0.5,
  superviseWhenOverdue: 0.6,
  /** Supervised from the start because of what it is about. */
  superviseImportant: { default: 0.01, complaint: 0.35, safety: 0.3 } as Readonly<Record<string, number>>,
  unreachable: 0.04,
  firstRating: [
    ['satisfied', 80],
    ['basically_satisfied', 14],
    ['unsatisfied', 5.5],
  ] as const,
  /** After a redo (重办) most enterprises are content; the rest are concluded as unsatisfied. */
  redoRating: [
    ['satisfied', 60],
    ['basically_satisfied', 25],
    ['unsatisfied', 15],
  ] as const,
  duplicateChannel: [
    ['hotline_12345', 70],
    ['captain_report', 30],
  ] as const,
};

/** How resolved requests of a category end: [solved, explained]. Policy questions are mostly answered. */
const RESOLVED_AS: Readonly<Record<string, readonly [number, number]>> = {
  policy: [22, 78],
  party: [52, 48],
  legal: [80, 20],
  talent: [70, 30],
  finance: [58, 42],
  facilities: [89, 11],
  safety: [96, 4],
  public_services: [75, 25],
  complaint: [70, 30],
  other: [60, 40],
};

/** Categories answered under the consultation policy (no separate start needed). */
const CONSULTATIONS = new Set(['policy', 'party']);

/** Everything that will happen to one request, decided before it is submitted. */
export interface RequestFate {
  withdraw: boolean;
  /** 退单 before signing for it, settled by re-assigning or by overruling. */
  returned: 'redispatch' | 'overrule' | null;
  lateSignFor: boolean;
  /** Reply straight after signing for it, without a separate start. */
  answerAtOnce: boolean;
  pause: boolean;
  /** Asked for when the policy allows extensions. */
  extension: 'approved' | 'refused' | null;
  lateReply: boolean;
  supervise: 'important' | 'when_overdue' | null;
  outcome: Outcome;
  /** Concluded after a follow-up call with a rating, or closed because nobody answered. */
  conclusion: 'rated' | 'unreachable';
  /**
   * The rating of each follow-up; every one but the last is `unsatisfied` and redoes it. A last
   * `unsatisfied` concludes the request with that rating (`followUp({ redo: false })`).
   */
  ratings: Satisfaction[];
  /** The outcome of a redo's reply. */
  redoOutcome: Outcome;
  /** Reported a second time, merged into this one. */
  duplicate: { channel: 'hotline_12345' | 'captain_report' } | null;
}

function outcomeOf(random: Random, category: string, fateClass: FateClass): Outcome {
  if (fateClass === 'out_of_scope' || fateClass === 'unsolvable') return fateClass;
  const [solved, explained] = RESOLVED_AS[category] ?? [65, 35];
  return random.weighted<Outcome>([
    ['solved', solved],
    ['explained', explained],
  ]);
}

/**
 * Deals `count` fate classes and duplicate marks in exact shares (rounded), shuffled.
 *
 * @example
 * ```ts
 * const deck = dealFates(createRandom(1).fork('deck'), 420);
 * deck.filter((d) => d.fateClass === 'withdraw').length; // 21
 * ```
 */
export function dealFates(random: Random, count: number): { fateClass: FateClass; duplicate: boolean }[] {
  const withdraw = Math.round(count * FATE_SHARES.withdraw);
  const outOfScope = Math.round(count * FATE_SHARES.outOfScope);
  const unsolvable = Math.round(count * FATE_SHARES.unsolvable);
  const classes: FateClass[] = [
    ...Array.from({ length: withdraw }, () => 'withdraw' as const),
    ...Array.from({ length: outOfScope }, () => 'out_of_scope' as const),
    ...Array.from({ length: unsolvable }, () => 'unsolvable' as const),
  ];
  while (classes.length < count) classes.push('resolved');
  const dealt = random.shuffle(classes).map((fateClass) => ({ fateClass, duplicate: false }));
  // A withdrawn request has nothing left to merge a repeat report into.
  const candidates = random.shuffle(dealt.filter((d) => d.fateClass !== 'withdraw'));
  for (const d of candidates.slice(0, Math.round(count * FATE_SHARES.duplicate))) d.duplicate = true;
  return dealt;
}

/**
 * Draws the fate of one original request of `category`, dealt `fateClass` and, when
 * `duplicate`, to be reported again.
 *
 * @example
 * ```ts
 * const fate = drawFate(createRandom(1).fork('R0001'), 'legal', { fateClass: 'resolved', duplicate: false });
 * fate.outcome; // 'solved', most of the time for legal help
 * ```
 */
export function drawFate(random: Random, category: string, dealt: { fateClass: FateClass; duplicate: boolean }): RequestFate {
  const odds = FATE_ODDS;
  const withdraw = dealt.fateClass === 'withdraw';
  const outcome = outcomeOf(random, category, dealt.fateClass);
  const returned = random.chance(odds.returned) ? (random.chance(odds.overruled) ? 'overrule' : 'redispatch') : null;
  const lateSignFor = random.chance(odds.lateSignFor);
  const answerAtOnce = CONSULTATIONS.has(category) && random.chance(odds.answerAtOnce);
  const pause = !answerAtOnce && random.chance(odds.pause);
  const extension = !answerAtOnce && random.chance(odds.extension) ? (random.chance(odds.extensionApproved) ? 'approved' : 'refused') : null;
  const lateReply = extension === 'refused' ? random.chance(odds.lateAfterRefusal) : random.chance(odds.lateReply);
  const important = random.chance(odds.superviseImportant[category] ?? odds.superviseImportant['default'] ?? 0);
  const supervise = important ? 'important' : lateReply && random.chance(odds.superviseWhenOverdue) ? 'when_overdue' : null;
  const conclusion = outcome !== 'out_of_scope' && random.chance(odds.unreachable) ? 'unreachable' : 'rated';
  const first = random.weighted<Satisfaction>(odds.firstRating);
  // An unsolvable request cannot be redone into a better answer: an unsatisfied rating concludes it.
  const second = random.weighted<Satisfaction>(odds.redoRating);
  const ratings: Satisfaction[] = first === 'unsatisfied' && outcome !== 'unsolvable' ? [first, second] : [first];
  const redoOutcome = random.weighted<Outcome>([
    ['solved', 75],
    ['explained', 25],
  ]);
  const duplicate = dealt.duplicate ? { channel: random.weighted(odds.duplicateChannel) } : null;
  return { withdraw, returned, lateSignFor, answerAtOnce, pause, extension, lateReply, supervise, outcome, conclusion, ratings, redoOutcome, duplicate };
}
