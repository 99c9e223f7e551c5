import { parseInput } from '../errors/validation.js';
import {
  calendarConfigSchema,
  entryName,
  expandEntry,
  parseOfficeInterval,
  type CalendarConfig,
  type CalendarDayEntry,
  type CalendarPresetName,
  type CalendarSchedule,
} from './calendar-schema.js';
import { isoWeekday, yearOfDayNumber } from './civil-date.js';
import { mainlandChina } from './mainland-china.js';

/**
 * A calendar config after validation and merging: the preset's schedule with the office's
 * lists laid over it, office hours in minutes, dates as day numbers. Both the indexed calendar
 * and the day-by-day reference read this one form, so they cannot disagree about the data.
 */

/** What kind of day a date is. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'make_up_workday';

/**
 * The built-in schedules `extends` may name, by name.
 *
 * @example
 * ```ts
 * calendarPresets['cn-mainland'].workdays.length; // 11
 * ```
 */
export const calendarPresets: Readonly<Record<CalendarPresetName, CalendarSchedule>> = Object.freeze({
  'cn-mainland': mainlandChina,
  none: Object.freeze({ holidays: [], workdays: [] }),
});

/** One office-hours interval in minutes since local midnight, `start < end`. */
export interface OfficeInterval {
  readonly start: number;
  readonly end: number;
}

/** A validated, merged calendar. */
export interface ResolvedCalendar {
  /** The config as validated (defaults filled in), for display and storage. */
  readonly config: CalendarConfig;
  readonly timeZone: string;
  /** Office hours of every working day, sorted, non-overlapping. */
  readonly intervals: readonly OfficeInterval[];
  /** Indexed by ISO weekday 1–7 (index 0 unused). */
  readonly weekend: readonly boolean[];
  /** Holidays by day number, with their names. */
  readonly holidays: ReadonlyMap<number, string | undefined>;
  /** Make-up workdays by day number, with their names. */
  readonly workdays: ReadonlyMap<number, string | undefined>;
  /** The years with at least one holiday or make-up workday listed, ascending. */
  readonly scheduledYears: readonly number[];
}

/**
 * Validates a calendar config (throwing one VALIDATION_FAILED listing every problem with its
 * path) and merges it onto its preset.
 *
 * @example
 * ```ts
 * const resolved = resolveCalendar({ holidays: [{ date: '2026-03-16', name: '街道运动会' }] });
 * resolved.holidays.size; // the mainland holidays plus one
 * ```
 */
export function resolveCalendar(input: unknown): ResolvedCalendar {
  const config = parseInput(calendarConfigSchema, input ?? {}, 'working calendar');
  const preset = calendarPresets[config.extends];

  const holidays = new Map<number, string | undefined>();
  const workdays = new Map<number, string | undefined>();
  addEntries(holidays, preset.holidays);
  addEntries(workdays, preset.workdays);
  // The office's own entries override the preset's on the same date (see calendar-schema.ts).
  const ownHolidays = new Map<number, string | undefined>();
  const ownWorkdays = new Map<number, string | undefined>();
  addEntries(ownHolidays, config.holidays);
  addEntries(ownWorkdays, config.workdays);
  for (const [day, name] of ownHolidays) {
    workdays.delete(day);
    holidays.set(day, name ?? holidays.get(day));
  }
  for (const [day, name] of ownWorkdays) {
    holidays.delete(day);
    workdays.set(day, name ?? workdays.get(day));
  }

  const intervals = config.officeHours.map((text) => {
    const parsed = parseOfficeInterval(text);
    // The schema already rejected anything else; this keeps the types honest.
    if (typeof parsed === 'string') throw new Error(parsed);
    return Object.freeze(parsed);
  });

  const weekend = Array.from({ length: 8 }, (_, weekday) => config.weekend.includes(weekday));
  const years = new Set<number>();
  for (const day of [...holidays.keys(), ...workdays.keys()]) years.add(yearOfDayNumber(day));

  return Object.freeze({
    config,
    timeZone: config.timeZone,
    intervals: Object.freeze(intervals),
    weekend: Object.freeze(weekend),
    holidays,
    workdays,
    scheduledYears: Object.freeze([...years].sort((a, b) => a - b)),
  });
}

/**
 * The kind of a day: a listed make-up workday, a listed holiday, a weekend day, or an
 * ordinary workday — in that order of precedence.
 */
export function dayKindOf(calendar: ResolvedCalendar, day: number): DayKind {
  if (calendar.workdays.has(day)) return 'make_up_workday';
  if (calendar.holidays.has(day)) return 'holiday';
  return calendar.weekend[isoWeekday(day)] === true ? 'weekend' : 'workday';
}

function addEntries(into: Map<number, string | undefined>, entries: readonly CalendarDayEntry[]): void {
  for (const entry of entries) {
    const name = entryName(entry);
    // A later entry for the same date keeps the earlier name unless it brings its own.
    for (const day of expandEntry(entry)) into.set(day, name ?? into.get(day));
  }
}
