/**
 * Wall-clock times in the office's time zone, for `<input type="datetime-local">`: the
 * browser may sit in another zone than the office whose deadlines and visits it records.
 */

function partsIn(at: Date, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' }).formatToParts(at);
  const out: Record<string, number> = {};
  for (const part of parts) if (part.type !== 'literal') out[part.type] = Number(part.value);
  return out;
}

/** How far the zone's clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: Date, timeZone: string): number {
  const p = partsIn(at, timeZone);
  const asUtc = Date.UTC(p['year']!, p['month']! - 1, p['day']!, p['hour']!, p['minute']!, p['second']!);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-11-27T14:05` for `at` on the office's clock. */
export function officeLocal(at: Date, timeZone: string): string {
  const p = partsIn(at, timeZone);
  return `${p['year']}-${pad(p['month']!)}-${pad(p['day']!)}T${pad(p['hour']!)}:${pad(p['minute']!)}`;
}

/** The instant `2026-11-27T14:05` on the office's clock names, as ISO 8601; null when unreadable. */
export function officeInstant(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  // Twice, so that a guess on the other side of a daylight-saving change settles.
  let at = guess - offsetAt(new Date(guess), timeZone);
  at = guess - offsetAt(new Date(at), timeZone);
  return new Date(at).toISOString();
}
