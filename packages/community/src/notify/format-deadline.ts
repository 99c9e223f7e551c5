import type { NotificationLocale } from './notifier.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

// One formatter per zone: building an Intl.DateTimeFormat costs far more than using one.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(at: Date, timeZone: string): { year: string; month: number; day: number; hour: string; minute: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    // `en-US` with h23 gives plain numerals and hours 0–23 on every engine; the words are ours.
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return { year: parts['year'] ?? '', month: Number(parts['month']), day: Number(parts['day']), hour: parts['hour'] ?? '', minute: parts['minute'] ?? '' };
}

/**
 * A deadline as a notice states it, in the office's time zone: `2026年10月10日 17:30` in zh-CN,
 * `10 Oct 2026, 17:30 (Asia/Shanghai)` in en (a reader abroad needs the zone).
 *
 * @example
 * ```ts
 * formatDeadline(new Date('2026-10-10T09:30:00Z'), 'zh-CN', 'Asia/Shanghai'); // '2026年10月10日 17:30'
 * ```
 */
export function formatDeadline(at: Date, locale: NotificationLocale, timeZone: string): string {
  const { year, month, day, hour, minute } = wallClock(at, timeZone);
  if (locale === 'zh-CN') return `${year}年${month}月${day}日 ${hour}:${minute}`;
  return `${day} ${MONTHS[month - 1] ?? ''} ${year}, ${hour}:${minute} (${timeZone})`;
}
