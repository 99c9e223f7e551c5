import type { ReportLocale } from './report-input.js';
import type { ReportFigures } from './report-types.js';

/** What a figure without data shows as in texts and tables (CSV leaves the cell empty instead). */
export const NO_DATA = '—';

const HOUR_MS = 3_600_000;
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// One decimal, rounded half up on the decimal value: 0.974 × 100 is 97.39999… in binary.
const oneDecimal = (value: number): string => (Math.round(value * 10 + 1e-9) / 10).toFixed(1);

/**
 * A rate (0..1) as a percentage number with one decimal, without the sign; '' when null.
 *
 * @example
 * ```ts
 * percentNumber(0.974); // '97.4'
 * percentNumber(null);  // ''
 * ```
 */
export function percentNumber(rate: number | null): string {
  return rate === null ? '' : oneDecimal(rate * 100);
}

/**
 * A rate (0..1) as a percentage with one decimal; {@link NO_DATA} when null.
 *
 * @example
 * ```ts
 * formatPercent(0.95); // '95.0%'
 * ```
 */
export function formatPercent(rate: number | null): string {
  return rate === null ? NO_DATA : `${oneDecimal(rate * 100)}%`;
}

/**
 * The composite score (0..1) on a scale of 100, one decimal; '' when null.
 *
 * @example
 * ```ts
 * scoreNumber(0.9463); // '94.6'
 * ```
 */
export function scoreNumber(composite: number | null): string {
  return composite === null ? '' : oneDecimal(composite * 100);
}

/**
 * Working milliseconds as working hours with one decimal; '' when null.
 *
 * @example
 * ```ts
 * hoursNumber(5_400_000); // '1.5'
 * ```
 */
export function hoursNumber(ms: number | null): string {
  return ms === null ? '' : oneDecimal(ms / HOUR_MS);
}

/**
 * A count as the locale writes it: `1234` in Chinese, `1,234` in English.
 *
 * @example
 * ```ts
 * formatCount(1234, 'en'); // '1,234'
 * ```
 */
export function formatCount(value: number, locale: ReportLocale): string {
  return locale === 'en' ? value.toLocaleString('en-US') : String(value);
}

/**
 * A `YYYY-MM` month in words: `2026年1月`, `January 2026`.
 *
 * @example
 * ```ts
 * formatMonth('2026-01', 'en'); // 'January 2026'
 * ```
 */
export function formatMonth(month: string, locale: ReportLocale): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return locale === 'en' ? `${MONTHS_EN[m - 1] ?? m} ${y}` : `${y}年${m}月`;
}

/**
 * A `YYYY-MM-DD` day in words: `2025年3月1日`, `1 March 2025`.
 *
 * @example
 * ```ts
 * formatDay('2025-03-01', 'zh-CN'); // '2025年3月1日'
 * ```
 */
export function formatDay(day: string, locale: ReportLocale): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return locale === 'en' ? `${d} ${MONTHS_EN[m - 1] ?? m} ${y}` : `${y}年${m}月${d}日`;
}

/**
 * An instant as a date and a 24-hour time in a time zone: `2026年2月1日 00:00`,
 * `1 February 2026, 00:00`.
 *
 * @example
 * ```ts
 * formatInstant('2026-01-31T16:00:00.000Z', 'Asia/Shanghai', 'zh-CN'); // '2026年2月1日 00:00'
 * ```
 */
export function formatInstant(iso: string, timeZone: string, locale: ReportLocale): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = formatDay(`${part('year')}-${part('month')}-${part('day')}`, locale);
  const time = `${part('hour')}:${part('minute')}`;
  return locale === 'en' ? `${day}, ${time}` : `${day} ${time}`;
}

/**
 * The figure columns of the ranking table, as display texts, shared by the HTML and
 * Markdown renderings: collected, concluded, resolved, the four rates, the composite score,
 * backlog and overdue.
 *
 * @example
 * ```ts
 * figureTexts(data.total, 'zh-CN'); // ['32', '24', '22', '100.0%', …]
 * ```
 */
export function figureTexts(f: ReportFigures, locale: ReportLocale): string[] {
  const c = f.counts;
  return [
    formatCount(c.collected, locale),
    formatCount(c.concluded, locale),
    formatCount(c.resolved, locale),
    formatPercent(f.rates.response),
    formatPercent(f.rates.resolution),
    formatPercent(f.rates.satisfaction),
    formatPercent(f.rates.onTime),
    scoreNumber(f.rates.composite) || NO_DATA,
    formatCount(c.backlog, locale),
    formatCount(c.overdue, locale),
  ];
}
