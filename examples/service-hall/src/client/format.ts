/** Dates, times and deadline lights as the office sees them (in the office's time zone). */
import type { Locale } from './i18n.js';

/** `2026-11-27 14:05` in the office's zone. */
export function formatDateTime(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** `2026-11-27` in the office's zone. */
export function formatDate(iso: string | null | undefined, locale: Locale, timeZone: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone, dateStyle: 'medium' }).format(new Date(iso));
}

/** The month `YYYY-MM` that `at` falls in, in the office's zone. */
export function monthOf(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit' }).format(at);
}

/** The deadline light of a request at `now`: red overdue, yellow due soon, green on time. */
export type Light = 'overdue' | 'due_soon' | 'on_time' | 'paused' | 'none';

const WORKING = new Set(['assigned', 'accepted', 'in_progress', 'paused', 'submitted', 'returned']);

export function lightOf(request: { status: string; resolveDueAt: string | null; dueSoonAt: string | null; pausedAt: string | null }, now: Date = new Date()): Light {
  if (!WORKING.has(request.status) || !request.resolveDueAt) return 'none';
  if (request.pausedAt) return 'paused';
  const due = Date.parse(request.resolveDueAt);
  if (due < now.getTime()) return 'overdue';
  if (request.dueSoonAt && Date.parse(request.dueSoonAt) <= now.getTime()) return 'due_soon';
  return 'on_time';
}
