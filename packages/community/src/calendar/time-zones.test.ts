import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from './working-calendar.js';
import { local } from './__fixtures__/local-time.js';
import { createZoneConverter, isValidTimeZone } from './zone-offset.js';

const HOUR = 3_600_000;
const utc = (iso: string): Date => new Date(`${iso}Z`);

describe('zone offsets from Intl', () => {
  it('reads offsets, including half hours and DST', () => {
    expect(createZoneConverter('Asia/Shanghai').offsetAt(Date.UTC(2026, 0, 1))).toBe(8 * HOUR);
    expect(createZoneConverter('Asia/Kolkata').offsetAt(Date.UTC(2026, 0, 1))).toBe(5.5 * HOUR);
    const berlin = createZoneConverter('Europe/Berlin');
    expect(berlin.offsetAt(Date.UTC(2026, 0, 15))).toBe(HOUR);
    expect(berlin.offsetAt(Date.UTC(2026, 6, 15))).toBe(2 * HOUR);
  });

  it('maps wall times to instants: gaps move forward, repeated times take the earlier instant', () => {
    const berlin = createZoneConverter('Europe/Berlin');
    expect(berlin.instantOf(Date.UTC(2026, 2, 29, 1, 30))).toBe(Date.UTC(2026, 2, 29, 0, 30));
    expect(berlin.instantOf(Date.UTC(2026, 2, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1, 30)); // 03:30 CEST
    expect(berlin.instantOf(Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30)); // the CEST one
    expect(berlin.instantOf(Date.UTC(2026, 9, 25, 3, 30))).toBe(Date.UTC(2026, 9, 25, 2, 30));
  });

  it('knows IANA names only', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Asia/Beijing')).toBe(false);
  });
});

