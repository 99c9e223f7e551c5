import type { WorkingCalendar } from '../calendar/working-calendar.js';
import { officePolicy } from '../pipeline/office-policy.js';
import type { Runtime } from '../pipeline/runtime.js';

/**
 * The working calendar an office's config in force sets (holidays, make-up workdays, office
 * hours), or the mainland default when the office has no config. Plugins time their own work
 * in it, as the SLA does.
 */
export async function officeCalendar(runtime: Runtime, officeId: string): Promise<WorkingCalendar> {
  const policy = await officePolicy(runtime, officeId);
  if (policy) return policy.calendar;
  const { defaultCalendar } = await import('../metrics/default-calendar.js');
  return defaultCalendar();
}
