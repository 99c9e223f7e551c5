import type { JsonValue, NotificationLocale, WorkingCalendar } from '@kechuang/community';
import type { RequestFacts } from './request-facts.js';

type Localized = Record<NotificationLocale, string>;

// Where a request in a core state stands, in words for the enterprise.
const STATES: Record<string, Localized> = {
  submitted: { 'zh-CN': '已受理，正在确定承办单位', en: 'received; a handler is being chosen' },
  assigned: { 'zh-CN': '已分派承办人，待签收办理', en: 'assigned to a handler, who is about to take it up' },
  accepted: { 'zh-CN': '承办人已签收，正在办理', en: 'taken up by the handler and being worked on' },
  in_progress: { 'zh-CN': '正在办理', en: 'being worked on' },
  paused: { 'zh-CN': '暂缓办理，等待贵单位补充材料', en: 'on hold, waiting for information from your company' },
  returned: { 'zh-CN': '正在重新确定承办单位', en: 'being passed to the right handler' },
};
// A state a plugin added: the enterprise is told no more than that it is being worked on.
const IN_HAND: Localized = { 'zh-CN': '正在办理', en: 'being worked on' };

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A local date (`YYYY-MM-DD`) in the reader's words: 2026年9月23日, 23 September 2026. */
function spelledDate(localDate: string): Localized {
  const [year = '', month = '1', day = '1'] = localDate.split('-');
  const m = Number(month);
  const d = Number(day);
  return { 'zh-CN': `${year}年${m}月${d}日`, en: `${d} ${MONTHS[m - 1] ?? month} ${year}` };
}

/**
 * The values a progress report adds to its templates and to `message.data`: its number `n`,
 * the working days the request has been in hand (from its submission to now, in the office's
 * calendar), the date it was raised and where it stands, each in both locales where words differ.
 */
export function reportData(request: RequestFacts, n: number, calendar: WorkingCalendar, now: Date): { [key: string]: JsonValue } {
  const workingDays = Math.max(0, calendar.workingDaysBetween(request.createdAt, now));
  return {
    n,
    workingDays,
    elapsed: { 'zh-CN': `${workingDays}个工作日`, en: `${workingDays} working day${workingDays === 1 ? '' : 's'}` },
    submittedOn: spelledDate(calendar.localDate(request.createdAt)),
    state: STATES[request.status] ?? IN_HAND,
  };
}
