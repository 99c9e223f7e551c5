/**
 * The Mengchuang Community's first year (2025-03-01 to 2026-02-28), replayed in one call
 * through the public API of `@kechuang/community` on a manual clock.
 */
import {
  createCommunity,
  createWorker,
  manualClock,
  memoryStorage,
  type Community,
  type ManualClock,
  type Notifier,
  type ServiceRequest,
  type SlaPolicy,
  type StorageAdapter,
  type WorkingCalendar,
} from '@kechuang/community';
import { createWorkingCalendar } from '@kechuang/community/calendar';
import type { DemoDirectory } from '../directory.js';
import { DEFAULT_ENTERPRISE_COUNT, DEFAULT_SEED, generateMengchuang } from '../generate-mengchuang.js';
import { loadDemo, type LoadedDemo } from '../load-demo.js';
import { mengchuangConfigText } from '../mengchuang-config.js';
import { createRandom } from '../random.js';
import { createEventQueue } from './event-queue.js';
import { intakeDesk } from './intake-desk.js';
import { seededUuidv7 } from './seeded-ids.js';
import { summariseYear, type DemoYearSummary } from './summarise-year.js';
import { yearCast } from './year-cast.js';
import { emptyTally, type YearContext } from './year-context.js';
import { DEMO_YEAR_END, DEMO_YEAR_START, demoYearWorkingDates, planYear } from './year-plan.js';

/** What a progress report refers to: loading the directory, then replaying the year. */
export type DemoYearStage = 'directory' | 'year';

/** Options of {@link runDemoYear}. */
export interface DemoYearOptions {
  /**
   * Where the year is stored. It must be empty: the replay creates the office.
   * @default memoryStorage()
   */
  storage?: StorageAdapter;
  /**
   * Any safe integer. The same seed gives the same year — ids, timestamps, rows and summary —
   * on every machine; another seed gives a different but similar year.
   * @default DEFAULT_SEED (20250301)
   */
  seed?: number;
  /**
   * How many enterprises the generated directory has (at least 1); fewer load faster, and
   * the year still collects about 460 requests.
   * @default DEFAULT_ENTERPRISE_COUNT (6000)
   */
  enterprises?: number;
  /**
   * Told how far the run is: while the directory loads, records created of the total
   * (stage `directory`); then days of the year replayed of 365 (stage `year`).
   * @default none
   */
  onProgress?: (done: number, total: number, stage: DemoYearStage) => void;
  /**
   * Notifiers for the community; the replay's worker delivers the year's notifications
   * through them as it goes (with a seeded retry jitter). Without them nothing is sent.
   * @default []
   */
  notifiers?: readonly Notifier[];
}

/** A replayed year. */
export interface DemoYear {
  /** The community the year was replayed in; go on using it (metrics, reports, more requests). */
  community: Community;
  /** The storage the year was written to. */
  storage: StorageAdapter;
  /** The manual clock, left at the end of the year: 2026-03-01 00:00 Asia/Shanghai. */
  clock: ManualClock;
  /** The demo office's id. */
  officeId: string;
  /** The generated directory (records by code). */
  directory: DemoDirectory;
  /** The ids of what was loaded, by code, and the people who act. */
  demo: LoadedDemo;
  /** The office's working calendar (from its config). */
  calendar: WorkingCalendar;
  /** The replayed period: from the first instant up to, not including, `to`. */
  period: {
    /** The first instant: 2025-03-01 00:00 Asia/Shanghai. */
    from: Date;
    /** The first instant after: 2026-03-01 00:00 Asia/Shanghai. */
    to: Date;
  };
  /** What the year came to, as plain numbers. */
  summary: DemoYearSummary;
}

const DAY_MS = 86_400_000;
/**
 * Besides before every action, the worker looks for due SLA timers at each close of office
 * hours (12:00 and 17:30 in the demo), when deadlines in working days fall due: a timer then
 * fires at its due time even on a day nobody acts after it. Reminders due in between fire
 * before the next action.
 */
function officeCloses(calendar: WorkingCalendar, date: string): Date[] {
  // The demo year is in Asia/Shanghai, UTC+8 all year round.
  return calendar.config.officeHours.map((interval) => new Date(`${date}T${interval.split('-')[1]?.trim() ?? '17:30'}:00+08:00`));
}

