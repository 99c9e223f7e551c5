import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isKechuangError, type KechuangError } from '../errors/kechuang-error.js';
import { calendarConfigSchema, type CalendarConfigInput } from './calendar-schema.js';
import { createWorkingCalendar } from './working-calendar.js';
import { local, shanghai } from './__fixtures__/local-time.js';

/**
 * A 2027 schedule as an office would add it from config the week the State Council publishes
 * it. The dates are a made-up example, not the official 2027 notice.
 */
const HYPOTHETICAL_2027: Pick<CalendarConfigInput, 'holidays' | 'workdays'> = {
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { from: '2027-02-06', to: '2027-02-13', name: '春节' },
  ],
  workdays: [{ date: '2027-02-20', name: '春节调休' }],
};

describe('a custom office calendar from config', () => {
  const office = createWorkingCalendar({
    officeHours: ['09:00-12:00', '14:00-18:00'],
    holidays: [{ date: '2026-03-16', name: '街道运动会' }, ...(HYPOTHETICAL_2027.holidays ?? [])],
    workdays: [{ date: '2026-03-21', name: '补班' }, ...(HYPOTHETICAL_2027.workdays ?? [])],
  });
  const addDays = (wall: string, n: number): string => local(office.addWorkingDays(shanghai(wall), n));

  it('uses its own office hours', () => {
    expect(local(office.addWorkingHours(shanghai('2026-03-04 11:30'), 1))).toBe('2026-03-04 14:30');
    expect(addDays('2026-03-04 10:00', 1)).toBe('2026-03-05 18:00');
    expect(office.isWorkingTime(shanghai('2026-03-04 08:45'))).toBe(false);
    expect(office.workingTimeBetween(shanghai('2026-03-04 00:00'), shanghai('2026-03-05 00:00'))).toBe(7 * 3_600_000);
  });

  it('rests on its local holiday and works its extra make-up day', () => {
    expect(office.describeDay('2026-03-16')).toMatchObject({ kind: 'holiday', name: '街道运动会' });
    expect(addDays('2026-03-13 10:00', 1)).toBe('2026-03-17 18:00');
    expect(office.describeDay('2026-03-21')).toMatchObject({ kind: 'make_up_workday', name: '补班' });
    expect(addDays('2026-03-20 10:00', 1)).toBe('2026-03-21 18:00');
  });

  it('keeps the inherited mainland schedule', () => {
    expect(addDays('2026-09-30 16:00', 3)).toBe('2026-10-10 18:00');
  });

  it('knows a 2027 schedule added as data', () => {
    expect(office.scheduledYears).toEqual([2025, 2026, 2027]);
    expect(addDays('2026-12-31 10:00', 1)).toBe('2027-01-04 18:00');
    expect(addDays('2027-02-05 10:00', 1)).toBe('2027-02-15 18:00');
    expect(addDays('2027-02-19 10:00', 1)).toBe('2027-02-20 18:00');
    // Without the data, 2027 knows only weekends.
    expect(local(createWorkingCalendar().addWorkingDays(shanghai('2027-02-05 10:00'), 1))).toBe('2027-02-08 17:30');
  });

  it("overrides the preset on a date: the office's own lists win", () => {
    const dutyRoster = createWorkingCalendar({ workdays: ['2026-10-07'], holidays: [{ date: '2026-10-10', name: '街道调整' }] });
    expect(dutyRoster.describeDay('2026-10-07')).toMatchObject({ kind: 'make_up_workday', working: true });
    expect(dutyRoster.describeDay('2026-10-10')).toMatchObject({ kind: 'holiday', name: '街道调整' });
    expect(local(dutyRoster.addWorkingDays(shanghai('2026-09-30 19:00'), 1))).toBe('2026-10-07 17:30');
    expect(local(dutyRoster.addWorkingDays(shanghai('2026-09-30 19:00'), 4))).toBe('2026-10-12 17:30');
  });

  it('extends none: weekends and its own lists only; a six-day week', () => {
    const plain = createWorkingCalendar({ extends: 'none' });
    expect(plain.isWorkingDay('2026-10-01')).toBe(true);
    expect(plain.scheduledYears).toEqual([]);
    const sixDays = createWorkingCalendar({ weekend: [7] });
    expect(sixDays.isWorkingDay('2026-03-07')).toBe(true);
    expect(local(sixDays.addWorkingDays(shanghai('2026-03-06 10:00'), 1))).toBe('2026-03-07 17:30');
  });

  it('accepts touching intervals and an office open until midnight', () => {
    const late = createWorkingCalendar({ officeHours: ['08:00-12:00', '12:00-16:00', '18:00-24:00'] });
    expect(local(late.addWorkingHours(shanghai('2026-03-04 11:00'), 2))).toBe('2026-03-04 13:00');
    expect(local(late.addWorkingDays(shanghai('2026-03-04 11:00'), 1))).toBe('2026-03-06 00:00');
    expect(late.isWorkingTime(shanghai('2026-03-04 23:59'))).toBe(true);
  });
});

