import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './working-calendar.js';
import { local, shanghai } from './__fixtures__/local-time.js';
import { mainlandChina, mainlandChina2025, mainlandChina2026 } from './mainland-china.js';
import type { DayKind } from './resolve-calendar.js';

/**
 * Every 2025 and 2026 holiday boundary (the day before, the first day, the last day, the day
 * after) and every make-up workday, written out by hand from the State Council notices in
 * DOMAIN.md rather than derived from the shipped data — so a typo in the data fails here.
 */

const calendar = createWorkingCalendar();

interface Holiday {
  name: string;
  before: [string, DayKind];
  first: string;
  last: string;
  after: [string, DayKind];
  /** The first working day after the holiday: where "+1 working day" from `before` lands. */
  resume: string;
}

const HOLIDAYS: Holiday[] = [
  // 2025
  { name: '2025 元旦', before: ['2024-12-31', 'workday'], first: '2025-01-01', last: '2025-01-01', after: ['2025-01-02', 'workday'], resume: '2025-01-02' },
  { name: '2025 春节', before: ['2025-01-27', 'workday'], first: '2025-01-28', last: '2025-02-04', after: ['2025-02-05', 'workday'], resume: '2025-02-05' },
  { name: '2025 清明', before: ['2025-04-03', 'workday'], first: '2025-04-04', last: '2025-04-06', after: ['2025-04-07', 'workday'], resume: '2025-04-07' },
  { name: '2025 劳动节', before: ['2025-04-30', 'workday'], first: '2025-05-01', last: '2025-05-05', after: ['2025-05-06', 'workday'], resume: '2025-05-06' },
  { name: '2025 端午', before: ['2025-05-30', 'workday'], first: '2025-05-31', last: '2025-06-02', after: ['2025-06-03', 'workday'], resume: '2025-06-03' },
  { name: '2025 国庆中秋', before: ['2025-09-30', 'workday'], first: '2025-10-01', last: '2025-10-08', after: ['2025-10-09', 'workday'], resume: '2025-10-09' },
  // 2026
  { name: '2026 元旦', before: ['2025-12-31', 'workday'], first: '2026-01-01', last: '2026-01-03', after: ['2026-01-04', 'make_up_workday'], resume: '2026-01-04' },
  { name: '2026 春节', before: ['2026-02-14', 'make_up_workday'], first: '2026-02-15', last: '2026-02-23', after: ['2026-02-24', 'workday'], resume: '2026-02-24' },
  { name: '2026 清明', before: ['2026-04-03', 'workday'], first: '2026-04-04', last: '2026-04-06', after: ['2026-04-07', 'workday'], resume: '2026-04-07' },
  { name: '2026 劳动节', before: ['2026-04-30', 'workday'], first: '2026-05-01', last: '2026-05-05', after: ['2026-05-06', 'workday'], resume: '2026-05-06' },
  { name: '2026 端午', before: ['2026-06-18', 'workday'], first: '2026-06-19', last: '2026-06-21', after: ['2026-06-22', 'workday'], resume: '2026-06-22' },
  { name: '2026 中秋', before: ['2026-09-24', 'workday'], first: '2026-09-25', last: '2026-09-27', after: ['2026-09-28', 'workday'], resume: '2026-09-28' },
  { name: '2026 国庆', before: ['2026-09-30', 'workday'], first: '2026-10-01', last: '2026-10-07', after: ['2026-10-08', 'workday'], resume: '2026-10-08' },
];

/** Every make-up workday (调休上班) of both years, with its weekday (6 = Sat, 7 = Sun). */
const MAKE_UP_DAYS: [string, number][] = [
  ['2025-01-26', 7],
  ['2025-02-08', 6],
  ['2025-04-27', 7],
  ['2025-09-28', 7],
  ['2025-10-11', 6],
  ['2026-01-04', 7],
  ['2026-02-14', 6],
  ['2026-02-28', 6],
  ['2026-05-09', 6],
  ['2026-09-20', 7],
  ['2026-10-10', 6],
];