/** Lists every request of the office, oldest first. */
async function allRequests(community: Community, officeId: string): Promise<ServiceRequest[]> {
  const session = community.as({ kind: 'system', officeId });
  const all: ServiceRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.requests.list({ order: 'oldest', limit: 500, ...(cursor ? { cursor } : {}) });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Replays the Mengchuang Community's first year — 2025-03-01 to 2026-02-28, Asia/Shanghai —
 * through the public API: it generates and loads the directory, stores the office config
 * (`kechuang.config.yaml`), then submits about 460 requests on working days in office hours
 * (visits, captains' reports, calls, walk-ins, the online portal, 12345 hand-offs) and works
 * them around the closed loop as the station's people would: routing, sign-for (some late),
 * returns settled by the station head, pauses, extensions, supervision, replies, follow-up
 * calls with ratings and redos, withdrawals, merged duplicates. A worker fires the SLA
 * reminders and escalations as time passes. About 320 requests end resolved; a handful are
 * still open when the year ends.
 *
 * Deterministic: the clock is manual and ids are UUIDv7 built from it and the seed, so two
 * runs with the same seed produce identical rows and summaries.
 *
 * @example
 * ```ts
 * import { runDemoYear } from '@kechuang/demo';
 *
 * const year = await runDemoYear({
 *   onProgress: (done, total, stage) => process.stderr.write(`\r${stage} ${done}/${total}`),
 * });
 * console.log(year.summary.collected, year.summary.resolved); // about 460 and 320
 * const head = year.community.as({ kind: 'member', officeId: year.officeId, memberId: year.demo.stationHeadId });
 * const open = await head.requests.list({ status: ['assigned', 'accepted', 'in_progress'] });
 * ```
 */
export async function runDemoYear(options: DemoYearOptions = {}): Promise<DemoYear> {
  const seed = options.seed ?? DEFAULT_SEED;
  const storage = options.storage ?? memoryStorage();
  const notifiers = options.notifiers ?? [];
  const random = createRandom(seed).fork('demo-year');
  const clock = manualClock(DEMO_YEAR_START);
  const community: Community = createCommunity({ storage, clock, ids: seededUuidv7(clock, random.fork('ids')), notifiers });

  const directory = generateMengchuang({ seed, enterprises: options.enterprises ?? DEFAULT_ENTERPRISE_COUNT });
  const office = await community.offices.create(directory.office);
  const demo = await loadDemo(community.as({ kind: 'system', officeId: office.id }), directory, {
    onProgress: options.onProgress ? (done, total) => options.onProgress?.(done, total, 'directory') : undefined,
  });
  const head = community.as({ kind: 'member', officeId: office.id, memberId: demo.stationHeadId });
  const { config } = await head.config.update(mengchuangConfigText(), { filename: 'kechuang.config.yaml' });
  const calendar = createWorkingCalendar(config.calendar);
  const policies = new Map<string, SlaPolicy>(config.slaPolicies.map((p) => [p.id, p]));

  const queue = createEventQueue<() => Promise<void>>();
  const end = DEMO_YEAR_END.getTime();
  const ctx: YearContext = {
    cast: yearCast(community, office.id, demo),
    demo,
    calendar,
    clock,
    policies,
    tally: emptyTally(),
    schedule(at, action) {
      const t = Math.max(at.getTime(), clock.now().getTime());
      if (t < end) queue.push(t, action);
    },
    // Only called once the replay runs, after the desk below exists.
    reportAgain: (original) => desk.reportAgain(original),
  };
  const desk = intakeDesk(ctx, random.fork('desk'));
  for (const intake of planYear(random.fork('plan'), directory, calendar)) ctx.schedule(intake.at, () => desk.receive(intake));
  // The loop drains the worker before running anything at a new instant; a close needs nothing more.
  const close = async (): Promise<void> => {};
  for (const date of demoYearWorkingDates(calendar)) for (const at of officeCloses(calendar, date)) ctx.schedule(at, close);

  const worker = createWorker(community, {
    id: 'demo-year-worker',
    batchSize: 100,
    notify: notifiers.length > 0 ? { random: random.fork('notify-jitter').next } : false,
  });
  const timersFired = { reminders: 0, escalations: 0 };
  const failures: unknown[] = [];
  worker.on('fired', (timer) => {
    if (timer.kind === 'sla.reminder') timersFired.reminders++;
    else if (timer.kind === 'sla.escalation') timersFired.escalations++;
  });
  worker.on('error', (error, timer) => {
    if (timer) failures.push(error);
  });
  const drain = async (): Promise<void> => {
    while ((await worker.runOnce()) > 0);
    if (failures.length > 0) throw new Error(`Demo year: an SLA timer failed at ${clock.now().toISOString()}`, { cause: failures[0] });
  };

  const totalDays = Math.round((end - DEMO_YEAR_START.getTime()) / DAY_MS);
  let daysDone = -1;
  let workerAt = Number.NEGATIVE_INFINITY;
  for (let next = queue.pop(); next; next = queue.pop()) {
    clock.set(new Date(next.at));
    // Timers due by now fire before anyone acts, as a worker polling in the background would.
    if (next.at > workerAt) {
      await drain();
      workerAt = next.at;
    }
    await next.item();
    const day = Math.floor((next.at - DEMO_YEAR_START.getTime()) / DAY_MS);
    if (day !== daysDone) {
      daysDone = day;
      options.onProgress?.(day, totalDays, 'year');
    }
  }
  clock.set(DEMO_YEAR_END);
  await drain();
  options.onProgress?.(totalDays, totalDays, 'year');

  const requests = await allRequests(community, office.id);
  const summary = summariseYear(requests, ctx.tally, { seed, from: DEMO_YEAR_START, to: DEMO_YEAR_END, timersFired });
  return { community, storage, clock, officeId: office.id, directory, demo, calendar, period: { from: DEMO_YEAR_START, to: DEMO_YEAR_END }, summary };
}
