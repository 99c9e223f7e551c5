import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { calendarConfigSchema, calendarDayEntrySchema } from '@kechuang/community/calendar';
import type { CalendarDayEntry } from '@kechuang/community';
import type { CliContext } from '../cli-context.js';
import { CliError } from '../cli-error.js';
import { exitCodes } from '../exit-codes.js';
import type { CalendarMessages } from './calendar-messages.js';

type Path = readonly (string | number)[];

/** One problem in the holiday data, with its place in the file. */
export interface CalendarProblem {
  line: number;
  column: number;
  path: Path;
  message: string;
}

const ALLOWED_KEYS = new Set(['extends', 'timeZone', 'officeHours', 'weekend', 'holidays', 'workdays']);

/** The 1-based line and column of `path` in the document: the deepest node that exists. */
function locate(doc: Document, lines: LineCounter, target: Path): { line: number; column: number } {
  let node: unknown = doc.contents;
  let offset = isMap(node) || isSeq(node) || isScalar(node) ? (node.range?.[0] ?? 0) : 0;
  for (const segment of target) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (pair === undefined || !isScalar(pair.key)) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
      // A value problem points at the value when it is a list item or a scalar of its own.
      if ((isMap(node) || isSeq(node) || isScalar(node)) && typeof segment === 'number') offset = node.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (!(isMap(item) || isSeq(item) || isScalar(item))) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}

/** ISO weekday of a date, 1 = Monday … 7 = Sunday. */
function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function datesOf(entry: CalendarDayEntry): string[] {
  if (typeof entry === 'string') return [entry];
  if ('date' in entry) return [entry.date];
  const out: string[] = [];
  for (let day = new Date(`${entry.from}T00:00:00Z`); day.toISOString().slice(0, 10) <= entry.to; day = new Date(day.getTime() + 86_400_000)) out.push(day.toISOString().slice(0, 10));
  return out;
}

/**
 * Checks holiday data: the calendar schema (dates that exist, ranges in order, no date both a
 * holiday and a make-up workday), plus what a schema cannot see: a date listed twice in one
 * list, and a make-up workday that is a working day anyway.
 */
export function checkCalendarText(text: string, m: CalendarMessages): { problems: CalendarProblem[]; years: Map<number, { holidays: number; workdays: number }> } {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const years = new Map<number, { holidays: number; workdays: number }>();
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const { line, col } = lines.linePos(error.pos[0]);
        return { line, column: col, path: [], message: m.syntax(error.message.split('\n')[0] ?? error.message) };
      }),
      years,
    };
  }
  const value: unknown = doc.toJS();
  // A whole config file is fine too: its calendar section is what is checked.
  const prefix: Path = typeof value === 'object' && value !== null && !Array.isArray(value) && 'calendar' in value ? ['calendar'] : [];
  const data: unknown = prefix.length > 0 ? (value as { calendar: unknown }).calendar : value;
  const problem = (at: Path, message: string): CalendarProblem => ({ ...locate(doc, lines, [...prefix, ...at]), path: [...prefix, ...at], message });
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { problems: [problem([], m.notAnObject)], years };
  const problems: CalendarProblem[] = [];
  for (const key of Object.keys(data)) if (!ALLOWED_KEYS.has(key)) problems.push(problem([key], m.unknownKey(key)));
  const known = Object.fromEntries(Object.entries(data).filter(([key]) => ALLOWED_KEYS.has(key)));
  const parsed = calendarConfigSchema.safeParse(known);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(problem(issue.path.filter((p): p is string | number => typeof p !== 'symbol'), issue.message));
  }
  // Entries that are valid on their own are checked further even when others are not, so one
  // run lists every problem.
  const weekend = Array.isArray(known['weekend']) && known['weekend'].every((day) => typeof day === 'number') ? (known['weekend'] as number[]) : [6, 7];
  for (const list of ['holidays', 'workdays'] as const) {
    const raw = known[list];
    if (!Array.isArray(raw)) continue;
    const seen = new Map<string, number>();
    raw.forEach((item: unknown, index) => {
      const entry = calendarDayEntrySchema.safeParse(item);
      if (!entry.success) return;
      const dates = datesOf(entry.data);
      const repeated = dates.find((date) => seen.has(date));
      if (repeated !== undefined) problems.push(problem([list, index], m.listedTwice(repeated, list, seen.get(repeated) ?? 0)));
      if (list === 'workdays') {
        const weekday = dates.find((date) => !weekend.includes(isoWeekday(date)));
        if (weekday !== undefined) problems.push(problem([list, index], m.workdayNotWeekend(weekday)));
      }
      for (const date of dates) {
        if (seen.has(date)) continue;
        seen.set(date, index);
        const year = Number(date.slice(0, 4));
        const tally = years.get(year) ?? { holidays: 0, workdays: 0 };
        tally[list] += 1;
        years.set(year, tally);
      }
    });
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { problems, years };
}

/** `kechuang calendar check <file>`. */
export function runCalendarCheck(ctx: CliContext, file: string, m: CalendarMessages): void {
  const absolute = path.resolve(ctx.io.cwd, file);
  const shown = path.relative(ctx.io.cwd, absolute) || file;
  if (!existsSync(absolute)) throw new CliError(exitCodes.notFound, m.missing(shown));
  const { problems, years } = checkCalendarText(readFileSync(absolute, 'utf8'), m);
  if (problems.length > 0) {
    for (const p of problems) ctx.io.out(`${shown}:${p.line}:${p.column}  ${p.path.length === 0 ? '' : `${p.path.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('').replace(/^\./, '')}: `}${p.message}`);
    ctx.io.err(m.problems(shown, problems.length));
    ctx.setExitCode(exitCodes.problems);
    return;
  }
  ctx.io.out(m.ok(shown));
  for (const [year, tally] of [...years].sort(([a], [b]) => a - b)) ctx.io.out(m.yearSummary(year, tally.holidays, tally.workdays));
}
