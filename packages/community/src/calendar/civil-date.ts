/**
 * Calendar dates as day numbers: whole days since 1970-01-01 in the proleptic Gregorian
 * calendar, with no time zone attached. A day number names a *local* date of whatever zone
 * the caller means; the working calendar maps it to instants through the zone's offsets.
 *
 * Everything here goes through `Date.UTC` and the `getUTC*` accessors only, so the results
 * never depend on the zone of the process (a server in UTC computes Shanghai dates alike).
 */

/** Milliseconds in a minute. */
export const MINUTE_MS = 60_000;
/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;
/** Milliseconds in a civil day (a day number step; a local day may be 23 or 25 hours long). */
export const DAY_MS = 86_400_000;

/**
 * The years a working calendar covers. Wide enough for any deadline a request can have, and
 * bounded so a runaway count (e.g. a billion working days) fails fast instead of indexing
 * centuries.
 */
export const FIRST_SUPPORTED_YEAR = 1971;
export const LAST_SUPPORTED_YEAR = 2199;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a Gregorian date (`month` 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

/**
 * The day number of a `YYYY-MM-DD` string, or `undefined` when it is not a real date
 * (`2026-02-30`, `2026-13-01`, `26-1-1`).
 *
 * @example
 * ```ts
 * parseIsoDate('1970-01-02'); // 1
 * parseIsoDate('2026-02-30'); // undefined
 * ```
 */
export function parseIsoDate(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (match === null) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const number = dayNumber(year, month, day);
  // Date.UTC rolls 2026-02-30 over to March 2; a real date survives the round trip.
  return formatDayNumber(number) === text ? number : undefined;
}

/** The `YYYY-MM-DD` form of a day number. */
export function formatDayNumber(day: number): string {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const dayOfMonth = date.getUTCDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${dayOfMonth < 10 ? '0' : ''}${dayOfMonth}`;
}

/** The Gregorian year a day number falls in. */
export function yearOfDayNumber(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** The ISO 8601 weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
