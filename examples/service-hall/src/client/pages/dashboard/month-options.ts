/**
 * The months the dashboard offers and the selection kept in the hash query
 * (`#/dashboard?month=2026-02&unit=park`), so that a reload or a shared link opens the same view.
 */
import { monthOf } from '../../format.js';

/** The month the office opened (its record's creation): nothing is counted before it, and the report's cumulative figures start there. */
export function firstMonthOf(office: { createdAt: string }, timeZone: string): string {
  return monthOf(new Date(office.createdAt), timeZone);
}

/** The units the ranking may be by, in the order the picker lists them. */
export const DASHBOARD_UNITS = ['park', 'category', 'portfolio', 'team', 'assignee', 'channel'] as const;
export type DashboardUnit = (typeof DASHBOARD_UNITS)[number];

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every month from `first` to `current`, newest first. */
export function monthOptions(first: string, current: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= current; m = nextMonth(m)) months.push(m);
  return months.reverse();
}

export interface DashboardSelection {
  month: string;
  unit: DashboardUnit;
  months: string[];
}

/** The selection the hash asks for, with anything unknown or out of range replaced by the default. */
export function selectionOf(query: URLSearchParams, first: string, timeZone: string, now: Date = new Date()): DashboardSelection {
  const current = monthOf(now, timeZone);
  const months = monthOptions(first, current);
  const askedMonth = query.get('month') ?? '';
  const askedUnit = query.get('unit') ?? '';
  return {
    month: months.includes(askedMonth) ? askedMonth : (months[0] ?? current),
    unit: (DASHBOARD_UNITS as readonly string[]).includes(askedUnit) ? (askedUnit as DashboardUnit) : 'park',
    months,
  };
}

/** The report's address for a selection in a format, its cumulative figures counted from `first`. */
export function reportPath(month: string, unit: string, locale: string, format: 'json' | 'html' | 'csv', first: string): string {
  const query = new URLSearchParams({ month, unit, locale, format, since: `${first}-01` });
  return `/api/reports/monthly?${query.toString()}`;
}
