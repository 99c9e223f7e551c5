import type { CalendarSchedule } from './calendar-schema.js';

/**
 * The official mainland China schedules (国务院办公厅关于部分节假日安排的通知), as data. Each
 * year's notice comes out around November; an office adds it to its own config
 * (`calendar.holidays` / `calendar.workdays`) the day it is published, and a later SDK release
 * ships it here as well — the two merge without conflict, since they are the same dates.
 *
 * Holidays are the whole days off, weekends inside a holiday included, so a rest day reads as
 * "国庆节" rather than as an ordinary Sunday. Make-up workdays (调休上班) are the weekend days
 * worked instead.
 */

/**
 * 2025: New Year Jan 1; Spring Festival Jan 28–Feb 4 (work Sun Jan 26, Sat Feb 8); Qingming
 * Apr 4–6; Labour Day May 1–5 (work Sun Apr 27); Dragon Boat May 31–Jun 2; National Day and
 * Mid-Autumn Oct 1–8 (work Sun Sep 28, Sat Oct 11).
 *
 * @example
 * ```ts
 * createWorkingCalendar({ extends: 'none', ...mainlandChina2025 });
 * ```
 */
export const mainlandChina2025: CalendarSchedule = frozen({
  holidays: [
    { date: '2025-01-01', name: '元旦' },
    { from: '2025-01-28', to: '2025-02-04', name: '春节' },
    { from: '2025-04-04', to: '2025-04-06', name: '清明节' },
    { from: '2025-05-01', to: '2025-05-05', name: '劳动节' },
    { from: '2025-05-31', to: '2025-06-02', name: '端午节' },
    { from: '2025-10-01', to: '2025-10-08', name: '国庆节、中秋节' },
  ],
  workdays: [
    { date: '2025-01-26', name: '春节调休' },
    { date: '2025-02-08', name: '春节调休' },
    { date: '2025-04-27', name: '劳动节调休' },
    { date: '2025-09-28', name: '国庆节、中秋节调休' },
    { date: '2025-10-11', name: '国庆节、中秋节调休' },
  ],
});

/**
 * 2026: New Year Jan 1–3 (work Sun Jan 4); Spring Festival Feb 15–23 (work Sat Feb 14 and
 * Sat Feb 28); Qingming Apr 4–6; Labour Day May 1–5 (work Sat May 9); Dragon Boat Jun 19–21;
 * Mid-Autumn Sep 25–27; National Day Oct 1–7 (work Sun Sep 20, Sat Oct 10).
 *
 * @example
 * ```ts
 * createWorkingCalendar({ extends: 'none', ...mainlandChina2026 });
 * ```
 */
export const mainlandChina2026: CalendarSchedule = frozen({
  holidays: [
    { from: '2026-01-01', to: '2026-01-03', name: '元旦' },
    { from: '2026-02-15', to: '2026-02-23', name: '春节' },
    { from: '2026-04-04', to: '2026-04-06', name: '清明节' },
    { from: '2026-05-01', to: '2026-05-05', name: '劳动节' },
    { from: '2026-06-19', to: '2026-06-21', name: '端午节' },
    { from: '2026-09-25', to: '2026-09-27', name: '中秋节' },
    { from: '2026-10-01', to: '2026-10-07', name: '国庆节' },
  ],
  workdays: [
    { date: '2026-01-04', name: '元旦调休' },
    { date: '2026-02-14', name: '春节调休' },
    { date: '2026-02-28', name: '春节调休' },
    { date: '2026-05-09', name: '劳动节调休' },
    { date: '2026-09-20', name: '国庆节调休' },
    { date: '2026-10-10', name: '国庆节调休' },
  ],
});

/**
 * Every shipped mainland year in one schedule: what `extends: 'cn-mainland'` (the default)
 * merges an office's own lists onto.
 *
 * @example
 * ```ts
 * mainlandChina.workdays.length; // 11 make-up workdays over 2025 and 2026
 * ```
 */
export const mainlandChina: CalendarSchedule = mergeSchedules(mainlandChina2025, mainlandChina2026);

/**
 * Several schedules as one (their lists concatenated, in order).
 *
 * @example
 * ```ts
 * const cnWithLocal = mergeSchedules(mainlandChina, { holidays: ['2026-03-16'], workdays: [] });
 * ```
 */
export function mergeSchedules(...schedules: readonly CalendarSchedule[]): CalendarSchedule {
  return frozen({
    holidays: schedules.flatMap((schedule) => schedule.holidays),
    workdays: schedules.flatMap((schedule) => schedule.workdays),
  });
}

/**
 * Freezes a schedule deeply: the shipped data is shared by every calendar of the process, so a
 * host that mutates it by mistake gets a TypeError instead of silently moving holidays.
 */
function frozen(schedule: CalendarSchedule): CalendarSchedule {
  for (const entry of [...schedule.holidays, ...schedule.workdays]) Object.freeze(entry);
  Object.freeze(schedule.holidays);
  Object.freeze(schedule.workdays);
  return Object.freeze(schedule);
}
