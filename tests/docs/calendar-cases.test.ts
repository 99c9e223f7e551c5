import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCommunity, createWorker, isKechuangError, manualClock, memoryStorage, slaState, type ServiceRequest } from '@kechuang/community';
import { createWorkingCalendar, mainlandChina, type WorkingCalendar } from '@kechuang/community/calendar';
import { parseOfficeConfig } from '@kechuang/community/config';

// docs/calendars-and-slas.md states dates; this test reads the page and recomputes each one
// with the SDK, so the guide cannot drift from the calendar data or the SLA engine.
const page = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'calendars-and-slas.md'), 'utf8');
const calendar = createWorkingCalendar();
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const HOUR_MS = 3_600_000;

/** The lines of the section under a heading, up to the next heading of the same or a higher level. */
function section(heading: string): string[] {
  const lines = page.split('\n');
  const start = lines.findIndex((line) => /^#+ /.test(line) && line.replace(/^#+ /, '') === heading);
  if (start < 0) throw new Error(`docs/calendars-and-slas.md has no heading "${heading}"`);
  const level = /^#+/.exec(lines[start] ?? '')?.[0].length ?? 2;
  const end = lines.findIndex((line, i) => i > start && /^#+ /.test(line) && (/^#+/.exec(line)?.[0].length ?? 0) <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

interface Table {
  header: string[];
  rows: string[][];
}

/** The Markdown tables of some lines, cells trimmed and without bold marks. */
function tables(lines: readonly string[]): Table[] {
  const found: Table[] = [];
  let current: string[][] = [];
  const flush = (): void => {
    const [header, , ...rows] = current;
    if (header) found.push({ header, rows });
    current = [];
  };
  for (const line of lines) {
    if (!line.startsWith('|')) {
      if (current.length > 0) flush();
      continue;
    }
    current.push(line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((cell) => cell.replaceAll('**', '').trim()));
  }
  if (current.length > 0) flush();
  return found;
}

function table(heading: string, firstHeader: string): Table {
  const found = tables(section(heading)).find((t) => t.header[0] === firstHeader);
  if (!found) throw new Error(`no table starting with "${firstHeader}" under "${heading}"`);
  return found;
}

/** An instant as the page writes it: `Fri 2025-10-10 17:30`, Asia/Shanghai. */
function shown(at: Date, cal: WorkingCalendar = calendar): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: cal.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const day = cal.describeDay(at);
  return `${WEEKDAYS[day.weekday - 1]} ${day.date} ${time}`;
}

/** Parses `Fri 2025-09-26 10:00` (Asia/Shanghai), checking the weekday. */
function instant(text: string): Date {
  const match = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not written as "Fri 2025-09-26 10:00"`);
  const at = new Date(`${match[2]}T${match[3]}:00+08:00`);
  expect(shown(at), `the weekday of ${text}`).toBe(text.trim());
  return at;
}

/** `5 working days` or `4 working hours`. */
function limitOf(text: string): { days: number } | { hours: number } {
  const match = /(\d+(?:\.\d+)?) working (days|hours)/.exec(text);
  if (!match) throw new Error(`"${text}" names no limit`);
  return match[2] === 'days' ? { days: Number(match[1]) } : { hours: Number(match[1]) };
}

function due(cal: WorkingCalendar, from: Date, limit: { days: number } | { hours: number }): Date {
  return 'days' in limit ? cal.addWorkingDays(from, limit.days) : cal.addWorkingHours(from, limit.hours);
}

/** `Sun 09-28`-style days in a cell, as full dates of the year of `from` (or the next, past December). */
function daysIn(cell: string, year: number): { weekday: string; date: string }[] {
  let current = year;
  let lastMonth = 0;
  return [...cell.matchAll(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{2})-(\d{2})/g)].map((m) => {
    const month = Number(m[2]);
    if (month < lastMonth) current++;
    lastMonth = month;
    return { weekday: m[1] ?? '', date: `${current}-${m[2]}-${m[3]}` };
  });
}

const weekdayOf = (date: string): string => WEEKDAYS[calendar.describeDay(date).weekday - 1] ?? '';

/** The dates from a (inclusive) to b (inclusive), `YYYY-MM-DD`. */
function datesBetween(a: string, b: string): string[] {
  const out: string[] = [];
  for (let day = new Date(`${a}T00:00:00Z`); day.toISOString().slice(0, 10) <= b; day = new Date(day.getTime() + 86_400_000)) out.push(day.toISOString().slice(0, 10));
  return out;
}

const nextDate = (date: string, step: number): string => new Date(new Date(`${date}T00:00:00Z`).getTime() + step * 86_400_000).toISOString().slice(0, 10);

describe('docs/calendars-and-slas.md: the calendar', () => {
  it('lists the shipped mainland holidays and make-up workdays as the data has them', () => {
    const { rows } = table('The mainland schedules as data', 'Holiday');
    expect(rows).toHaveLength(mainlandChina.holidays.length);
    let makeUpDays = 0;
    for (const [name = '', off = '', work = ''] of rows) {
      const year = Number(/^\d{4}/.exec(name)?.[0]);
      const label = /\(([^)]+)\)/.exec(name)?.[1];
      const bounds = [...off.matchAll(/(\d{2})-(\d{2})/g)].map((m) => `${year}-${m[1]}-${m[2]}`);
      const first = bounds[0] ?? '';
      const last = bounds[1] ?? first;
      for (const date of datesBetween(first, last)) expect(calendar.describeDay(date), `${name}: ${date}`).toMatchObject({ kind: 'holiday', name: label });
      // The range is whole: the days around it are not part of the holiday.
      expect(calendar.describeDay(nextDate(first, -1)).name, `${name}: the day before`).not.toBe(label);
      expect(calendar.describeDay(nextDate(last, 1)).name, `${name}: the day after`).not.toBe(label);
      for (const { weekday, date } of daysIn(work, year)) {
        expect(calendar.describeDay(date), `${name}: make-up ${date}`).toMatchObject({ kind: 'make_up_workday', working: true });
        expect(weekday, `${name}: the weekday of ${date}`).toBe(weekdayOf(date));
        makeUpDays++;
      }
    }
    expect(makeUpDays).toBe(mainlandChina.workdays.length);
  });

  it('computes every worked case as the table states it', () => {
    const { header, rows } = table('Worked cases', 'Case');
    expect(header).toEqual(['Case', 'Submitted', 'Limit', 'Counts', 'Deadline']);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const [name = '', submittedText = '', limitText = '', counts = '', deadline = ''] of rows) {
      const submitted = instant(submittedText);
      const limit = limitOf(limitText);
      const computed = due(calendar, submitted, limit);
      expect(shown(computed), name).toBe(deadline);
      if ('days' in limit) {
        // The days listed are exactly the working days after the start day, up to the deadline.
        const counted = datesBetween(nextDate(calendar.localDate(submitted), 1), calendar.localDate(computed)).filter((date) => calendar.isWorkingDay(date));
        const listed = daysIn(counts, submitted.getUTCFullYear());
        expect(listed.map((d) => d.date), name).toEqual(counted);
        for (const { weekday, date } of listed) {
          expect(weekday, `${name}: the weekday of ${date}`).toBe(weekdayOf(date));
          expect(counts.includes(`${date.slice(5)} (调休)`), `${name}: ${date} marked 调休 exactly when it is a make-up workday`).toBe(calendar.describeDay(date).kind === 'make_up_workday');
        }
      } else {
        // `1.5 h on Fri 10-10`: the office time the limit uses on each day.
        const parts = [...counts.matchAll(/(\d+(?:\.\d+)?) h on (Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\d{2})-(\d{2})/g)];
        expect(parts.length, name).toBeGreaterThan(0);
        let total = 0;
        for (const part of parts) {
          const date = `${submitted.getUTCFullYear()}-${part[3]}-${part[4]}`;
          expect(part[2], `${name}: the weekday of ${date}`).toBe(weekdayOf(date));
          const dayStart = new Date(`${date}T00:00:00+08:00`);
          const dayEnd = new Date(dayStart.getTime() + 24 * HOUR_MS);
          const from = new Date(Math.max(submitted.getTime(), dayStart.getTime()));
          const to = new Date(Math.min(computed.getTime(), dayEnd.getTime()));
          expect(calendar.workingTimeBetween(from, to) / HOUR_MS, `${name}: hours on ${date}`).toBe(Number(part[1]));
          total += Number(part[1]);
        }
        expect(total, name).toBe(limit.hours);
      }
    }
  });

  it('a calendar that knew only weekends would put the first case on a holiday', () => {
    const weekendsOnly = createWorkingCalendar({ extends: 'none' });
    const wrong = weekendsOnly.addWorkingDays(instant('Fri 2025-09-26 10:00'), 5);
    expect(shown(wrong, weekendsOnly)).toBe('Fri 2025-10-03 17:30');
    expect(calendar.isHoliday(wrong)).toBe(true);
    expect(section('Worked cases').join('\n')).toContain('would give Fri Oct 3');
  });

  it('moves a deadline into the next year once the office adds that year', () => {
    const { header, rows } = table('Adding a year', 'Calendar');
    const [, question = ''] = header;
    const submitted = instant(/of (.+?) \+/.exec(question)?.[1] ?? '');
    const limit = limitOf(question);
    const [without, withNewYear] = rows;
    expect(without?.[0]).toBe('Without 2027 data');
    expect(shown(due(calendar, submitted, limit))).toBe(without?.[1]);
    expect(withNewYear?.[0]).toContain("{ date: '2027-01-01', name: 元旦 }");
    const added = createWorkingCalendar({ holidays: [{ date: '2027-01-01', name: '元旦' }] });
    expect(added.scheduledYears).toEqual([2025, 2026, 2027]);
    expect(shown(due(added, submitted, limit), added)).toBe(withNewYear?.[1]);
  });

  it('gives the values the code example prints', () => {
    const code = section('The calendar in code').join('\n');
    const submitted = new Date('2025-09-26T10:00:00+08:00');
    const deadline = calendar.addWorkingDays(submitted, 5);
    expect(code).toContain(`// ${deadline.toISOString()}: 17:30 in Shanghai`);
    const day = calendar.describeDay('2025-09-28');
    expect(code).toContain(`// { date: '${day.date}', weekday: ${day.weekday}, kind: '${day.kind}', working: ${day.working}, name: '${day.name ?? ''}' }`);
    expect(code).toContain(`new Date('2025-10-14T09:00:00+08:00'))); // ${calendar.workingDaysBetween(deadline, new Date('2025-10-14T09:00:00+08:00'))}`);
  });

  it('every YAML block is valid office config', () => {
    const blocks = [...page.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) {
      // Blocks show one section; the routing section every config needs is added when missing.
      const text = /^routing:/m.test(block) ? block : `${block}routing:\n  fallback:\n    assign: { role: station_head }\n`;
      expect(() => parseOfficeConfig(text), block).not.toThrow();
    }
  });
});

