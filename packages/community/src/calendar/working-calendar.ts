import { KechuangError } from '../errors/kechuang-error.js';
import { HOUR_MS, MINUTE_MS, formatDayNumber, isoWeekday, parseIsoDate } from './civil-date.js';
import { CalendarIndex, KIND_HOLIDAY, KIND_NAMES, isWorkingKind, outOfRange, type YearIndex } from './calendar-index.js';
import type { CalendarConfig, CalendarConfigInput } from './calendar-schema.js';
import { resolveCalendar, type DayKind } from './resolve-calendar.js';

/** A local calendar date `YYYY-MM-DD` in the calendar's zone, or an instant whose local date is meant. */
export type CalendarDayInput = Date | string;

/** What the calendar says about one local date. */
export interface CalendarDay {
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `workday`, `weekend`, `holiday` or `make_up_workday` (调休). */
  kind: DayKind;
  /** Whether the office works that day (an ordinary or a make-up workday). */
  working: boolean;
  /** The holiday's or make-up day's name, e.g. `国庆节` or `春节调休`. */
  name?: string;
}

/**
 * A working calendar: deadlines in working days and working hours, and working time between
 * instants, in the calendar's own time zone whatever the zone of the process.
 *
 * Every method is a few array reads on indexes built once per year (see calendar-index.ts):
 * nothing walks day by day, nothing calls Intl after a year is indexed. Instants must lie in
 * 1971–2199; anything else, or a NaN date, throws VALIDATION_FAILED.
 */
export interface WorkingCalendar {
  /** The IANA zone local dates and office hours are read in. */
  readonly timeZone: string;
  /** The validated config, defaults filled in. */
  readonly config: CalendarConfig;
  /** Years with holidays or make-up days listed; a deadline in another year knows only weekends. */
  readonly scheduledYears: readonly number[];
  /**
   * N working days from `t` (DOMAIN.md): the end of office hours of the n-th working day after
   * t's local date. t's own day never counts, whatever its time. `n` is a whole number ≥ 0;
   * 0 means "by close of business": the end of t's day if it is a working day and t is before
   * its close, else the end of the next working day.
   */
  addWorkingDays(t: Date, n: number): Date;
  /**
   * A duration of office time: starts at t if t is in working time, else at the next working
   * instant, and skips lunch breaks, nights and days off. Fractional hours are fine (0.25 = 15
   * minutes); the result is rounded to the millisecond. An end that falls exactly on the close
   * of an interval stays there (11:00 + 1 h = 12:00, not 13:30).
   */
  addWorkingHours(t: Date, hours: number): Date;
  /** {@link addWorkingHours} in minutes. */
  addWorkingMinutes(t: Date, minutes: number): Date;
  /** {@link addWorkingHours} in milliseconds — the unit of {@link workingTimeBetween}. */
  addWorkingTime(t: Date, milliseconds: number): Date;
  /**
   * Milliseconds of working time in [a, b). Signed: when b is before a, minus the time in
   * [b, a), so `workingTimeBetween(deadline, now) > 0` reads "overdue by that much".
   * `workingTimeBetween(t, addWorkingTime(t, x)) === x` for every t and x ≥ 0.
   */
  workingTimeBetween(a: Date, b: Date): number;
  /**
   * Working days after a's local date up to and including b's; signed like
   * {@link workingTimeBetween}. `workingDaysBetween(t, addWorkingDays(t, n)) === n` for n ≥ 1,
   * and `workingDaysBetween(deadline, now)` is "overdue by N working days".
   */
  workingDaysBetween(a: Date, b: Date): number;
  /** Whether the office is open at t: a working day, inside an office-hours interval. */
  isWorkingTime(t: Date): boolean;
  /**
   * Whether t's local time of day is inside an office-hours interval, whatever the day — e.g.
   * false at lunch or at night, true at 10:00 on a Sunday. Combine with
   * {@link isWorkingDay} (or use {@link isWorkingTime}) for "the office is open".
   */
  isInOfficeHours(t: Date): boolean;
  /** Whether a local date (or an instant's local date) is an ordinary or make-up workday. */
  isWorkingDay(day: CalendarDayInput): boolean;
  /** Whether a local date is a listed holiday (not merely a weekend); make-up days are not. */
  isHoliday(day: CalendarDayInput): boolean;
  /** t itself when the office is open at t, else the start of the next office interval. */
  nextWorkingInstant(t: Date): Date;
  /** The kind and name of a local date. */
  describeDay(day: CalendarDayInput): CalendarDay;
  /** t's local date in the calendar's zone, `YYYY-MM-DD`. */
  localDate(t: Date): string;
}

