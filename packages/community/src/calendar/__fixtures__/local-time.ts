/**
 * Test helpers: instants written as local wall times of a zone, and instants printed back as
 * local wall times. They use Intl with an explicit zone, never the process zone, so the tests
 * read the same in any TZ.
 */

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** `2026-10-10 17:30` (seconds shown only when not zero) for an instant, in `timeZone`. */
export function local(instant: Date, timeZone = 'Asia/Shanghai'): string {
  const parts: Record<string, string> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const hour = parts['hour'] === '24' ? '00' : parts['hour'];
  const seconds = parts['second'] === '00' ? '' : `:${parts['second']}`;
  return `${parts['year']}-${parts['month']}-${parts['day']} ${hour}:${parts['minute']}${seconds}`;
}

/** The instant of a Shanghai wall time `YYYY-MM-DD HH:MM` (Shanghai has kept +08:00 since 1991). */
export function shanghai(wall: string): Date {
  return new Date(`${wall.replace(' ', 'T')}:00+08:00`);
}
