import { createWorkingCalendar, type WorkingCalendar } from '../calendar/working-calendar.js';

/** The calendar an office without a config is measured in: the mainland schedule, Asia/Shanghai. */
export function defaultCalendar(): WorkingCalendar {
  return createWorkingCalendar({});
}
