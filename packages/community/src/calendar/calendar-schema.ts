import { z } from 'zod';
import { FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, parseIsoDate, yearOfDayNumber } from './civil-date.js';
import { isValidTimeZone } from './zone-offset.js';

/**
 * A working calendar as data: the office's time zone, office hours, weekend, holidays and
 * make-up workdays (调休上班). It is plain JSON/YAML, so a new year's schedule is a config
 * change, never a release:
 *
 * ```yaml
 * calendar:
 *   extends: cn-mainland          # the official mainland schedules shipped with the SDK (default)
 *   timeZone: Asia/Shanghai
 *   officeHours: ['08:30-12:00', '13:30-17:30']
 *   weekend: [6, 7]               # ISO weekdays: 1 = Monday … 7 = Sunday
 *   holidays:                     # merged onto the preset's
 *     - { from: '2027-02-06', to: '2027-02-13', name: 春节 }
 *     - { date: '2027-03-16', name: 街道运动会 }
 *   workdays:                     # make-up workdays, merged onto the preset's
 *     - { date: '2027-02-20', name: 春节调休 }
 * ```
 *
 * The office's own lists win over the preset's: an office `workdays` entry makes an inherited
 * holiday a working day, an office `holidays` entry rests on an inherited make-up day. Within
 * one config a date may not be both.
 *
 * No transforms: the parsed value has the input's shape, so it can be stored, re-parsed and
 * turned into a JSON Schema for editors.
 */

const TIME_RANGE = /^(\d{2}):(\d{2})\s*[-–]\s*(\d{2}):(\d{2})$/;

/**
 * The built-in schedules a calendar can start from (`extends`): `cn-mainland` (the default)
 * is every shipped mainland year; `none` starts from weekends alone.
 *
 * @example
 * ```ts
 * createWorkingCalendar({ extends: 'none', timeZone: 'Europe/Berlin', weekend: [6, 7] });
 * ```
 */
export const calendarPresetNames = ['cn-mainland', 'none'] as const;
/**
 * A built-in schedule name, see {@link calendarPresetNames}.
 *
 * @useDeclaredType
 */
export type CalendarPresetName = (typeof calendarPresetNames)[number];

/** Minutes since local midnight of `HH:MM`, or undefined when it is not a time (24:00 allowed). */
function minutesOf(hours: string, minutes: string): number | undefined {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return undefined;
  return h * 60 + m;
}

/**
 * One office-hours interval `'HH:MM-HH:MM'` as minutes since local midnight, or a reason it is
 * not one.
 *
 * @example
 * ```ts
 * parseOfficeInterval('08:30-12:00'); // { start: 510, end: 720 }
 * ```
 */
export function parseOfficeInterval(text: string): { start: number; end: number } | string {
  const match = TIME_RANGE.exec(text);
  if (match === null) return `Write office hours as HH:MM-HH:MM on a 24-hour clock, e.g. 08:30-12:00 (got ${JSON.stringify(text)})`;
  const start = minutesOf(match[1]!, match[2]!);
  const end = minutesOf(match[3]!, match[4]!);
  if (start === undefined || end === undefined) return `${JSON.stringify(text)} is not a time of day (00:00 to 24:00)`;
  if (start >= end) return `${JSON.stringify(text)} ends before it starts; an interval may not cross midnight`;
  return { start, end };
}

