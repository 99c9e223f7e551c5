import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/kechuang-error.js';
import { createWorkingCalendar } from './working-calendar.js';
import { local, shanghai } from './__fixtures__/local-time.js';

/** The demo calendar: mainland schedules, Asia/Shanghai, 08:30–12:00 and 13:30–17:30. */
const calendar = createWorkingCalendar();
const HOUR = 3_600_000;

const addDays = (wall: string, n: number): string => local(calendar.addWorkingDays(shanghai(wall), n));
const addHours = (wall: string, hours: number): string => local(calendar.addWorkingHours(shanghai(wall), hours));

describe("DOMAIN.md's worked examples", () => {
  it('Wed 2026-09-30 16:00 + 3 working days → Oct 8, 9 and 10 (make-up Saturday) → 2026-10-10 17:30', () => {
    expect(addDays('2026-09-30 16:00', 3)).toBe('2026-10-10 17:30');
    expect(calendar.addWorkingDays(shanghai('2026-09-30 16:00'), 3).toISOString()).toBe('2026-10-10T09:30:00.000Z');
  });

  it('Fri 2025-01-24 18:00 + 2 working days → Jan 26 (make-up Sunday), Jan 27 → 2025-01-27 17:30', () => {
    expect(addDays('2025-01-24 18:00', 2)).toBe('2025-01-27 17:30');
  });

  it('Fri 2025-10-10 16:00 + 4 working hours → 1.5 h that day, 2.5 h on the make-up Saturday → 2025-10-11 11:00', () => {
    expect(addHours('2025-10-10 16:00', 4)).toBe('2025-10-11 11:00');
  });
});

describe('addWorkingDays', () => {
  it("never counts t's own day, whatever the time of t", () => {
    for (const time of ['00:00', '08:00', '08:30', '12:30', '17:29', '17:30', '23:59']) {
      expect(addDays(`2026-03-04 ${time}`, 1), time).toBe('2026-03-05 17:30');
    }
  });

  it('counts from the next working day when t is on a holiday or weekend', () => {
    expect(addDays('2026-10-03 10:00', 1)).toBe('2026-10-08 17:30');
    expect(addDays('2026-03-07 10:00', 1)).toBe('2026-03-09 17:30'); // Saturday → Monday
  });

  it('a request arriving the evening before a long holiday', () => {
    expect(addDays('2026-09-30 19:00', 1)).toBe('2026-10-08 17:30');
    expect(addDays('2026-09-30 19:00', 3)).toBe('2026-10-10 17:30');
    expect(addDays('2026-09-30 19:00', 4)).toBe('2026-10-12 17:30'); // Sunday Oct 11 is off
    expect(addDays('2026-02-13 19:00', 1)).toBe('2026-02-14 17:30'); // the make-up Saturday first
    expect(addDays('2026-02-13 19:00', 2)).toBe('2026-02-24 17:30');
  });

  it('a request arriving on a make-up Saturday', () => {
    expect(addDays('2026-02-14 10:00', 1)).toBe('2026-02-24 17:30');
    expect(addDays('2026-02-28 15:00', 1)).toBe('2026-03-02 17:30');
    expect(addDays('2025-02-08 09:00', 1)).toBe('2025-02-10 17:30');
    expect(addDays('2025-02-08 09:00', 5)).toBe('2025-02-14 17:30');
  });

  it('runs across the end of a year', () => {
    expect(addDays('2025-12-30 10:00', 1)).toBe('2025-12-31 17:30');
    expect(addDays('2025-12-30 10:00', 2)).toBe('2026-01-04 17:30'); // Jan 1–3 off, Sunday Jan 4 worked
    expect(addDays('2025-12-31 23:59', 1)).toBe('2026-01-04 17:30');
    // 2025 has 248 working days, the last on Wed Dec 31.
    expect(addDays('2024-12-31 12:00', 248)).toBe('2025-12-31 17:30');
    expect(addDays('2024-12-31 12:00', 249)).toBe('2026-01-04 17:30');
    expect(addDays('2024-12-31 12:00', 248 + 248)).toBe('2026-12-31 17:30');
  });

  it('0 working days means by close of business: today if still open, else the next working day', () => {
    expect(addDays('2026-03-04 09:00', 0)).toBe('2026-03-04 17:30');
    expect(addDays('2026-03-04 12:30', 0)).toBe('2026-03-04 17:30');
    expect(addDays('2026-03-04 17:30', 0)).toBe('2026-03-05 17:30');
    expect(addDays('2026-03-04 07:00', 0)).toBe('2026-03-04 17:30');
    expect(addDays('2026-10-02 09:00', 0)).toBe('2026-10-08 17:30');
  });

  it('workingDaysBetween inverts it and counts overdue days', () => {
    const t = shanghai('2026-09-30 16:00');
    for (let n = 1; n <= 20; n++) expect(calendar.workingDaysBetween(t, calendar.addWorkingDays(t, n))).toBe(n);
    // Due Fri 17:30, now Monday morning: Monday is the first working day overdue.
    expect(calendar.workingDaysBetween(shanghai('2026-03-06 17:30'), shanghai('2026-03-09 09:00'))).toBe(1);
    expect(calendar.workingDaysBetween(shanghai('2026-03-09 09:00'), shanghai('2026-03-06 17:30'))).toBe(-1);
    expect(calendar.workingDaysBetween(shanghai('2026-03-09 09:00'), shanghai('2026-03-09 18:00'))).toBe(0);
  });
});

