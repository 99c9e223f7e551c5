import { existsSync } from 'node:fs';
import path from 'node:path';
import { createWorkingCalendar } from '@kechuang/community/calendar';
import type { CalendarConfigInput, WorkingCalendar } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { DEFAULT_CONFIG_FILE, loadConfigFile } from '../config-file.js';
import { exitCodes } from '../exit-codes.js';
import { formatLocal, parseTime } from '../parse-time.js';
import { formatTable } from '../text-width.js';
import type { CalendarMessages } from './calendar-messages.js';

const HOUR_MS = 3_600_000;

/** One local date between the start and the deadline, and what it counted for. */
export interface DueDay {
  date: string;
  weekday: number;
  kind: 'workday' | 'weekend' | 'holiday' | 'make_up_workday';
  name?: string;
  /** The start day (never counted for working days). */
  start: boolean;
  /** For working days: which working day this was (1, 2, …). */
  workingDay?: number;
  /** For working hours: the working hours counted on this day. */
  hours?: number;
}

/** The next calendar date after `date` (`YYYY-MM-DD`). */
function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The calendar of `--config`, else of ./kechuang.config.yaml when there is one, else the mainland default. */
async function calendarFor(ctx: CliContext, configOption: string | undefined, m: CalendarMessages): Promise<{ calendar: WorkingCalendar; source: string }> {
  const file = configOption ?? (existsSync(path.resolve(ctx.io.cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined);
  if (file === undefined) return { calendar: createWorkingCalendar(), source: m.mainlandDefault };
  const { config, shown } = await loadConfigFile(file, ctx.io.cwd, ctx.lang);
  return { calendar: createWorkingCalendar(config.calendar as CalendarConfigInput), source: shown };
}

/** Walks the local dates from the start to the deadline and says what each counted for. */
export function dueDays(calendar: WorkingCalendar, from: Date, due: Date, mode: 'days' | 'hours'): DueDay[] {
  const first = calendar.localDate(from);
  const last = calendar.localDate(due);
  const days: DueDay[] = [];
  let counted = 0;
  for (let date = first; date <= last; date = nextDate(date)) {
    const described = calendar.describeDay(date);
    const day: DueDay = { date, weekday: described.weekday, kind: described.kind, start: date === first, ...(described.name === undefined ? {} : { name: described.name }) };
    if (mode === 'days' && described.working && date !== first) day.workingDay = ++counted;
    if (mode === 'hours' && described.working) {
      const dayStart = parseTime(`${date} 00:00`, calendar.timeZone) ?? from;
      const dayEnd = parseTime(`${nextDate(date)} 00:00`, calendar.timeZone) ?? due;
      const a = new Date(Math.max(from.getTime(), dayStart.getTime()));
      const b = new Date(Math.min(due.getTime(), dayEnd.getTime()));
      day.hours = b > a ? calendar.workingTimeBetween(a, b) / HOUR_MS : 0;
    }
    days.push(day);
  }
  return days;
}

function describe(day: DueDay, m: CalendarMessages): string {
  if (day.start && day.workingDay === undefined && day.hours === undefined) return m.startDay;
  const kind = day.kind === 'weekend' ? m.weekend : day.kind === 'holiday' ? m.holiday(day.name) : day.kind === 'make_up_workday' ? m.makeUp(day.name) : '';
  if (day.workingDay !== undefined) return [kind, m.counted(day.workingDay)].filter((part) => part !== '').join(' · ');
  if (day.hours !== undefined) {
    const hours = Number.isInteger(day.hours) ? String(day.hours) : day.hours.toFixed(2).replace(/0+$/, '');
    return [kind, day.hours > 0 ? m.hoursCounted(hours) : m.noTime].filter((part) => part !== '').join(' · ');
  }
  return kind;
}

/** `kechuang calendar due`. */
export async function runCalendarDue(ctx: CliContext, options: { from?: string; days?: string; hours?: string; config?: string; json: boolean }, m: CalendarMessages): Promise<void> {
  if ((options.days === undefined) === (options.hours === undefined)) throw new CliError(exitCodes.usage, m.oneLimit);
  const { calendar, source } = await calendarFor(ctx, options.config, m);
  const fromText = options.from ?? '';
  const from = parseTime(fromText, calendar.timeZone);
  if (from === undefined) throw new CliError(exitCodes.usage, m.badFrom(fromText));
  let due: Date;
  let limit: string;
  if (options.days !== undefined) {
    const n = Number(options.days);
    if (!/^\d+$/.test(options.days.trim()) || !Number.isSafeInteger(n)) throw new CliError(exitCodes.usage, m.badDays(options.days));
    due = calendar.addWorkingDays(from, n);
    limit = m.workingDays(n);
  } else {
    const text = options.hours ?? '';
    const n = Number(text);
    if (text.trim() === '' || !Number.isFinite(n) || n <= 0) throw new CliError(exitCodes.usage, m.badHours(text));
    due = calendar.addWorkingHours(from, n);
    limit = m.workingHours(n);
  }
  const days = dueDays(calendar, from, due, options.days !== undefined ? 'days' : 'hours');
  if (options.json) {
    ctx.io.out(JSON.stringify({ calendar: source, timeZone: calendar.timeZone, from: from.toISOString(), due: due.toISOString(), limit: options.days !== undefined ? { workingDays: Number(options.days) } : { workingHours: Number(options.hours) }, days }, null, 2));
    return;
  }
  const local = (date: Date): string => formatLocal(date, calendar.timeZone, ctx.lang);
  ctx.io.out(m.calendarFrom(source));
  for (const line of formatTable([
    [m.fromLine, `${local(from)} (${calendar.timeZone})`],
    [m.limitLine, limit],
    [m.dueLine, local(due)],
  ])) ctx.io.out(line);
  ctx.io.out(m.daysLine);
  const weekday = (date: string): string => formatLocal(parseTime(`${date} 12:00`, calendar.timeZone) ?? from, calendar.timeZone, ctx.lang).split(' ')[2] ?? '';
  for (const line of formatTable(days.map((day) => [`  ${day.date}`, weekday(day.date), describe(day, m)]))) ctx.io.out(line);
}