describe('calendar config validation', () => {
  const failure = (input: unknown): KechuangError => {
    try {
      createWorkingCalendar(input as CalendarConfigInput);
    } catch (error) {
      if (isKechuangError(error, 'VALIDATION_FAILED')) return error;
      throw error;
    }
    throw new Error('expected VALIDATION_FAILED');
  };

  it('fills in the demo defaults', () => {
    expect(calendarConfigSchema.parse({})).toEqual({
      extends: 'cn-mainland',
      timeZone: 'Asia/Shanghai',
      officeHours: ['08:30-12:00', '13:30-17:30'],
      weekend: [6, 7],
      holidays: [],
      workdays: [],
    });
    expect(createWorkingCalendar().config.timeZone).toBe('Asia/Shanghai');
  });

  it('reports every problem of an invalid calendar in one error, each with its path', () => {
    const error = failure({
      extends: 'cn',
      timeZone: 'Asia/Beijing',
      officeHours: ['13:30-17:30', '08:30-12:00', '11:00-11:30', '25:00-26:00', '18:00-17:00'],
      weekend: [0, 6, 6],
      holidays: ['2026-02-30', { date: '2026-13-01' }, { from: '2026-10-07', to: '2026-10-01' }, { date: '2026-10-01', nam: 'x' }, 5, '2300-01-01'],
      workdays: [{ from: '2026-01-01', to: '2027-06-01' }],
      colour: 'red',
    });
    const paths = error.details.issues?.map((issue) => issue.path.join('.'));
    expect(paths).toEqual([
      'extends',
      'timeZone',
      'officeHours.1',
      'officeHours.2',
      'officeHours.3',
      'officeHours.4',
      'weekend.0',
      'weekend.2',
      'holidays.0',
      'holidays.1.date',
      'holidays.2.to',
      'holidays.3',
      'holidays.4',
      'holidays.5',
      'workdays.0.to',
      '',
    ]);
    expect(error.message).toMatch(/^Invalid working calendar: /);
    expect(error.message).toContain('Unknown time zone');
    expect(error.message).toContain('write 7 for Sunday');
    expect(error.message).toContain('outside the supported years');
  });

  it('refuses a date that is both a holiday and a make-up workday in one config', () => {
    const error = failure({ holidays: [{ from: '2026-03-16', to: '2026-03-18' }], workdays: ['2026-03-21', '2026-03-17'] });
    expect(error.details.issues).toEqual([expect.objectContaining({ path: ['workdays', 1], code: 'holiday_workday_clash' })]);
  });

  it('rejects overlapping office hours and an empty list', () => {
    expect(failure({ officeHours: ['08:30-12:00', '11:30-17:30'] }).message).toContain('overlaps 08:30-12:00');
    expect(failure({ officeHours: [] }).details.issues?.[0]?.path).toEqual(['officeHours']);
    expect(failure({ weekend: [1, 2, 3, 4, 5, 6, 7] }).message).toContain('At least one day of the week must be a working day');
  });

  it('is plain data: a JSON Schema can describe it and a parsed config parses again unchanged', () => {
    expect(() => z.toJSONSchema(calendarConfigSchema, { io: 'input', target: 'draft-07' })).not.toThrow();
    const parsed = calendarConfigSchema.parse({ ...HYPOTHETICAL_2027, officeHours: ['09:00 - 12:00'] });
    expect(calendarConfigSchema.parse(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
  });
});