/** The office of "One request through its policy", its config stored from the page's YAML. */
async function walkThroughOffice() {
  const yaml = /```yaml\n([\s\S]*?)```/.exec(section('One request through its policy').join('\n'))?.[1];
  if (yaml === undefined) throw new Error('the walk-through has no YAML block');
  const moments = new Map(tables(section('One request through its policy')).flatMap((t) => t.rows.map(([key = '', when = ''] ) => [key, when] as const)));
  const when = (prefix: string): Date => {
    const found = [...moments].find(([key]) => key.startsWith(prefix));
    if (!found) throw new Error(`the walk-through has no row "${prefix}…"`);
    return instant(found[1]);
  };
  const clock = manualClock(when('Submitted'));
  const community = createCommunity({ storage: memoryStorage(), clock });
  const office = await community.offices.create({ code: 'cangqian', name: '仓前街道' });
  const system = community.as({ kind: 'system', officeId: office.id });
  const mc = await system.communities.create({ code: 'MC', name: '梦创社区' });
  const commissioner = await system.members.create({ code: 'C001', name: '赵专员', roles: [{ role: 'commissioner', portfolio: 'economic_development' }] });
  const stationHead = await system.members.create({ code: 'S001', name: '王站长', roles: [{ role: 'station_head' }] });
  const officeStaff = await system.members.create({ code: 'S003', name: '周科员', roles: [{ role: 'office_staff' }] });
  await system.config.update(yaml);
  const request = await system.requests.submit({ communityId: mc.id, channel: 'phone', category: 'talent', title: '咨询人才公寓申请条件' });
  const as = (memberId: string) => community.as({ kind: 'member', officeId: office.id, memberId });
  return { community, clock, system, request, commissioner, stationHead, officeStaff, as, when };
}