describe('mainland China 2025 and 2026 holidays', () => {
  it.each(HOLIDAYS)('$name: $first … $last off, working on either side', (holiday) => {
    expect(calendar.describeDay(holiday.before[0]).kind).toBe(holiday.before[1]);
    expect(calendar.isWorkingDay(holiday.before[0])).toBe(true);
    for (const day of [holiday.first, holiday.last]) {
      expect(calendar.describeDay(day)).toMatchObject({ kind: 'holiday', working: false });
      expect(calendar.isHoliday(day)).toBe(true);
    }
    expect(calendar.describeDay(holiday.after[0]).kind).toBe(holiday.after[1]);
    expect(calendar.isWorkingDay(holiday.after[0])).toBe(true);
    expect(calendar.isHoliday(holiday.after[0])).toBe(false);
  });

  it.each(HOLIDAYS)('$name: every day from first to last is off', (holiday) => {
    for (let day = new Date(`${holiday.first}T12:00+08:00`); local(day) <= `${holiday.last} 12:00`; day = new Date(day.getTime() + 86_400_000)) {
      expect(calendar.isWorkingDay(day), local(day)).toBe(false);
    }
  });

  it.each(HOLIDAYS)('$name: +1 working day from the day before lands on $resume', (holiday) => {
    expect(local(calendar.addWorkingDays(shanghai(`${holiday.before[0]} 10:00`), 1))).toBe(`${holiday.resume} 17:30`);
    // The last hour before the holiday, then the first hour after it.
    expect(local(calendar.addWorkingHours(shanghai(`${holiday.before[0]} 16:30`), 2))).toBe(`${holiday.resume} 09:30`);
    expect(calendar.workingDaysBetween(shanghai(`${holiday.before[0]} 10:00`), shanghai(`${holiday.resume} 10:00`))).toBe(1);
  });

  it.each(MAKE_UP_DAYS)('%s is a make-up workday on a weekend day (%i)', (date, weekday) => {
    expect(calendar.describeDay(date)).toMatchObject({ date, weekday, kind: 'make_up_workday', working: true });
    expect(calendar.describeDay(date).name).toMatch(/调休$/);
    expect(calendar.isWorkingTime(shanghai(`${date} 09:00`))).toBe(true);
    expect(calendar.isWorkingTime(shanghai(`${date} 12:30`))).toBe(false);
  });

  it('ordinary weekends next to the holidays stay off', () => {
    for (const date of ['2025-02-09', '2025-10-12', '2026-03-01', '2026-05-10', '2026-10-11', '2026-09-19']) {
      expect(calendar.describeDay(date).kind, date).toBe('weekend');
    }
  });

  it('ships the data as given, names included, and counts the working days of each year', () => {
    expect(mainlandChina2025.workdays).toHaveLength(5);
    expect(mainlandChina2026.workdays).toHaveLength(6);
    expect(mainlandChina.holidays).toHaveLength(mainlandChina2025.holidays.length + mainlandChina2026.holidays.length);
    expect(calendar.describeDay('2026-10-03')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(calendar.describeDay('2025-10-06')).toMatchObject({ kind: 'holiday', name: '国庆节、中秋节' });
    expect(calendar.scheduledYears).toEqual([2025, 2026]);
    const yearStart = (year: number): Date => shanghai(`${year}-01-01 00:00`);
    // (date(a), date(b)]: from Dec 31 to Dec 31 counts exactly the year's working days.
    // 2025: 261 weekdays − 18 holiday weekdays + 5 make-up days; 2026: 261 − 19 + 6.
    expect(calendar.workingDaysBetween(shanghai('2024-12-31 12:00'), shanghai('2025-12-31 12:00'))).toBe(248);
    expect(calendar.workingDaysBetween(shanghai('2025-12-31 12:00'), shanghai('2026-12-31 12:00'))).toBe(248);
    expect(calendar.workingTimeBetween(yearStart(2025), yearStart(2026))).toBe(248 * 7.5 * 3_600_000);
  });

  it('the shared data cannot be mutated by accident', () => {
    expect(Object.isFrozen(mainlandChina2026.holidays)).toBe(true);
    expect(Object.isFrozen(mainlandChina2026.holidays[0])).toBe(true);
    expect(() => (mainlandChina2026.workdays as string[]).push('2026-12-31')).toThrow(TypeError);
  });
});
