import { createZoneConverter } from '@kechuang/community/calendar';

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A time as people type it: `2026-09-30 16:00` (or a bare date, meaning midnight) is wall-clock
 * time in `timeZone`; an ISO 8601 time with `Z` or an offset is taken as it is. Undefined when
 * the text is neither, or names a date that does not exist.
 *
 * @example
 * ```ts
 * parseTime('2026-09-30 16:00', 'Asia/Shanghai')?.toISOString();      // '2026-09-30T08:00:00.000Z'
 * parseTime('2026-09-30T16:00+08:00', 'Europe/Berlin')?.toISOString(); // '2026-09-30T08:00:00.000Z'
 * ```
 */
export function parseTime(text: string, timeZone: string): Date | undefined {
  const trimmed = text.trim();
  if (WITH_OFFSET.test(trimmed)) {
    const date = new Date(trimmed);
    return Number.isNaN(date.getTime()) ? undefined : date;
  }
  const match = LOCAL.exec(trimmed);
  if (match === null) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return undefined;
  return new Date(createZoneConverter(timeZone).instantOf(wall));
}

/**
 * An instant as wall-clock time in `timeZone`: `2026-10-10 17:30 (Sat)`.
 *
 * @example
 * ```ts
 * formatLocal(new Date('2026-10-10T09:30:00Z'), 'Asia/Shanghai', 'en'); // '2026-10-10 17:30 Sat'
 * ```
 */
export function formatLocal(date: Date, timeZone: string, lang: 'zh-CN' | 'en'): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  }).formatToParts(date);
  const get = (type: string): string => parts.find((part) => part.type === type)?.value ?? '';
  const weekday = lang === 'zh-CN' ? weekdayZh(get('weekday')) : get('weekday');
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')} ${weekday}`;
}

const ZH_WEEKDAYS: Readonly<Record<string, string>> = { Mon: '周一', Tue: '周二', Wed: '周三', Thu: '周四', Fri: '周五', Sat: '周六', Sun: '周日' };

function weekdayZh(short: string): string {
  return ZH_WEEKDAYS[short] ?? short;
}
