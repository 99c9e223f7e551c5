import { KechuangError } from '../errors/kechuang-error.js';
import { DAY_MS, FIRST_SUPPORTED_YEAR, LAST_SUPPORTED_YEAR, MINUTE_MS, dayNumber, formatDayNumber } from './civil-date.js';
import { dayKindOf, type DayKind, type ResolvedCalendar } from './resolve-calendar.js';
import { createZoneConverter, type ZoneConverter } from './zone-offset.js';

/**
 * The per-year indexes behind the working calendar, built lazily the first time an instant
 * of that year is asked about. Each year holds, per local day:
 *
 * - its kind and a cumulative count of working days, plus the position of every working day,
 *   so "the n-th working day after d" is one subtraction and one array read;
 * - its local midnight and office-interval bounds as UTC instants, computed once from the
 *   zone's offsets (the only Intl calls), so queries do plain arithmetic on numbers;
 * - a cumulative count of office milliseconds, so working-time sums and "N hours later"
 *   jump over whole days with a binary search.
 *
 * Per-year arrays keep memory at a few kilobytes per year actually used, and let a count that
 * runs past a year's end continue in the next with the year's totals.
 */

/** Day kinds as stored in the index. */
export const KIND_WORKDAY = 0;
export const KIND_WEEKEND = 1;
export const KIND_HOLIDAY = 2;
export const KIND_MAKE_UP = 3;
export const KIND_NAMES: readonly DayKind[] = ['workday', 'weekend', 'holiday', 'make_up_workday'];

/** One year's indexes; `i` below is the day's index within the year (0 = January 1). */
export interface YearIndex {
  readonly year: number;
  /** Day number of January 1. */
  readonly first: number;
  /** 365 or 366. */
  readonly length: number;
  /** Kind code of day i (KIND_*). */
  readonly kinds: Uint8Array;
  /** cumDays[i] = working days among days 0 … i-1; cumDays[length] = the year's total. */
  readonly cumDays: Int32Array;
  /** nth[k] = the index of the year's (k+1)-th working day. */
  readonly nth: Int32Array;
  /** midnight[i] = the first instant of local day i; midnight[length] = next January 1. */
  readonly midnight: Float64Array;
  /** bounds[i * stride + 2q] / [+ 2q + 1] = start / end instant of interval q on day i. */
  readonly bounds: Float64Array;
  /** cumOffice[i] = office milliseconds on working days 0 … i-1. */
  readonly cumOffice: Float64Array;
}

/** Whether a kind code is a working day. */
export function isWorkingKind(kind: number | undefined): boolean {
  return kind === KIND_WORKDAY || kind === KIND_MAKE_UP;
}

const YEAR_COUNT = LAST_SUPPORTED_YEAR - FIRST_SUPPORTED_YEAR + 1;
/** A module-local copy: when a loader turns imports into getters, the hot path skips them. */
const DAY = DAY_MS;

/** The per-year indexes of one calendar, and the mapping from instants to local days. */
export class CalendarIndex {
  /** Numbers per day in `bounds`: a start and an end per office interval. */
  readonly stride: number;
  readonly calendar: ResolvedCalendar;
  private readonly zone: ZoneConverter;
  private readonly years: (YearIndex | undefined)[] = new Array<YearIndex | undefined>(YEAR_COUNT).fill(undefined);
  /** firstDays[k] = day number of January 1 of year FIRST_SUPPORTED_YEAR + k (one extra at the end). */
  private readonly firstDays = new Int32Array(YEAR_COUNT + 1);
  /** The day number of the last supported day (December 31 of LAST_SUPPORTED_YEAR). */
  readonly lastDay: number;
  /** The year asked about last: consecutive calls nearly always stay in it. */
  private last: YearIndex | undefined;

  constructor(calendar: ResolvedCalendar) {
    this.calendar = calendar;
    this.zone = createZoneConverter(calendar.timeZone);
    this.stride = calendar.intervals.length * 2;
    for (let k = 0; k <= YEAR_COUNT; k++) this.firstDays[k] = dayNumber(FIRST_SUPPORTED_YEAR + k, 1, 1);
    this.lastDay = this.firstDays[YEAR_COUNT]! - 1;
  }

