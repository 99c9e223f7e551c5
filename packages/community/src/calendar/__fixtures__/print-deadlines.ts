/**
 * Run as a child process by time-zones.test.ts under different TZ values: prints Shanghai
 * deadlines as ISO instants. The output must not depend on the zone of the process.
 */
import { createWorkingCalendar } from '../index.js';

const calendar = createWorkingCalendar();
const at = (iso: string): Date => new Date(iso);
const lines = [
  calendar.addWorkingDays(at('2026-09-30T16:00+08:00'), 3).toISOString(),
  calendar.addWorkingDays(at('2025-01-24T18:00+08:00'), 2).toISOString(),
  calendar.addWorkingHours(at('2025-10-10T16:00+08:00'), 4).toISOString(),
  // 23:30 Shanghai is still the previous UTC day: the local date must come from the office zone.
  calendar.addWorkingDays(at('2026-02-13T23:30+08:00'), 1).toISOString(),
  calendar.addWorkingDays(at('2026-02-14T00:30+08:00'), 1).toISOString(),
  calendar.localDate(at('2026-01-01T00:30+08:00')),
  String(calendar.isWorkingTime(at('2026-02-14T09:00+08:00'))),
  String(calendar.workingTimeBetween(at('2025-12-31T00:00+08:00'), at('2026-01-06T00:00+08:00'))),
  `TZ offset of this process: ${new Date('2026-01-01T00:00Z').getTimezoneOffset()}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
