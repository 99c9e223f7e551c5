/**
 * Working calendars: Chinese working days with make-up workdays (调休), office hours with a
 * lunch break, in the office's IANA zone whatever the zone of the server. Deadlines in working
 * days and working hours, working time between instants, and the day facts routing tests.
 *
 * @example
 * ```ts
 * const calendar = createWorkingCalendar({
 *   holidays: [{ from: '2027-02-06', to: '2027-02-13', name: '春节' }], // a new year, as data
 *   workdays: [{ date: '2027-02-20', name: '春节调休' }],
 * });
 * const due = calendar.addWorkingDays(submittedAt, 3);
 * const overdueBy = calendar.workingTimeBetween(due, new Date()); // > 0: overdue
 * ```
 *
 * @module @kechuang/community/calendar
 */
export {
  calendarConfigSchema,
  calendarScheduleSchema,
  calendarDayEntrySchema,
  calendarPresetNames,
  type CalendarConfig,
  type CalendarConfigInput,
  type CalendarSchedule,
  type CalendarDayEntry,
  type CalendarPresetName,
} from './calendar-schema.js';
export { mainlandChina, mainlandChina2025, mainlandChina2026, mergeSchedules } from './mainland-china.js';
export { calendarPresets, type DayKind } from './resolve-calendar.js';
export { isValidTimeZone, createZoneConverter, type ZoneConverter } from './zone-offset.js';
export {
  createWorkingCalendar,
  type WorkingCalendar,
  type CalendarDay,
  type CalendarDayInput,
} from './working-calendar.js';
