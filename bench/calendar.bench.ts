/**
 * Working-calendar deadlines per second on the demo calendar (mainland 2025–2026 schedules,
 * Asia/Shanghai, 08:30–12:00 and 13:30–17:30), over 4,096 random start instants in 2025–2026.
 * One op computes one deadline; the ops cycle through the prepared inputs.
 *
 * - calendar.add-working-days: `addWorkingDays(t, n)`, n = 1–15, vs the day-by-day walk in
 *   packages/community/src/calendar/day-by-day-reference.ts — the same holiday and make-up sets,
 *   checking each local date in turn. Goals: ≥ 1,000,000 ops/s and a ratio ≥ 20.
 * - calendar.add-working-hours: `addWorkingTime(t, d)`, d = 15 min – 60 h, vs the same walk
 *   interval by interval. No goal; it shows the cost of the binary search over office time.
 *
 * The reference memoises its zone conversions (per quarter hour and per date), so neither
 * side pays for Intl while timed and the ratio measures the walk against the indexes. Years
 * are indexed in `setup`, which is not timed either.
 *
 * Before timing, each benchmark checks that both sides agree on EVERY prepared input, and
 * throws naming the first input where they differ.
 */
import { createDayByDayReference, type DayByDayReference } from '../packages/community/src/calendar/day-by-day-reference.js';
import { resolveCalendar } from '../packages/community/src/calendar/resolve-calendar.js';
import { createWorkingCalendar, type WorkingCalendar } from '../packages/community/src/calendar/working-calendar.js';
import type { BenchmarkDefinition } from './harness.js';
import { seededRandom } from '@kechuang/testing';

const INPUT_COUNT = 4096; // a power of two: the next input is one mask away
const MASK = INPUT_COUNT - 1;
const FIRST = Date.parse('2025-01-01T00:00:00+08:00');
const LAST = Date.parse('2026-12-31T23:59:59+08:00');
const HOUR_MS = 3_600_000;

let calendar: WorkingCalendar;
let reference: DayByDayReference;
const starts: Date[] = [];
const spans = new Int32Array(INPUT_COUNT);
const durations = new Float64Array(INPUT_COUNT);
let cursor = 0;
/** Keeps results alive so that neither side can skip the work. */
let sink = 0;

function prepare(): void {
  if (starts.length > 0) return;
  const config = {};
  calendar = createWorkingCalendar(config);
  reference = createDayByDayReference(resolveCalendar(config));
  // Seeded, so every run times the same inputs.
  const next = seededRandom(20_260_930);
  for (let i = 0; i < INPUT_COUNT; i++) {
    starts.push(new Date(FIRST + Math.floor(next() * (LAST - FIRST))));
    spans[i] = 1 + Math.floor(next() * 15);
    durations[i] = (1 + Math.floor(next() * 240)) * 15 * 60_000; // 15 minutes … 60 hours
  }
}

function check(name: string, ours: (i: number) => Date, theirs: (i: number) => Date, describe: (i: number) => string): void {
  for (let i = 0; i < INPUT_COUNT; i++) {
    const a = ours(i).getTime();
    const b = theirs(i).getTime();
    if (a !== b) {
      throw new Error(`${name}: the calendar and the day-by-day walk disagree on ${describe(i)}: ${new Date(a).toISOString()} vs ${new Date(b).toISOString()}`);
    }
  }
}

export const benchmarks: BenchmarkDefinition[] = [
  {
    name: 'calendar.add-working-days',
    async setup() {
      prepare();
      check(
        'calendar.add-working-days',
        (i) => calendar.addWorkingDays(starts[i]!, spans[i]!),
        (i) => reference.addWorkingDays(starts[i]!, spans[i]!),
        (i) => `${starts[i]!.toISOString()} + ${spans[i]} working days`,
      );
    },
    fn() {
      cursor = (cursor + 1) & MASK;
      sink ^= calendar.addWorkingDays(starts[cursor]!, spans[cursor]!).getTime();
    },
    baseline: {
      name: 'day-by-day walk, same holiday and make-up sets',
      fn() {
        cursor = (cursor + 1) & MASK;
        sink ^= reference.addWorkingDays(starts[cursor]!, spans[cursor]!).getTime();
      },
    },
    async teardown() {
      if (sink === 0.5) console.log(sink); // never true; reads sink so it stays live
    },
  },
  {
    name: 'calendar.add-working-hours',
    async setup() {
      prepare();
      check(
        'calendar.add-working-hours',
        (i) => calendar.addWorkingTime(starts[i]!, durations[i]!),
        (i) => reference.addWorkingTime(starts[i]!, durations[i]!),
        (i) => `${starts[i]!.toISOString()} + ${durations[i]! / HOUR_MS} working hours`,
      );
    },
    fn() {
      cursor = (cursor + 1) & MASK;
      sink ^= calendar.addWorkingTime(starts[cursor]!, durations[cursor]!).getTime();
    },
    baseline: {
      name: 'day-by-day walk, interval by interval',
      fn() {
        cursor = (cursor + 1) & MASK;
        sink ^= reference.addWorkingTime(starts[cursor]!, durations[cursor]!).getTime();
      },
    },
  },
];
