import { createWorkingCalendar } from '@kechuang/community/calendar';
import { describe, expect, it } from 'vitest';
import { generateMengchuang } from '../generate-mengchuang.js';
import { createRandom } from '../random.js';
import { FATE_SHARES } from './request-fate.js';
import { DEMO_YEAR_END, DEMO_YEAR_START, planYear } from './year-plan.js';

const calendar = createWorkingCalendar({ extends: 'cn-mainland', timeZone: 'Asia/Shanghai', officeHours: ['08:30-12:00', '13:30-17:30'] });
const directory = generateMengchuang({ enterprises: 800 });
const intakes = planYear(createRandom(1).fork('plan'), directory, calendar);
const requests = intakes.flatMap((i) => i.requests);

describe('planYear', () => {
  it('plans about 418 original requests, in arrival order, inside the year', () => {
    expect(requests.length).toBeGreaterThanOrEqual(410);
    expect(requests.length).toBeLessThanOrEqual(426);
    expect(new Set(requests.map((r) => r.key)).size).toBe(requests.length);
    const times = intakes.map((i) => i.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times[0]).toBeGreaterThanOrEqual(DEMO_YEAR_START.getTime());
    expect(times.at(-1)).toBeLessThan(DEMO_YEAR_END.getTime());
  });

  it('has requests arrive in office hours on working days, none in the Spring Festival holiday', () => {
    expect(intakes.every((i) => calendar.isWorkingTime(i.at))).toBe(true);
    const festival = intakes.filter((i) => {
      const date = calendar.localDate(i.at);
      return date >= '2026-02-15' && date <= '2026-02-23';
    });
    expect(festival).toEqual([]);
    // Make-up Saturdays are working days like any other.
    expect(calendar.isWorkingDay('2026-02-28')).toBe(true);
  });

  it('deals the endings in exact shares and draws the rest per request', () => {
    const count = (f: (r: (typeof requests)[number]) => boolean): number => requests.filter(f).length;
    expect(count((r) => r.fate.withdraw)).toBe(Math.round(requests.length * FATE_SHARES.withdraw));
    expect(count((r) => r.fate.outcome === 'out_of_scope')).toBe(Math.round(requests.length * FATE_SHARES.outOfScope));
    expect(count((r) => r.fate.outcome === 'unsolvable')).toBe(Math.round(requests.length * FATE_SHARES.unsolvable));
    expect(count((r) => r.fate.duplicate !== null)).toBe(Math.round(requests.length * FATE_SHARES.duplicate));
    expect(count((r) => r.fate.withdraw && r.fate.duplicate !== null)).toBe(0);
    expect(count((r) => r.fate.returned !== null)).toBeGreaterThan(0);
    expect(count((r) => r.fate.ratings.length === 2 && r.fate.ratings[0] === 'unsatisfied')).toBeGreaterThan(0);
  });

  it('uses every channel and every category of the config, and captains report only for parked enterprises', () => {
    expect(new Set(intakes.map((i) => i.channel))).toEqual(new Set(['visit', 'captain_report', 'phone', 'walk_in', 'online', 'hotline_12345']));
    expect(new Set(requests.map((r) => r.category)).size).toBe(10);
    expect(intakes.filter((i) => i.channel === 'captain_report').every((i) => i.enterprise.parkCode !== null)).toBe(true);
    expect(intakes.filter((i) => i.requests.length === 2).every((i) => i.channel === 'visit')).toBe(true);
  });

  it('is a pure function of the seed', () => {
    const again = planYear(createRandom(1).fork('plan'), directory, calendar);
    expect(again).toEqual(intakes);
    const other = planYear(createRandom(2).fork('plan'), directory, calendar);
    expect(other.map((i) => i.at.getTime())).not.toEqual(intakes.map((i) => i.at.getTime()));
  });
});