/** A calendar date `YYYY-MM-DD` that exists and lies in the supported years. */
export const calendarDateSchema = z.string().superRefine((value, ctx) => {
  const day = parseIsoDate(value);
  if (day === undefined) {
    ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a date; write YYYY-MM-DD, e.g. 2026-10-01`, params: { code: 'invalid_date' } });
    return;
  }
  const year = yearOfDayNumber(day);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    ctx.addIssue({
      code: 'custom',
      message: `${value} is outside the supported years ${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR}`,
      params: { code: 'date_out_of_range' },
    });
  }
}).describe('A date, YYYY-MM-DD, e.g. 2027-01-01.');

/** Longest date range one entry may span; longer ones are almost always a typo in the year. */
const MAX_RANGE_DAYS = 366;

/**
 * A holiday or make-up workday: one date, or an inclusive range, with an optional name.
 *
 * @example
 * ```ts
 * calendarDayEntrySchema.parse('2027-01-01');
 * calendarDayEntrySchema.parse({ date: '2027-02-20', name: '春节调休' });
 * calendarDayEntrySchema.parse({ from: '2027-02-06', to: '2027-02-13', name: '春节' });
 * ```
 */
export const calendarDayEntrySchema = z.union([
  calendarDateSchema,
  z.strictObject({
    /** The date, `YYYY-MM-DD`. */
    date: calendarDateSchema.describe('The date, YYYY-MM-DD.'),
    /** A name, e.g. 春节调休. */
    name: z.string().trim().min(1).max(100).optional().describe('A name, e.g. 春节调休.'),
  }),
  z
    .strictObject({
      /** The first date, `YYYY-MM-DD`. */
      from: calendarDateSchema.describe('The first date, YYYY-MM-DD.'),
      /** The last date, inclusive; at most 366 days after `from`. */
      to: calendarDateSchema.describe('The last date, inclusive; at most 366 days after from.'),
      /** A name, e.g. 春节. */
      name: z.string().trim().min(1).max(100).optional().describe('A name, e.g. 春节.'),
    })
    .superRefine((range, ctx) => {
      const from = parseIsoDate(range.from);
      const to = parseIsoDate(range.to);
      if (from === undefined || to === undefined) return;
      if (to < from) ctx.addIssue({ code: 'custom', path: ['to'], message: `The range ends (${range.to}) before it starts (${range.from})`, params: { code: 'range_reversed' } });
      else if (to - from >= MAX_RANGE_DAYS) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `A range may span at most ${MAX_RANGE_DAYS} days; check the year`, params: { code: 'range_too_long' } });
      }
    }),
], { error: 'Write a date (YYYY-MM-DD), { date, name } or { from, to, name }' });
/**
 * One holiday or make-up workday entry as written in config: a date, `{ date, name }` or `{ from, to, name }`.
 *
 * @useDeclaredType
 */
export type CalendarDayEntry = z.infer<typeof calendarDayEntrySchema>;

/** Office hours: sorted, non-overlapping `'HH:MM-HH:MM'` intervals of one day (touching is fine). */
export const officeHoursSchema = z
  .array(z.string())
  .min(1, 'Give at least one office-hours interval, e.g. 08:30-12:00')
  .max(12)
  .superRefine((intervals, ctx) => {
    let previous: { start: number; end: number; text: string } | undefined;
    intervals.forEach((text, index) => {
      const parsed = parseOfficeInterval(text);
      if (typeof parsed === 'string') {
        ctx.addIssue({ code: 'custom', path: [index], message: parsed, params: { code: 'invalid_office_hours' } });
        return;
      }
      if (previous !== undefined && parsed.start < previous.end) {
        const message =
          parsed.start < previous.start
            ? `Office hours must be in time order: ${text} comes before ${previous.text}`
            : `${text} overlaps ${previous.text}`;
        ctx.addIssue({ code: 'custom', path: [index], message, params: { code: 'office_hours_overlap' } });
      }
      previous = { ...parsed, text };
    });
  });

/** Weekend days as ISO weekdays, 1 = Monday … 7 = Sunday. */
export const weekendSchema = z
  .array(
    z
      .number()
      .int()
      .min(1, 'Weekdays are ISO numbers 1 (Monday) to 7 (Sunday); write 7 for Sunday')
      .max(7, 'Weekdays are ISO numbers 1 (Monday) to 7 (Sunday)'),
  )
  .max(7)
  .superRefine((days, ctx) => {
    // A refinement rather than max(6), so the JSON Schema editors see stays plain.
    if (new Set(days).size === 7) ctx.addIssue({ code: 'custom', message: 'At least one day of the week must be a working day', params: { code: 'no_working_weekday' } });
    days.forEach((day, index) => {
      if (days.indexOf(day) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `Weekday ${day} is listed twice`, params: { code: 'duplicate_weekday' } });
    });
  });

/** An IANA time zone name the runtime knows, e.g. `Asia/Shanghai`. */
export const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: 'Unknown time zone; use an IANA name such as Asia/Shanghai or Europe/Berlin' });

/**
 * Holidays and make-up workdays without the rest of a calendar: the unit a yearly schedule
 * ships as (see `mainlandChina2026`).
 *
 * @example
 * ```ts
 * const schedule2027 = calendarScheduleSchema.parse({
 *   holidays: [{ from: '2027-02-06', to: '2027-02-13', name: '春节' }],
 *   workdays: [{ date: '2027-02-20', name: '春节调休' }],
 * });
 * createWorkingCalendar({ ...schedule2027 }); // merged onto the mainland preset
 * ```
 */
export const calendarScheduleSchema = z.strictObject({
  /** Holidays, merged onto the preset's; one here makes an inherited make-up workday a rest day. @default [] */
  holidays: z.array(calendarDayEntrySchema).max(2000).default([]).describe("Holidays, merged onto the preset's: a date, { date, name } or { from, to, name }. An entry here makes an inherited make-up workday a rest day."),
  /** Make-up workdays (调休上班), merged onto the preset's; one here makes an inherited holiday a working day. @default [] */
  workdays: z.array(calendarDayEntrySchema).max(2000).default([]).describe("Make-up workdays (调休上班), merged onto the preset's, in the same forms. An entry here makes an inherited holiday a working day."),
});
/**
 * A schedule of holidays and make-up workdays, e.g. one year's State Council notice.
 *
 * @useDeclaredType
 */
export type CalendarSchedule = z.infer<typeof calendarScheduleSchema>;

/**
 * The working calendar config. Every key has a default, so `{}` is the demo calendar: the
 * mainland schedules, Asia/Shanghai, 08:30–12:00 and 13:30–17:30, Saturday and Sunday off.
 *
 * @example
 * ```ts
 * const config = calendarConfigSchema.parse({
 *   officeHours: ['09:00-12:00', '14:00-18:00'],
 *   holidays: [{ date: '2026-03-16', name: '街道运动会' }],
 * });
 * ```
 */
export const calendarConfigSchema = z
  .strictObject({
    /** The built-in schedule the lists below are merged onto. */
    extends: z.enum(calendarPresetNames).default('cn-mainland').describe('The built-in schedule holidays and workdays are merged onto: cn-mainland (the official mainland years shipped) or none (weekends only).'),
    /** The IANA time zone office hours and deadlines are read in. @default 'Asia/Shanghai' */
    timeZone: timeZoneSchema.default('Asia/Shanghai').describe('The IANA time zone office hours and deadlines are read in, e.g. Asia/Shanghai; the server may run in UTC.'),
    /** A working day's office hours: sorted, non-overlapping `HH:MM-HH:MM` intervals. @default ['08:30-12:00', '13:30-17:30'] */
    officeHours: officeHoursSchema.default(['08:30-12:00', '13:30-17:30']).describe("A working day's office hours: sorted, non-overlapping HH:MM-HH:MM intervals on a 24-hour clock."),
    /** Rest days of the week as ISO weekdays, 1 = Monday … 7 = Sunday. @default [6, 7] */
    weekend: weekendSchema.default([6, 7]).describe('Rest days of the week as ISO weekdays, 1 = Monday … 7 = Sunday.'),
    ...calendarScheduleSchema.shape,
  })
  .superRefine((config, ctx) => {
    // A date both rested and worked in one config is a contradiction; across config and preset
    // it is an override (see the module comment), so only the office's own lists are checked.
    const holidays = new Map<number, number>();
    config.holidays.forEach((entry, index) => {
      for (const day of expandEntry(entry)) if (!holidays.has(day)) holidays.set(day, index);
    });
    config.workdays.forEach((entry, index) => {
      for (const day of expandEntry(entry)) {
        const clash = holidays.get(day);
        if (clash === undefined) continue;
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', index],
          message: `This make-up workday is also a holiday (holidays[${clash}]); list each date once`,
          params: { code: 'holiday_workday_clash' },
        });
        break;
      }
    });
  });

/**
 * A calendar config as written (every key optional).
 *
 * @useDeclaredType
 */
export type CalendarConfigInput = z.input<typeof calendarConfigSchema>;
/**
 * A calendar config after validation, defaults filled in.
 *
 * @useDeclaredType
 */
export type CalendarConfig = z.output<typeof calendarConfigSchema>;

/**
 * The day numbers an entry covers (empty for an invalid entry, which the schema reports).
 *
 * @example
 * ```ts
 * expandEntry({ from: '1970-01-02', to: '1970-01-03' }); // [1, 2]
 * ```
 */
export function expandEntry(entry: CalendarDayEntry): number[] {
  if (typeof entry === 'string') {
    const day = parseIsoDate(entry);
    return day === undefined ? [] : [day];
  }
  if ('date' in entry) {
    const day = parseIsoDate(entry.date);
    return day === undefined ? [] : [day];
  }
  const from = parseIsoDate(entry.from);
  const to = parseIsoDate(entry.to);
  if (from === undefined || to === undefined || to < from || to - from >= MAX_RANGE_DAYS) return [];
  const days: number[] = [];
  for (let day = from; day <= to; day++) days.push(day);
  return days;
}

/** The name of an entry, if it has one. */
export function entryName(entry: CalendarDayEntry): string | undefined {
  return typeof entry === 'string' ? undefined : entry.name;
}
