import { createZoneConverter } from '../calendar/zone-offset.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { MetricsPeriodInput } from './metrics-input.js';
import type { MetricsPeriod } from './metrics-types.js';

/** One calendar month of a period, clipped to the period. */
export interface MonthWindow {
  /** `YYYY-MM`. */
  label: string;
  start: Date;
  end: Date;
}

/** The longest range a query may cover, so that a month breakdown stays a bounded number of queries. */
const MAX_MONTHS = 120;

const pad = (n: number): string => String(n).padStart(2, '0');
const dayText = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function parseDay(text: string): { y: number; m: number; d: number } {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  if (d > daysIn(y, m)) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid metrics period: ${text} is not a calendar date. Use a real date, e.g. ${dayText(y, m, daysIn(y, m))}.`, {
      issues: [{ path: ['period'], message: `${text} is not a calendar date`, code: 'invalid_date' }],
    });
  }
  return { y, m, d };
}

/**
 * Resolves a period to instants in the office's time zone: it starts at local midnight of its
 * first day and ends at local midnight after its last day.
 *
 * @example
 * ```ts
 * resolvePeriod({ month: '2026-01' }, 'Asia/Shanghai').start; // 2025-12-31T16:00:00.000Z
 * ```
 */
export function resolvePeriod(input: MetricsPeriodInput, timeZone: string): MetricsPeriod & { months: MonthWindow[] } {
  const zone = createZoneConverter(timeZone);
  const midnight = (y: number, m: number, d: number): Date => new Date(zone.instantOf(Date.UTC(y, m - 1, d)));
  let kind: MetricsPeriod['kind'];
  let label: string;
  let first: { y: number; m: number; d: number };
  let last: { y: number; m: number; d: number };
  if ('month' in input) {
    const [y, m] = input.month.split('-').map(Number) as [number, number];
    [kind, label, first, last] = ['month', input.month, { y, m, d: 1 }, { y, m, d: daysIn(y, m) }];
  } else if ('quarter' in input) {
    const y = Number(input.quarter.slice(0, 4));
    const q = Number(input.quarter.slice(6));
    [kind, label, first, last] = ['quarter', input.quarter, { y, m: q * 3 - 2, d: 1 }, { y, m: q * 3, d: daysIn(y, q * 3) }];
  } else if ('year' in input) {
    [kind, label, first, last] = ['year', String(input.year), { y: input.year, m: 1, d: 1 }, { y: input.year, m: 12, d: 31 }];
  } else {
    first = parseDay(input.from);
    last = parseDay(input.to);
    kind = 'range';
    label = `${input.from}..${input.to}`;
    if (input.to < input.from) {
      throw new KechuangError('VALIDATION_FAILED', `Invalid metrics period: "to" (${input.to}) is before "from" (${input.from}). Swap them.`, {
        issues: [{ path: ['period', 'to'], message: 'before from', code: 'invalid_range' }],
      });
    }
  }
  const monthCount = (last.y - first.y) * 12 + (last.m - first.m) + 1;
  if (monthCount > MAX_MONTHS) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid metrics period: it spans ${monthCount} months; ask for at most ${MAX_MONTHS} at a time.`, {
      issues: [{ path: ['period'], message: `at most ${MAX_MONTHS} months`, code: 'too_big' }],
    });
  }
  const start = midnight(first.y, first.m, first.d);
  const end = midnight(last.y, last.m, last.d + 1);
  const months: MonthWindow[] = [];
  for (let i = 0; i < monthCount; i++) {
    const y = first.y + Math.floor((first.m - 1 + i) / 12);
    const m = ((first.m - 1 + i) % 12) + 1;
    const from = midnight(y, m, 1);
    const to = midnight(y, m + 1, 1);
    months.push({ label: `${y}-${pad(m)}`, start: from < start ? start : from, end: to > end ? end : to });
  }
  return { kind, label, from: dayText(first.y, first.m, first.d), to: dayText(last.y, last.m, last.d), start, end, timeZone, months };
}
