/**
 * The demo year's intake plan: when requests arrive, through which channel, from which
 * enterprise, about what — and each one's fate. Pure: the same seed, directory and calendar
 * always give the same plan.
 */
import type { Channel, WorkingCalendar } from '@kechuang/community';
import type { DemoDirectory, DemoEnterprise } from '../directory.js';
import type { Random } from '../random.js';
import { dealFates, drawFate, type RequestFate } from './request-fate.js';
import { categoryTopics, type RequestTopic } from './request-topics.js';

/**
 * The first instant of the demo year, 2025-03-01 00:00 in Asia/Shanghai (UTC+8 all year), the
 * month the Mengchuang Community opened.
 *
 * @example
 * ```ts
 * DEMO_YEAR_START.toISOString(); // '2025-02-28T16:00:00.000Z'
 * ```
 */
export const DEMO_YEAR_START = new Date('2025-03-01T00:00:00+08:00');
/**
 * The end of the demo year, 2026-03-01 00:00 in Asia/Shanghai, not included: the year's last
 * day is 2026-02-28, a make-up working Saturday after the Spring Festival.
 *
 * @example
 * ```ts
 * year.clock.now().getTime() === DEMO_YEAR_END.getTime(); // after runDemoYear()
 * ```
 */
export const DEMO_YEAR_END = new Date('2026-03-01T00:00:00+08:00');

const DAY_MS = 86_400_000;
/** Office hours 08:30–12:00 and 13:30–17:30: 450 working minutes a day. */
const WORKING_MINUTES_PER_DAY = 450;

/**
 * How busy each month is, relative to a typical one: the community opened in March 2025 and
 * became known over its first months; October has the National Day week, February the Spring
 * Festival.
 */
const MONTH_WEIGHT: Readonly<Record<string, number>> = {
  '2025-03': 0.55,
  '2025-04': 0.75,
  '2025-05': 0.85,
  '2025-06': 0.95,
  '2025-07': 1,
  '2025-08': 0.95,
  '2025-09': 1.05,
  '2025-10': 0.95,
  '2025-11': 1.1,
  '2025-12': 1.15,
  '2026-01': 1,
  '2026-02': 0.9,
};

/** Working days just before and after the Spring Festival holiday (2026-02-15..23) are quiet. */
const QUIET_DAYS = new Set(['2026-02-11', '2026-02-12', '2026-02-13', '2026-02-14', '2026-02-24', '2026-02-25']);

/** How requests reach the station, by share of intakes. */
const CHANNELS: readonly (readonly [Channel, number])[] = [
  ['visit', 27],
  ['captain_report', 22],
  ['phone', 20],
  ['walk_in', 10],
  ['online', 9],
  ['hotline_12345', 12],
];

/** The number of original requests (duplicates come on top) before the seed's variation. */
const ORIGINALS = 418;

/** One original request of an intake. */
export interface PlannedRequest {
  /** `R0001` …, in arrival order; names the request's random stream. */
  key: string;
  category: string;
  topic: RequestTopic;
  /** The `amount` attribute for legal topics. */
  amount: number | null;
  fate: RequestFate;
}

/** One arrival: a call, a walk-in, a captain's report, a 12345 hand-off, or a visit with 1–2 requests. */
export interface Intake {
  at: Date;
  channel: Channel;
  enterprise: DemoEnterprise;
  requests: PlannedRequest[];
}

/**
 * The working days of the demo year, as local dates `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * demoYearWorkingDates(calendar)[0]; // '2025-03-03', the first Monday
 * ```
 */
export function demoYearWorkingDates(calendar: WorkingCalendar): string[] {
  const dates: string[] = [];
  for (let t = DEMO_YEAR_START.getTime(); t < DEMO_YEAR_END.getTime(); t += DAY_MS) {
    const date = calendar.localDate(new Date(t));
    if (calendar.isWorkingDay(date)) dates.push(date);
  }
  return dates;
}

