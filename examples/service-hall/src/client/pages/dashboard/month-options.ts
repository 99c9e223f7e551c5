/**
 * The months the dashboard offers and the selection kept in the hash query
 * (`#/dashboard?month=2026-02&unit=park`), so that a reload or a shared link opens the same view.
 */
import { monthOf } from '../../format.js';

/** The demo office opened in March 2025; nothing is counted before it, and the report's cumulative figures start there. */
export const FIRST_MONTH = '2025-03';
export const SINCE = `${FIRST_MONTH}-01`;

/** The units the ranking may be by, in the order the picker lists them. */
export const DASHBOARD_UNITS = ['park', 'category', 'portfolio', 'team', 'assignee', 'channel'] as const;
export type DashboardUnit = (typeof DASHBOARD_UNITS)[number];

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from {@link FIRST_MONTH} to `current`, newest first. */
export function monthOptions(current: string): string[] {
  const months: string[] = [];
  for (let m = FIRST_MONTH; m <= current; m = nextMonth(m)) months.push(m);
  return months.reverse();
}

export interface DashboardSelection {
  month: string;
  unit: DashboardUnit;
  months: string[];
}

/** The selection the hash asks for, with anything unknown or out of range replaced by the default. */
export function selectionOf(query: URLSearchParams, timeZone: string, now: Date = new Date()): DashboardSelection {
  const current = monthOf(now, timeZone);
  const months = monthOptions(current);
  const askedMonth = query.get('month') ?? '';
  const askedUnit = query.get('unit') ?? '';
  return {
    month: months.includes(askedMonth) ? askedMonth : (months[0] ?? current),
    unit: (DASHBOARD_UNITS as readonly string[]).includes(askedUnit) ? (askedUnit as DashboardUnit) : 'park',
    months,
  };
}

/** The report's address for a selection in a format. */
export function reportPath(month: string, unit: string, locale: string, format: 'json' | 'html' | 'csv'): string {
  const query = new URLSearchParams({ month, unit, locale, format, since: SINCE });
  return `/api/reports/monthly?${query.toString()}`;
}
