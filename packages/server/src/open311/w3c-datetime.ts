import type { ZoneConverter } from '@kechuang/community/calendar';

// The W3C profile of ISO 8601 with a time and a zone, as GeoReport v2 requires of clients:
// 2010-01-01T00:00:00Z, 2010-01-01T08:00:00+08:00, seconds and fractions optional.
const W3C = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/**
 * `date` as a W3C date-time in the office's zone, with its offset, e.g.
 * `2026-03-02T09:15:00+08:00`: what a resident reads on the office's clock, and an exact instant.
 */
export function formatW3c(date: Date, zone: ZoneConverter): string {
  const offsetMs = zone.offsetAt(date.getTime());
  const local = new Date(date.getTime() - (date.getTime() % 1000) + offsetMs);
  const offsetMinutes = Math.round(offsetMs / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
    `T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
    `${sign}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  );
}

/** The instant a W3C date-time names, or null when the text is not one (a zone is required). */
export function parseW3c(text: string): Date | null {
  const match = W3C.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  if (month! < 1 || month! > 12 || hour! > 23 || minute! > 59 || (second ?? 0) > 59) return null;
  // Date.UTC rolls 31 February over into March; a day past the month's end is refused instead.
  if (day! < 1 || day! > new Date(Date.UTC(year!, month!, 0)).getUTCDate()) return null;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? null : date;
}
