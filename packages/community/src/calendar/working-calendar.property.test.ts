import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarConfigInput } from './calendar-schema.js';
import { createDayByDayReference } from './day-by-day-reference.js';
import { resolveCalendar } from './resolve-calendar.js';
import { createWorkingCalendar } from './working-calendar.js';
import { local } from './__fixtures__/local-time.js';

/**
 * Properties over random instants in 2025–2026 (the years with official data), checked
 * against DOMAIN.md's definitions and against the day-by-day reference walk.
 */

const RUNS = { numRuns: 1000 };
const HOUR = 3_600_000;
const FIRST = Date.parse('2025-01-01T00:00:00+08:00');
const LAST = Date.parse('2026-12-31T23:59:59+08:00');

/**
 * An instant: anywhere in the two years, or exactly on an office-hours boundary or midnight
 * of a random day, where off-by-one mistakes live.
 */
const instantArb = fc.oneof(
  fc.integer({ min: FIRST, max: LAST }).map((ms) => new Date(ms)),
  fc
    .tuple(fc.integer({ min: 0, max: 729 }), fc.constantFrom('00:00', '08:29', '08:30', '12:00', '13:30', '17:29', '17:30', '23:59'))
    .map(([day, time]) => new Date(FIRST + day * 86_400_000 + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3))) * 60_000)),
);
const daysArb = fc.integer({ min: 0, max: 30 });
/**
 * Up to 40 working days of office time at millisecond granularity, or whole minutes and half
 * hours, which land exactly on interval ends more often.
 */
const durationArb = fc.oneof(
  fc.integer({ min: 0, max: 40 * 7.5 * HOUR }),
  fc.integer({ min: 0, max: 600 }).map((minutes) => minutes * 60_000),
  fc.integer({ min: 0, max: 80 }).map((halfHours) => halfHours * 1_800_000),
);

function pair(config: CalendarConfigInput = {}): {
  calendar: ReturnType<typeof createWorkingCalendar>;
  reference: ReturnType<typeof createDayByDayReference>;
} {
  return { calendar: createWorkingCalendar(config), reference: createDayByDayReference(resolveCalendar(config)) };
}

describe('working calendar properties (demo calendar)', () => {
  const { calendar, reference } = pair();

  it('adding N of working time and measuring it back gives N', () => {
    fc.assert(
      fc.property(instantArb, durationArb, (t, duration) => {
        expect(calendar.workingTimeBetween(t, calendar.addWorkingTime(t, duration))).toBe(duration);
      }),
      RUNS,
    );
  });

  it('adding N working hours (fractional) and measuring back gives N hours, to the millisecond', () => {
    fc.assert(
      fc.property(instantArb, fc.double({ min: 0, max: 200, noNaN: true }), (t, hours) => {
        expect(calendar.workingTimeBetween(t, calendar.addWorkingHours(t, hours))).toBe(Math.round(hours * HOUR));
      }),
      RUNS,
    );
  });

  it('addWorkingDays is monotonic in n', () => {
    fc.assert(
      fc.property(instantArb, daysArb, daysArb, (t, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = calendar.addWorkingDays(t, low).getTime();
        const late = calendar.addWorkingDays(t, high).getTime();
        if (low === high) expect(early).toBe(late);
        else if (low >= 1) expect(early).toBeLessThan(late);
        else expect(early).toBeLessThanOrEqual(late);
      }),
      RUNS,
    );
  });

  it('addWorkingDays is monotonic in t', () => {
    fc.assert(
      fc.property(instantArb, instantArb, daysArb, (a, b, n) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(calendar.addWorkingDays(low, n).getTime()).toBeLessThanOrEqual(calendar.addWorkingDays(high, n).getTime());
      }),
      RUNS,
    );
  });

  it("addWorkingDays ends at the close of a working day, n working days after t's date", () => {
    fc.assert(
      fc.property(instantArb, daysArb, (t, n) => {
        const due = calendar.addWorkingDays(t, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(local(due)).toMatch(/ 17:30$/);
        expect(due.getTime()).toBeGreaterThan(t.getTime());
        if (n >= 1) {
          expect(calendar.workingDaysBetween(t, due)).toBe(n);
          expect(calendar.localDate(due) > calendar.localDate(t)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('agrees with the day-by-day reference on addWorkingDays', () => {
    fc.assert(
      fc.property(instantArb, daysArb, (t, n) => {
        expect(calendar.addWorkingDays(t, n).toISOString()).toBe(reference.addWorkingDays(t, n).toISOString());
      }),
      RUNS,
    );
  });

  it('agrees with the day-by-day reference on working hours and working time', () => {
    fc.assert(
      fc.property(instantArb, instantArb, durationArb, (a, b, duration) => {
        expect(calendar.addWorkingTime(a, duration).toISOString()).toBe(reference.addWorkingTime(a, duration).toISOString());
        expect(calendar.workingTimeBetween(a, b)).toBe(reference.workingTimeBetween(a, b));
      }),
      RUNS,
    );
  });

  it('nextWorkingInstant is working time, no working time away, never before t', () => {
    fc.assert(
      fc.property(instantArb, (t) => {
        const next = calendar.nextWorkingInstant(t);
        expect(calendar.isWorkingTime(next)).toBe(true);
        expect(next.getTime()).toBeGreaterThanOrEqual(t.getTime());
        expect(calendar.workingTimeBetween(t, next)).toBe(0);
        expect(calendar.isWorkingTime(t)).toBe(next.getTime() === t.getTime());
      }),
      RUNS,
    );
  });
});

describe('working calendar properties (Europe/Berlin, across DST changes)', () => {
  const { calendar, reference } = pair({ timeZone: 'Europe/Berlin', officeHours: ['01:30-03:30', '08:00-12:00', '13:00-17:00'] });

  it('agrees with the day-by-day reference and measures back what it adds', () => {
    fc.assert(
      fc.property(instantArb, daysArb, durationArb, (t, n, duration) => {
        expect(calendar.addWorkingDays(t, n).toISOString()).toBe(reference.addWorkingDays(t, n).toISOString());
        const end = calendar.addWorkingTime(t, duration);
        expect(end.toISOString()).toBe(reference.addWorkingTime(t, duration).toISOString());
        expect(calendar.workingTimeBetween(t, end)).toBe(duration);
      }),
      RUNS,
    );
  });
});
