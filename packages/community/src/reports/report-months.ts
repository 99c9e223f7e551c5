const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The number of days in a month (`month` from 1 to 12).
 *
 * @example
 * ```ts
 * daysInMonth(2026, 2); // 28
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A `YYYY-MM` month moved by `count` months (negative goes back).
 *
 * @example
 * ```ts
 * addMonths('2026-02', -23); // '2024-03'
 * ```
 */
export function addMonths(month: string, count: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + count;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * How many months `to` is after `from` (both `YYYY-MM`); 0 for the same month.
 *
 * @example
 * ```ts
 * monthsBetween('2025-03', '2026-02'); // 11
 * ```
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/**
 * The last calendar day of a `YYYY-MM` month, `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * lastDayOf('2026-02'); // '2026-02-28'
 * ```
 */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${pad(daysInMonth(y, m))}`;
}
