/**
 * "3 天后到期" / "已超期 2 天": how far a deadline is, in calendar days of the office's zone.
 * Time limits run in working days, which needs the office calendar the browser does not
 * have; the screen says so and shows the due time itself beside the hint.
 */
import type { QueueTexts } from './queue-texts.js';

const DAY_MS = 86_400_000;

/** The calendar day `at` falls on in `timeZone`, as a day number. */
function dayIn(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day')) / DAY_MS;
}

export interface DueHint {
  text: string;
  overdue: boolean;
}

export function dueHint(dueIso: string, timeZone: string, t: QueueTexts['relative'], now: Date = new Date()): DueHint {
  const due = new Date(dueIso);
  const days = dayIn(due, timeZone) - dayIn(now, timeZone);
  if (due.getTime() < now.getTime()) {
    return { text: days === 0 ? t.overdueToday : t.overdueBy(-days), overdue: true };
  }
  return { text: days === 0 ? t.dueToday : days === 1 ? t.dueTomorrow : t.dueIn(days), overdue: false };
}