describe('addWorkingHours and working time', () => {
  it('lunch-break arithmetic', () => {
    expect(addHours('2026-03-04 11:30', 1)).toBe('2026-03-04 14:00');
    expect(addHours('2026-03-04 11:00', 1)).toBe('2026-03-04 12:00'); // ends on the close of the morning
    expect(addHours('2026-03-04 12:15', 1)).toBe('2026-03-04 14:30'); // starts after lunch
    expect(addHours('2026-03-04 11:45', 0.25)).toBe('2026-03-04 12:00');
    expect(local(calendar.addWorkingMinutes(shanghai('2026-03-04 11:50'), 20))).toBe('2026-03-04 13:40');
    expect(calendar.workingTimeBetween(shanghai('2026-03-04 11:30'), shanghai('2026-03-04 14:00'))).toBe(HOUR);
  });

  it('skips nights, weekends and holidays', () => {
    expect(addHours('2026-03-04 17:00', 1)).toBe('2026-03-05 09:00');
    expect(addHours('2026-03-06 17:00', 1)).toBe('2026-03-09 09:00');
    expect(addHours('2026-09-30 19:00', 4)).toBe('2026-10-08 14:00');
    expect(addHours('2026-09-30 19:00', 7.5)).toBe('2026-10-08 17:30');
    expect(addHours('2026-09-30 19:00', 8)).toBe('2026-10-09 09:00');
  });

  it('starts on a make-up Saturday like on any working day', () => {
    expect(addHours('2026-02-14 10:00', 2)).toBe('2026-02-14 12:00');
    expect(addHours('2025-02-08 16:00', 4)).toBe('2025-02-10 11:00'); // Sunday Feb 9 is off
    expect(addHours('2026-02-28 07:00', 7.5)).toBe('2026-02-28 17:30');
  });

  it('adds whole days of office time in one step, across years', () => {
    const start = shanghai('2025-03-03 08:30');
    const end = calendar.addWorkingHours(start, 1000 * 7.5);
    expect(calendar.workingTimeBetween(start, end)).toBe(1000 * 7.5 * HOUR);
    expect(local(end)).toMatch(/ 17:30$/);
  });

  it('zero hours is the next working instant; fractions round to the millisecond', () => {
    expect(addHours('2026-03-04 12:00', 0)).toBe('2026-03-04 13:30');
    expect(addHours('2026-03-04 10:00', 0)).toBe('2026-03-04 10:00');
    expect(calendar.addWorkingHours(shanghai('2026-03-04 10:00'), 1 / 3).toISOString()).toBe('2026-03-04T02:20:00.000Z');
  });

  it('working time is signed and zero outside office hours', () => {
    const a = shanghai('2026-03-04 09:00');
    const b = shanghai('2026-03-05 09:00');
    expect(calendar.workingTimeBetween(a, b)).toBe(7.5 * HOUR);
    expect(calendar.workingTimeBetween(b, a)).toBe(-7.5 * HOUR);
    expect(calendar.workingTimeBetween(a, a)).toBe(0);
    expect(calendar.workingTimeBetween(shanghai('2026-03-04 12:00'), shanghai('2026-03-04 13:30'))).toBe(0);
    expect(calendar.workingTimeBetween(shanghai('2026-10-01 00:00'), shanghai('2026-10-08 00:00'))).toBe(0);
  });
});