/**
 * Builds a working calendar from config (see `calendarConfigSchema`); `{}` or no argument is
 * the demo calendar. Throws one VALIDATION_FAILED listing every problem of an invalid config.
 *
 * @example
 * ```ts
 * const calendar = createWorkingCalendar(); // mainland schedules, Asia/Shanghai, 08:30–12:00, 13:30–17:30
 * calendar.addWorkingDays(new Date('2026-09-30T16:00+08:00'), 3);
 * // → 2026-10-10T09:30:00.000Z (Sat Oct 10, a make-up workday, 17:30 in Shanghai)
 * calendar.addWorkingHours(new Date('2025-10-10T16:00+08:00'), 4);
 * // → 2025-10-11T03:00:00.000Z (11:00 on the make-up Saturday)
 * ```
 */
export function createWorkingCalendar(config: CalendarConfigInput = {}): WorkingCalendar {
  return new IndexedWorkingCalendar(new CalendarIndex(resolveCalendar(config)));
}

class IndexedWorkingCalendar implements WorkingCalendar {
  readonly timeZone: string;
  readonly config: CalendarConfig;
  readonly scheduledYears: readonly number[];
  private readonly index: CalendarIndex;
  private readonly stride: number;

  constructor(index: CalendarIndex) {
    this.index = index;
    this.stride = index.stride;
    this.timeZone = index.calendar.timeZone;
    this.config = index.calendar.config;
    this.scheduledYears = index.calendar.scheduledYears;
  }

  addWorkingDays(t: Date, n: number): Date {
    const ms = instant(t, 't');
    if (!Number.isInteger(n) || n < 0) throw invalidInput('n', `A number of working days is a whole number ≥ 0 (got ${n})`);
    const index = this.index;
    const day = index.dayOf(ms);
    // n working days take at least n calendar days: fail before indexing centuries in vain.
    if (day + n > index.lastDay) throw outOfRange(`${n} working days after ${formatDayNumber(day)}`);
    let year = index.forDay(day);
    const i = day - year.first;
    if (n === 0) {
      const close = this.closeOf(year, i);
      if (isWorkingKind(year.kinds[i]) && ms < close) return new Date(close);
      n = 1;
    }
    // The rank (1-based, within `year`) of the working day sought; past the year's total it
    // continues in the next year.
    let rank = year.cumDays[i + 1]! + n;
    while (rank > year.cumDays[year.length]!) {
      rank -= year.cumDays[year.length]!;
      year = index.following(year);
    }
    return new Date(this.closeOf(year, year.nth[rank - 1]!));
  }

  addWorkingHours(t: Date, hours: number): Date {
    return this.addWorkingTime(t, Math.round(finite(hours, 'hours') * HOUR_MS));
  }

  addWorkingMinutes(t: Date, minutes: number): Date {
    return this.addWorkingTime(t, Math.round(finite(minutes, 'minutes') * MINUTE_MS));
  }