describe('a calendar in a zone with daylight saving time (Europe/Berlin)', () => {
  const berlin = createWorkingCalendar({ extends: 'none', timeZone: 'Europe/Berlin', officeHours: ['09:00-17:00'] });
  const inBerlin = (date: Date): string => local(date, 'Europe/Berlin');

  it('counts across the spring change (Sun 2026-03-29, 02:00 → 03:00)', () => {
    expect(berlin.addWorkingHours(utc('2026-03-27T15:00'), 2).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(inBerlin(berlin.addWorkingHours(utc('2026-03-27T15:00'), 2))).toBe('2026-03-30 10:00');
    expect(berlin.addWorkingDays(utc('2026-03-27T09:00'), 1).toISOString()).toBe('2026-03-30T15:00:00.000Z');
    expect(berlin.workingTimeBetween(utc('2026-03-27T08:00'), utc('2026-03-30T15:00'))).toBe(16 * HOUR);
  });

  it('counts across the autumn change (Sun 2026-10-25, 03:00 → 02:00)', () => {
    expect(inBerlin(berlin.addWorkingHours(utc('2026-10-23T14:00'), 2))).toBe('2026-10-26 10:00');
    expect(berlin.addWorkingHours(utc('2026-10-23T14:00'), 2).toISOString()).toBe('2026-10-26T09:00:00.000Z');
    expect(berlin.addWorkingDays(utc('2026-10-23T09:00'), 1).toISOString()).toBe('2026-10-26T16:00:00.000Z');
  });

  it('gives the changeover days their true length', () => {
    const always = createWorkingCalendar({ extends: 'none', timeZone: 'Europe/Berlin', officeHours: ['00:00-24:00'], weekend: [] });
    expect(always.workingTimeBetween(utc('2026-03-28T23:00'), utc('2026-03-29T22:00'))).toBe(23 * HOUR);
    expect(always.workingTimeBetween(utc('2026-10-24T22:00'), utc('2026-10-25T23:00'))).toBe(25 * HOUR);
    expect(inBerlin(always.addWorkingHours(utc('2026-03-28T23:00'), 3))).toBe('2026-03-29 04:00');
    expect(always.localDate(utc('2026-03-29T21:59'))).toBe('2026-03-29');
    expect(always.localDate(utc('2026-03-29T22:00'))).toBe('2026-03-30');
  });

  it('handles an office interval that spans the change itself', () => {
    const night = createWorkingCalendar({ extends: 'none', timeZone: 'Europe/Berlin', officeHours: ['01:00-04:00'], weekend: [] });
    // 01:00–02:00 CET, then 03:00–04:00 CEST: two hours of office time.
    expect(night.workingTimeBetween(utc('2026-03-28T12:00'), utc('2026-03-29T12:00'))).toBe(2 * HOUR);
    expect(inBerlin(night.addWorkingHours(utc('2026-03-29T00:30'), 1))).toBe('2026-03-29 03:30');
    // 01:00 CEST … 04:00 CET, through 02:00–03:00 twice: four hours.
    expect(night.workingTimeBetween(utc('2026-10-24T12:00'), utc('2026-10-25T12:00'))).toBe(4 * HOUR);
  });
});

describe('zones west of UTC and midnight changes', () => {
  it('America/New_York: local dates lag UTC, and its DST starts Sun 2026-03-08', () => {
    const newYork = createWorkingCalendar({ extends: 'none', timeZone: 'America/New_York', officeHours: ['09:00-17:00'] });
    expect(newYork.localDate(utc('2026-03-07T03:00'))).toBe('2026-03-06');
    expect(local(newYork.addWorkingHours(utc('2026-03-06T21:00'), 2), 'America/New_York')).toBe('2026-03-09 10:00');
    expect(newYork.addWorkingDays(utc('2026-03-07T03:00'), 1).toISOString()).toBe('2026-03-09T21:00:00.000Z');
  });

  it('America/Santiago: a day that starts at 01:00 because midnight is skipped', () => {
    const santiago = createWorkingCalendar({ extends: 'none', timeZone: 'America/Santiago', officeHours: ['00:00-24:00'], weekend: [] });
    // Chile moves from -04:00 to -03:00 at 00:00 on Sun 2026-09-06.
    expect(santiago.localDate(utc('2026-09-06T03:59'))).toBe('2026-09-05');
    expect(santiago.localDate(utc('2026-09-06T04:00'))).toBe('2026-09-06');
    expect(local(utc('2026-09-06T04:00'), 'America/Santiago')).toBe('2026-09-06 01:00');
    expect(santiago.workingTimeBetween(utc('2026-09-06T04:00'), utc('2026-09-07T03:00'))).toBe(23 * HOUR);
  });
});

describe('the zone of the process does not matter', () => {
  const script = fileURLToPath(new URL('./__fixtures__/print-deadlines.ts', import.meta.url));
  const root = fileURLToPath(new URL('../../../../', import.meta.url));
  const run = async (tz: string): Promise<string[]> => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    return stdout.trim().split('\n');
  };

  it('computes the same Shanghai deadlines under TZ=UTC, America/New_York, Asia/Shanghai and Pacific/Kiritimati', async () => {
    const expected = [
      '2026-10-10T09:30:00.000Z',
      '2025-01-27T09:30:00.000Z',
      '2025-10-11T03:00:00.000Z',
      '2026-02-14T09:30:00.000Z',
      '2026-02-24T09:30:00.000Z',
      '2026-01-01',
      'true',
      String(22.5 * HOUR),
    ];
    const offsets: Record<string, string> = { UTC: '0', 'America/New_York': '300', 'Asia/Shanghai': '-480', 'Pacific/Kiritimati': '-840' };
    const outputs = await Promise.all(Object.keys(offsets).map(run));
    for (const [index, [tz, offset]] of Object.entries(offsets).entries()) {
      const lines = outputs[index] ?? [];
      // The child really ran in that zone...
      expect(lines.at(-1), tz).toBe(`TZ offset of this process: ${offset}`);
      // ...and computed exactly the same Shanghai deadlines.
      expect(lines.slice(0, -1), tz).toEqual(expected);
    }
  }, 60_000);
});
