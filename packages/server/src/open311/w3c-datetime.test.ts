import { createZoneConverter } from '@kechuang/community/calendar';
import { describe, expect, it } from 'vitest';
import { formatW3c, parseW3c } from './w3c-datetime.js';

describe('formatW3c', () => {
  it("writes the office's wall-clock time with its offset, to the second", () => {
    const instant = new Date('2026-03-02T01:15:30.999Z');
    expect(formatW3c(instant, createZoneConverter('Asia/Shanghai'))).toBe('2026-03-02T09:15:30+08:00');
    expect(formatW3c(instant, createZoneConverter('UTC'))).toBe('2026-03-02T01:15:30+00:00');
    expect(formatW3c(instant, createZoneConverter('America/New_York'))).toBe('2026-03-01T20:15:30-05:00');
    expect(formatW3c(instant, createZoneConverter('Asia/Kolkata'))).toBe('2026-03-02T06:45:30+05:30');
  });

  it('names the same instant it was given', () => {
    const instant = new Date('2026-07-01T16:00:00Z');
    expect(parseW3c(formatW3c(instant, createZoneConverter('America/New_York')))?.getTime()).toBe(instant.getTime());
  });
});

describe('parseW3c', () => {
  it('reads date-times with Z or an offset, with or without seconds and fractions', () => {
    expect(parseW3c('2010-01-01T00:00:00Z')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3c('2010-01-01T08:00+08:00')?.toISOString()).toBe('2010-01-01T00:00:00.000Z');
    expect(parseW3c('1994-11-05T08:15:30.5-05:00')?.toISOString()).toBe('1994-11-05T13:15:30.500Z');
  });

  it('refuses text without a zone, impossible dates and anything else', () => {
    for (const text of ['2010-01-01T00:00:00', '2010-01-01', '2010-02-30T00:00:00Z', '2010-13-01T00:00:00Z', '2010-01-01T24:00:00Z', 'yesterday', '']) {
      expect(parseW3c(text)).toBeNull();
    }
  });
});