  addWorkingTime(t: Date, milliseconds: number): Date {
    const ms = instant(t, 't');
    if (!Number.isFinite(milliseconds) || milliseconds < 0) {
      throw invalidInput('milliseconds', `A duration of working time is ≥ 0 (got ${milliseconds})`);
    }
    // Whole milliseconds keep the sums exact; a zero duration is just "when the clock starts".
    const duration = Math.round(milliseconds);
    if (duration === 0) return this.nextWorkingInstant(t);
    const index = this.index;
    const day = index.dayOf(ms);
    // No day holds more than 25 hours of office time: fail before indexing centuries in vain.
    if (duration > (index.lastDay - day + 1) * 25 * HOUR_MS) throw outOfRange(`${duration} ms of working time after ${formatDayNumber(day)}`);
    let year = index.forDay(day);
    // The target as office milliseconds since the start of `year`.
    let target = this.positionIn(year, day - year.first, ms) + duration;
    while (target > year.cumOffice[year.length]!) {
      target -= year.cumOffice[year.length]!;
      year = index.following(year);
    }
    // The first day whose office time reaches the target (days off add nothing, so never them).
    const cumOffice = year.cumOffice;
    let low = 0;
    let high = year.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumOffice[mid + 1]! >= target) high = mid;
      else low = mid + 1;
    }
    let rest = target - cumOffice[low]!;
    const bounds = year.bounds;
    const base = low * this.stride;
    for (let q = base; q < base + this.stride; q += 2) {
      const length = bounds[q + 1]! - bounds[q]!;
      if (rest <= length) return new Date(bounds[q]! + rest);
      rest -= length;
    }
    // Unreachable: cumOffice[low + 1] >= target means the day holds the rest.
    return new Date(bounds[base + this.stride - 1]!);
  }

  workingTimeBetween(a: Date, b: Date): number {
    const from = instant(a, 'a');
    const to = instant(b, 'b');
    if (to < from) return -this.officeBetween(to, from);
    return this.officeBetween(from, to);
  }

  workingDaysBetween(a: Date, b: Date): number {
    const index = this.index;
    const from = index.dayOf(instant(a, 'a'));
    const to = index.dayOf(instant(b, 'b'));
    if (to < from) return -this.workingDaysAfter(to, from);
    return this.workingDaysAfter(from, to);
  }

  isWorkingTime(t: Date): boolean {
    const ms = instant(t, 't');
    const index = this.index;
    const day = index.dayOf(ms);
    const year = index.forDay(day);
    const i = day - year.first;
    return isWorkingKind(year.kinds[i]) && this.insideInterval(year, i, ms);
  }

  isInOfficeHours(t: Date): boolean {
    const ms = instant(t, 't');
    const index = this.index;
    const day = index.dayOf(ms);
    const year = index.forDay(day);
    return this.insideInterval(year, day - year.first, ms);
  }

  isWorkingDay(day: CalendarDayInput): boolean {
    const number = this.dayNumberOf(day);
    const year = this.index.forDay(number);
    return isWorkingKind(year.kinds[number - year.first]);
  }

  isHoliday(day: CalendarDayInput): boolean {
    const number = this.dayNumberOf(day);
    const year = this.index.forDay(number);
    return year.kinds[number - year.first] === KIND_HOLIDAY;
  }

  nextWorkingInstant(t: Date): Date {
    const ms = instant(t, 't');
    const index = this.index;
    const day = index.dayOf(ms);
    let year = index.forDay(day);
    const i = day - year.first;
    if (isWorkingKind(year.kinds[i])) {
      const bounds = year.bounds;
      for (let q = i * this.stride; q < (i + 1) * this.stride; q += 2) {
        if (ms < bounds[q + 1]!) return ms >= bounds[q]! ? t : new Date(bounds[q]!);
      }
    }
    let rank = year.cumDays[i + 1]! + 1;
    while (rank > year.cumDays[year.length]!) {
      rank -= year.cumDays[year.length]!;
      year = index.following(year);
    }
    return new Date(year.bounds[year.nth[rank - 1]! * this.stride]!);
  }

  describeDay(day: CalendarDayInput): CalendarDay {
    const number = this.dayNumberOf(day);
    const year = this.index.forDay(number);
    const code = year.kinds[number - year.first]!;
    const kind = KIND_NAMES[code]!;
    const described: CalendarDay = { date: formatDayNumber(number), weekday: isoWeekday(number), kind, working: isWorkingKind(code) };
    const calendar = this.index.calendar;
    const name = kind === 'holiday' ? calendar.holidays.get(number) : kind === 'make_up_workday' ? calendar.workdays.get(number) : undefined;
    if (name !== undefined) described.name = name;
    return described;
  }

  localDate(t: Date): string {
    return formatDayNumber(this.index.dayOf(instant(t, 't')));
  }

  // ---- helpers --------------------------------------------------------------------------

  /** The end of office hours of day i (its last interval's end). */
  private closeOf(year: YearIndex, i: number): number {
    return year.bounds[(i + 1) * this.stride - 1]!;
  }

  private insideInterval(year: YearIndex, i: number, ms: number): boolean {
    const bounds = year.bounds;
    for (let q = i * this.stride; q < (i + 1) * this.stride; q += 2) {
      if (ms < bounds[q]!) return false;
      if (ms < bounds[q + 1]!) return true;
    }
    return false;
  }

  /** Office milliseconds from the start of `year` up to the instant ms on day i. */
  private positionIn(year: YearIndex, i: number, ms: number): number {
    let position = year.cumOffice[i]!;
    if (!isWorkingKind(year.kinds[i])) return position;
    const bounds = year.bounds;
    for (let q = i * this.stride; q < (i + 1) * this.stride; q += 2) {
      if (ms <= bounds[q]!) break;
      position += Math.min(ms, bounds[q + 1]!) - bounds[q]!;
    }
    return position;
  }

  /** Office milliseconds in [from, to), from ≤ to. */
  private officeBetween(from: number, to: number): number {
    const index = this.index;
    const fromDay = index.dayOf(from);
    const toDay = index.dayOf(to);
    let year = index.forDay(fromDay);
    let total = -this.positionIn(year, fromDay - year.first, from);
    while (toDay >= year.first + year.length) {
      total += year.cumOffice[year.length]!;
      year = index.following(year);
    }
    return total + this.positionIn(year, toDay - year.first, to);
  }

  /** Working days in (fromDay, toDay], fromDay ≤ toDay. */
  private workingDaysAfter(fromDay: number, toDay: number): number {
    const index = this.index;
    let year = index.forDay(fromDay);
    let total = -year.cumDays[fromDay - year.first + 1]!;
    while (toDay >= year.first + year.length) {
      total += year.cumDays[year.length]!;
      year = index.following(year);
    }
    return total + year.cumDays[toDay - year.first + 1]!;
  }

  private dayNumberOf(day: CalendarDayInput): number {
    if (typeof day === 'string') {
      const number = parseIsoDate(day);
      if (number === undefined) throw invalidInput('day', `${JSON.stringify(day)} is not a date; write YYYY-MM-DD`);
      return number;
    }
    return this.index.dayOf(instant(day, 'day'));
  }
}

function instant(t: Date, name: string): number {
  // instanceof is the fast path; a Date from another realm (a vm context, an iframe) still has getTime.
  const value: unknown = t;
  let ms = Number.NaN;
  if (value instanceof Date) ms = value.getTime();
  else if (typeof value === 'object' && value !== null && typeof (value as { getTime?: unknown }).getTime === 'function') {
    ms = Number((value as { getTime(): unknown }).getTime());
  }
  if (Number.isNaN(ms)) throw invalidInput(name, `Expected a valid Date (got ${String(t)})`);
  return ms;
}

function finite(value: number, name: string): number {
  if (!Number.isFinite(value)) throw invalidInput(name, `Expected a finite number (got ${value})`);
  return value;
}

function invalidInput(path: string, message: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `Invalid working-calendar input: ${path}: ${message}.`, {
    issues: [{ path: [path], message, code: 'invalid_argument' }],
  });
}
