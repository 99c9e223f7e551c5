import { describe, expect, it } from 'vitest';
import { formatLocal, parseTime } from './parse-time.js';

describe('parseTime', () => {
  it('reads wall-clock time in the given zone, whatever the zone of the process', () => {
    expect(parseTime('2026-09-30 16:00', 'Asia/Shanghai')?.toISOString()).toBe('2026-09-30T08:00:00.000Z');
    expect(parseTime('2026-09-30T16:00:30', 'Asia/Shanghai')?.toISOString()).toBe('2026-09-30T08:00:30.000Z');
    expect(parseTime('2026-09-30', 'Asia/Shanghai')?.toISOString()).toBe('2026-09-29T16:00:00.000Z');
    expect(parseTime('2026-03-29 12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T10:00:00.000Z');
    expect(parseTime('2026-01-15 12:00', 'Europe/Berlin')?.toISOString()).toBe('2026-01-15T11:00:00.000Z');
  });

  it('takes a time with an offset as it is', () => {
    expect(parseTime('2026-09-30T16:00+08:00', 'Europe/Berlin')?.toISOString()).toBe('2026-09-30T08:00:00.000Z');
    expect(parseTime('2026-09-30T08:00:00Z', 'Asia/Shanghai')?.toISOString()).toBe('2026-09-30T08:00:00.000Z');
  });

  it('refuses what is not a time or not a date', () => {
    for (const text of ['tomorrow', '2026-02-30 10:00', '2026-13-01', '2026-09-30 24:00', '']) expect(parseTime(text, 'Asia/Shanghai')).toBeUndefined();
  });
});

describe('formatLocal', () => {
  it('prints the local date, time and weekday in either language', () => {
    const due = new Date('2026-10-10T09:30:00Z');
    expect(formatLocal(due, 'Asia/Shanghai', 'en')).toBe('2026-10-10 17:30 Sat');
    expect(formatLocal(due, 'Asia/Shanghai', 'zh-CN')).toBe('2026-10-10 17:30 周六');
  });
});