/** The working days of the year and how busy each is. */
function workingDays(calendar: WorkingCalendar): [string, number][] {
  return demoYearWorkingDates(calendar).map((date) => [date, (MONTH_WEIGHT[date.slice(0, 7)] ?? 1) * (QUIET_DAYS.has(date) ? 0.4 : 1)]);
}

/** A moment in the office hours of `date` (a working day), to the second. */
function momentOn(calendar: WorkingCalendar, date: string, random: Random): Date {
  const opening = calendar.nextWorkingInstant(new Date(`${date}T00:00:00+08:00`));
  // Nobody arrives at the very close of the morning: the afternoon opening takes that second.
  const at = calendar.addWorkingTime(opening, random.int(0, WORKING_MINUTES_PER_DAY * 60 - 1) * 1000);
  return calendar.isWorkingTime(at) ? at : calendar.nextWorkingInstant(at);
}

type Unfated = Omit<PlannedRequest, 'fate'>;

function planRequest(random: Random, n: number): Unfated {
  const key = `R${String(n).padStart(4, '0')}`;
  const group = random.weighted(categoryTopics.map((c) => [c, c.weight] as const));
  const topic = random.pick(group.topics);
  const amount = topic.amount ? Math.round(random.int(topic.amount[0], topic.amount[1]) / 1000) * 1000 : null;
  return { key, category: group.category, topic, amount };
}

/**
 * Plans the year's intakes in arrival order. About 418 original requests (±1% by seed), a
 * tenth of which will be reported again and merged, so about 460 are collected in all.
 *
 * @example
 * ```ts
 * const intakes = planYear(createRandom(20250301).fork('year'), generateMengchuang(), calendar);
 * intakes[0].at; // the first arrival, on the first working day of March 2025
 * ```
 */
export function planYear(random: Random, directory: DemoDirectory, calendar: WorkingCalendar): Intake[] {
  const days = workingDays(calendar);
  const target = Math.round(ORIGINALS * (0.99 + random.next() * 0.02));
  const parked = directory.enterprises.filter((e) => e.parkCode !== null);
  const contacts = new Set(directory.members.flatMap((m) => m.roles.flatMap((r) => (r.role === 'enterprise_contact' ? [r.enterpriseCode] : []))));
  const withContact = directory.enterprises.filter((e) => contacts.has(e.creditCode));
  if (parked.length === 0) throw new RangeError('The demo year needs enterprises in parks; generate the directory with enterprises > 0.');
  const seen: DemoEnterprise[] = [];

  const drafts: (Omit<Intake, 'requests'> & { requests: Unfated[] })[] = [];
  let planned = 0;
  while (planned < target) {
    const channel = random.weighted(CHANNELS);
    let enterprise: DemoEnterprise;
    if (channel === 'online' && withContact.length > 0 && random.chance(0.4)) enterprise = random.pick(withContact);
    else if (seen.length > 0 && random.chance(0.15)) enterprise = random.pick(seen);
    else enterprise = random.pick(parked);
    // Captains report for enterprises in their own parks only.
    if (channel === 'captain_report' && enterprise.parkCode === null) enterprise = random.pick(parked);
    seen.push(enterprise);
    const count = channel === 'visit' && random.chance(0.2) && planned + 1 < target ? 2 : 1;
    const date = random.weighted(days);
    const requests = Array.from({ length: count }, () => planRequest(random, ++planned));
    drafts.push({ at: momentOn(calendar, date, random), channel, enterprise, requests });
  }
  const deck = dealFates(random.fork('deck'), planned);
  const intakes: Intake[] = drafts.map((draft) => ({
    ...draft,
    requests: draft.requests.map((r) => {
      const dealt = deck[Number(r.key.slice(1)) - 1] ?? { fateClass: 'resolved' as const, duplicate: false };
      return { ...r, fate: drawFate(random.fork(r.key), r.category, dealt) };
    }),
  }));
  // Arrival order decides the request keys' order in the replay, not the drawing order.
  intakes.sort((a, b) => a.at.getTime() - b.at.getTime());
  return intakes;
}