  /** The index of the year holding day number `day`. */
  forDay(day: number): YearIndex {
    const last = this.last;
    if (last !== undefined && day >= last.first && day < last.first + last.length) return last;
    const firstDays = this.firstDays;
    if (day < firstDays[0]! || day >= firstDays[YEAR_COUNT]!) throw outOfRange(formatDayNumber(day));
    // A year is 365.2425 days on average, so the estimate is off by at most one.
    let k = Math.floor((day - firstDays[0]!) / 365.2425);
    if (k > 0 && day < firstDays[k]!) k--;
    else if (day >= firstDays[k + 1]!) k++;
    return (this.last = this.years[k] ?? this.build(k));
  }

  /** The index of the year after `year`'s, for counts that run past December 31. */
  following(year: YearIndex): YearIndex {
    return this.forDay(year.first + year.length);
  }

  /** The local day number of an instant (epoch milliseconds). */
  dayOf(epochMs: number): number {
    // A zone is less than a day away from UTC, so the local day is the UTC day or a neighbour.
    const utcDay = Math.floor(epochMs / DAY);
    const year = this.forDay(utcDay);
    const i = utcDay - year.first;
    if (epochMs < year.midnight[i]!) return utcDay - 1;
    if (epochMs >= year.midnight[i + 1]!) return utcDay + 1;
    return utcDay;
  }

  private build(k: number): YearIndex {
    const { calendar, zone, stride } = this;
    const first = this.firstDays[k]!;
    const length = this.firstDays[k + 1]! - first;
    const intervals = calendar.intervals;

    const kinds = new Uint8Array(length);
    const cumDays = new Int32Array(length + 1);
    for (let i = 0; i < length; i++) {
      const kind = dayKindOf(calendar, first + i);
      kinds[i] = kind === 'workday' ? KIND_WORKDAY : kind === 'weekend' ? KIND_WEEKEND : kind === 'holiday' ? KIND_HOLIDAY : KIND_MAKE_UP;
      cumDays[i + 1] = cumDays[i]! + (isWorkingKind(kinds[i]) ? 1 : 0);
    }
    const nth = new Int32Array(cumDays[length]!);
    for (let i = 0; i < length; i++) if (isWorkingKind(kinds[i])) nth[cumDays[i]!] = i;

    // Local midnights. offsets[i] is the zone's offset at midnight[i]; guessing that a day has
    // yesterday's offset costs one Intl call and is right on every day but DST changes.
    const midnight = new Float64Array(length + 1);
    const offsets = new Float64Array(length + 1);
    const wall = (i: number): number => (first + i) * DAY_MS;
    midnight[0] = zone.instantOf(wall(0));
    offsets[0] = zone.offsetAt(midnight[0]);
    for (let i = 1; i <= length; i++) {
      const guess = wall(i) - offsets[i - 1]!;
      const offset = zone.offsetAt(guess);
      if (offset === offsets[i - 1]) {
        midnight[i] = guess;
        offsets[i] = offset;
      } else {
        midnight[i] = zone.instantOf(wall(i));
        offsets[i] = zone.offsetAt(midnight[i]!);
      }
    }

    const bounds = new Float64Array(length * stride);
    const cumOffice = new Float64Array(length + 1);
    for (let i = 0; i < length; i++) {
      // The same offset at both midnights: no change during the day, plain arithmetic holds.
      // Otherwise convert each bound, so an interval spanning a DST change has its true length.
      const steady = offsets[i] === offsets[i + 1];
      let office = 0;
      for (let q = 0; q < intervals.length; q++) {
        const interval = intervals[q]!;
        const startWall = wall(i) + interval.start * MINUTE_MS;
        const endWall = wall(i) + interval.end * MINUTE_MS;
        const start = steady ? startWall - offsets[i]! : zone.instantOf(startWall);
        const end = steady ? endWall - offsets[i]! : zone.instantOf(endWall);
        bounds[i * stride + 2 * q] = start;
        bounds[i * stride + 2 * q + 1] = end;
        office += end - start;
      }
      cumOffice[i + 1] = cumOffice[i]! + (isWorkingKind(kinds[i]) ? office : 0);
    }

    const year: YearIndex = { year: FIRST_SUPPORTED_YEAR + k, first, length, kinds, cumDays, nth, midnight, bounds, cumOffice };
    this.years[k] = year;
    return year;
  }
}

/** The error for an instant or count that leaves the supported years. */
export function outOfRange(what: string): KechuangError {
  const message = `${what} is outside the years a working calendar supports (${FIRST_SUPPORTED_YEAR}–${LAST_SUPPORTED_YEAR})`;
  return new KechuangError('VALIDATION_FAILED', `Invalid working-calendar input: ${message}.`, {
    issues: [{ path: [], message, code: 'date_out_of_range' }],
  });
}