describe('docs/calendars-and-slas.md: one request through its policy', () => {
  it('schedules the deadlines, reminders and escalation steps at the times the table gives', async () => {
    const { community, clock, system, request, commissioner, officeStaff, stationHead, as, when } = await walkThroughOffice();
    expect(request.createdAt).toEqual(when('Submitted'));
    expect(request.assigneeId).toBe(commissioner.id);
    expect(request.slaPolicy).toBe('assistance');
    expect(request.respondDueAt).toEqual(when('Respond deadline'));
    expect(request.resolveDueAt).toEqual(when('Resolve deadline'));
    expect(request.dueSoonAt).toEqual(when('Second reminder'));
    // "The working time from submission to the deadline is 43.5 hours."
    expect(calendar.workingTimeBetween(request.createdAt, when('Resolve deadline')) / HOUR_MS).toBe(43.5);

    // The return window: refused a moment after it closes, naming when it closed.
    const closes = when('Return window closes');
    clock.set(new Date(closes.getTime() + 1));
    const refusal = await as(commissioner.id).requests.return({ requestId: request.id, reason: '不属于经济发展条线' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isKechuangError(refusal) && refusal.code).toBe('INVALID_TRANSITION');
    expect(isKechuangError(refusal) && refusal.details).toMatchObject({ reason: 'return_window_closed', closedAt: closes.toISOString() });

    const fired: string[] = [];
    community.events.on('sla.reminder', ({ share }) => {
      fired.push(`reminder ${share}`);
    });
    community.events.on('request.escalate', ({ request: escalated }) => {
      fired.push(`escalation ${escalated.escalationLevel}`);
    });
    const worker = createWorker(community);
    const light = async (): Promise<string> => slaState((await system.requests.get(request.id)).request, clock.now(), true);
    /** Nothing fires a millisecond before `at`; exactly `expected` fires at it. */
    const firesAt = async (at: Date, expected: string[]): Promise<void> => {
      fired.length = 0;
      clock.set(new Date(at.getTime() - 1));
      await worker.runOnce();
      expect(fired, `before ${at.toISOString()}`).toEqual([]);
      clock.set(at);
      await worker.runOnce();
      expect(fired.sort(), `at ${at.toISOString()}`).toEqual(expected);
    };

    await firesAt(when('First reminder'), ['reminder 0.5']);
    clock.set(new Date(when('Second reminder').getTime() - 1));
    expect(await light()).toBe('on_time');
    await firesAt(when('Second reminder'), ['reminder 0.8']);
    expect(await light()).toBe('due_soon');
    await firesAt(when('Resolve deadline'), ['escalation 1', 'reminder 1']);
    clock.set(new Date(when('Resolve deadline').getTime() + 1));
    expect(await light()).toBe('overdue');
    await firesAt(when('Escalation level 2'), ['escalation 2']);
    const { request: escalated } = await system.requests.get(request.id);
    expect(escalated.escalationLevel).toBe(2);
    expect(escalated.watchers).toEqual(expect.arrayContaining([stationHead.id, officeStaff.id]));
  });

  it('moves the resolve deadline by a pause and an extension as the table gives', async () => {
    const { clock, request, commissioner, stationHead, as } = await walkThroughOffice();
    const lead = as(commissioner.id).requests;
    await lead.accept({ requestId: request.id });
    await lead.start({ requestId: request.id });
    clock.set(instant('Mon 2025-09-29 09:00'));
    await lead.pause({ requestId: request.id, reason: '等待企业补充社保缴纳证明' });
    clock.set(instant('Tue 2025-09-30 09:00'));
    const resumed: ServiceRequest = await lead.resume({ requestId: request.id });
    const moments = tables(section('One request through its policy'))[1]?.rows ?? [];
    const [pauseRow, extensionRow] = moments;
    expect(pauseRow?.[0]).toContain('After a pause from Mon 09-29 09:00 to Tue 09-30 09:00');
    expect(shown(resumed.resolveDueAt ?? new Date(Number.NaN))).toBe(pauseRow?.[1]);

    expect(extensionRow?.[0]).toContain('After an extension of 3 working days');
    await lead.requestExtension({ requestId: request.id, workingDays: 3, reason: '需等待人社部门审核' });
    const approved = await as(stationHead.id).requests.decideExtension({ requestId: request.id, approve: true, note: '同意延期' });
    expect(shown(approved.resolveDueAt ?? new Date(Number.NaN))).toBe(extensionRow?.[1]);
    expect(approved.extension).toMatchObject({ status: 'approved', previousDueAt: resumed.resolveDueAt?.toISOString() });
  });
});