describe('time-of-submission facts for routing', () => {
  it('isWorkingTime, isInOfficeHours, isWorkingDay and isHoliday', () => {
    const cases: [string, boolean, boolean, boolean, boolean][] = [
      // wall time,          working time, office hours, working day, holiday
      ['2026-03-04 10:00', true, true, true, false],
      ['2026-03-04 12:30', false, false, true, false],
      ['2026-03-04 08:29', false, false, true, false],
      ['2026-03-04 08:30', true, true, true, false],
      ['2026-03-04 17:30', false, false, true, false],
      ['2026-03-07 10:00', false, true, false, false], // Saturday: office hours of the clock, but closed
      ['2026-10-02 10:00', false, true, false, true],
      ['2026-10-10 10:00', true, true, true, false], // make-up Saturday
    ];
    for (const [wall, working, office, workingDay, holiday] of cases) {
      const t = shanghai(wall);
      expect([calendar.isWorkingTime(t), calendar.isInOfficeHours(t), calendar.isWorkingDay(t), calendar.isHoliday(t)], wall).toEqual([
        working,
        office,
        workingDay,
        holiday,
      ]);
    }
  });

  it('nextWorkingInstant', () => {
    const next = (wall: string): string => local(calendar.nextWorkingInstant(shanghai(wall)));
    expect(next('2026-03-04 10:00')).toBe('2026-03-04 10:00');
    expect(next('2026-03-04 12:00')).toBe('2026-03-04 13:30');
    expect(next('2026-03-04 17:30')).toBe('2026-03-05 08:30');
    expect(next('2026-09-30 19:00')).toBe('2026-10-08 08:30');
    expect(next('2026-02-13 18:00')).toBe('2026-02-14 08:30');
    const t = shanghai('2026-03-04 10:00');
    expect(calendar.nextWorkingInstant(t)).toBe(t);
  });

  it('local dates are read in the calendar zone', () => {
    expect(calendar.localDate(new Date('2025-12-31T16:30:00Z'))).toBe('2026-01-01');
    expect(calendar.isHoliday(new Date('2025-12-31T16:30:00Z'))).toBe(true);
    expect(calendar.describeDay('2026-01-04')).toEqual({ date: '2026-01-04', weekday: 7, kind: 'make_up_workday', working: true, name: '元旦调休' });
    expect(calendar.describeDay('2026-03-04')).toEqual({ date: '2026-03-04', weekday: 3, kind: 'workday', working: true });
  });
});

describe('invalid input', () => {
  const problem = (fn: () => unknown): string => {
    try {
      fn();
    } catch (error) {
      if (isKechuangError(error, 'VALIDATION_FAILED')) return error.message;
      throw error;
    }
    throw new Error('expected VALIDATION_FAILED');
  };
  const t = shanghai('2026-03-04 10:00');

  it('rejects bad counts, durations, dates and out-of-range instants with VALIDATION_FAILED', () => {
    expect(problem(() => calendar.addWorkingDays(t, -1))).toMatch(/whole number/);
    expect(problem(() => calendar.addWorkingDays(t, 1.5))).toMatch(/whole number/);
    expect(problem(() => calendar.addWorkingHours(t, -2))).toMatch(/≥ 0/);
    expect(problem(() => calendar.addWorkingHours(t, Number.NaN))).toMatch(/finite/);
    expect(problem(() => calendar.addWorkingDays(new Date('nope'), 1))).toMatch(/valid Date/);
    expect(problem(() => calendar.isWorkingDay('2026-02-30'))).toMatch(/not a date/);
    expect(problem(() => calendar.addWorkingDays(new Date('2300-01-01T00:00Z'), 1))).toMatch(/1971–2199/);
    expect(problem(() => calendar.addWorkingDays(t, 1_000_000))).toMatch(/outside the years/);
    expect(problem(() => calendar.addWorkingHours(t, 1e9))).toMatch(/outside the years/);
  });
});
