import { DAY_MS, MINUTE_MS, formatDayNumber } from './civil-date.js';
import type { ResolvedCalendar } from './resolve-calendar.js';
import { createZoneConverter } from './zone-offset.js';

/**
 * The straightforward way to count working time: step through the local dates one by one,
 * checking each against the holiday and make-up sets. Deliberately naive — string dates,
 * `Set` look-ups, no indexes — so it is easy to believe, and the tests and the
 * `calendar.add-working-days` benchmark measure the indexed calendar against it.
 *
 * It reads the same resolved data as the indexed calendar. Zone conversions are memoised so
 * that the walk itself, not Intl, is what the benchmark's baseline measures.
 *
 * Test and benchmark support only: not exported from the package.
 */
export interface DayByDayReference {
  addWorkingDays(t: Date, n: number): Date;
  addWorkingTime(t: Date, milliseconds: number): Date;
  workingTimeBetween(a: Date, b: Date): number;
}

/** How far the walk may go before giving up (a bug, not a deadline). */
const MAX_DAYS = 20_000;
/** Zone offsets change on quarter hours at most, so an offset is memoised per quarter hour. */
const QUARTER_HOUR_MS = 15 * MINUTE_MS;

/**
 * A day-by-day walker over a resolved calendar.
 *
 * @example
 * ```ts
 * const reference = createDayByDayReference(resolveCalendar({}));
 * reference.addWorkingDays(new Date('2026-09-30T16:00+08:00'), 3); // 2026-10-10 17:30 Shanghai
 * ```
 */
export function createDayByDayReference(calendar: ResolvedCalendar): DayByDayReference {
  const holidays = new Set([...calendar.holidays.keys()].map(formatDayNumber));
  const workdays = new Set([...calendar.workdays.keys()].map(formatDayNumber));
  const zone = createZoneConverter(calendar.timeZone);
  const offsets = new Map<number, number>();
  const instants = new Map<string, number>();

  /** The local date of an instant, as the UTC midnight of the same Y-M-D (a "date cursor"). */
  function localDateCursor(epochMs: number): number {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = zone.offsetAt(epochMs);
      offsets.set(bucket, offset);
    }
    return Math.floor((epochMs + offset) / DAY_MS) * DAY_MS;
  }

  function isoOf(cursor: number): string {
    return new Date(cursor).toISOString().slice(0, 10);
  }

  function isWorking(cursor: number): boolean {
    const iso = isoOf(cursor);
    if (workdays.has(iso)) return true;
    if (holidays.has(iso)) return false;
    const weekday = new Date(cursor).getUTCDay() || 7;
    return calendar.weekend[weekday] !== true;
  }

  /** The instant of a local wall time `minutes` after the midnight of the date cursor. */
  function instantAt(cursor: number, minutes: number): number {
    const key = `${isoOf(cursor)} ${minutes}`;
    let value = instants.get(key);
    if (value === undefined) {
      value = zone.instantOf(cursor + minutes * MINUTE_MS);
      instants.set(key, value);
    }
    return value;
  }

  function closeOf(cursor: number): number {
    const last = calendar.intervals[calendar.intervals.length - 1]!;
    return instantAt(cursor, last.end);
  }

  function addWorkingDays(t: Date, n: number): Date {
    const start = t.getTime();
    let cursor = localDateCursor(start);
    if (n === 0) {
      if (isWorking(cursor) && start < closeOf(cursor)) return new Date(closeOf(cursor));
      n = 1;
    }
    let counted = 0;
    for (let steps = 0; counted < n; steps++) {
      if (steps > MAX_DAYS) throw new Error('reference: walked too far');
      cursor += DAY_MS;
      if (isWorking(cursor)) counted++;
    }
    return new Date(closeOf(cursor));
  }

  function addWorkingTime(t: Date, milliseconds: number): Date {
    const start = t.getTime();
    let remaining = Math.round(milliseconds);
    let cursor = localDateCursor(start);
    for (let steps = 0; steps < MAX_DAYS; steps++, cursor += DAY_MS) {
      if (!isWorking(cursor)) continue;
      for (const interval of calendar.intervals) {
        const end = instantAt(cursor, interval.end);
        if (end <= start) continue;
        const from = Math.max(instantAt(cursor, interval.start), start);
        const available = end - from;
        if (remaining <= available) return new Date(from + remaining);
        remaining -= available;
      }
    }
    throw new Error('reference: walked too far');
  }

  function workingTimeBetween(a: Date, b: Date): number {
    const from = a.getTime();
    const to = b.getTime();
    if (to < from) return -workingTimeBetween(b, a);
    let total = 0;
    for (let cursor = localDateCursor(from); cursor <= localDateCursor(to); cursor += DAY_MS) {
      if (!isWorking(cursor)) continue;
      for (const interval of calendar.intervals) {
        const overlap = Math.min(instantAt(cursor, interval.end), to) - Math.max(instantAt(cursor, interval.start), from);
        if (overlap > 0) total += overlap;
      }
    }
    return total;
  }

  return { addWorkingDays, addWorkingTime, workingTimeBetween };
}
