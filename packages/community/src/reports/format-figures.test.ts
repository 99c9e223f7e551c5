import { describe, expect, it } from 'vitest';
import { formatCount, formatDay, formatInstant, formatMonth, formatPercent, hoursNumber, percentNumber, scoreNumber } from './format-figures.js';

describe('figures for print', () => {
  it('rounds rates to one decimal as the decimal value says, not its binary neighbour', () => {
    expect(percentNumber(0.974)).toBe('97.4');
    expect(percentNumber(37 / 38)).toBe('97.4');
    expect(percentNumber(0.9745)).toBe('97.5');
    expect(percentNumber(1)).toBe('100.0');
    expect(percentNumber(0)).toBe('0.0');
    expect(percentNumber(null)).toBe('');
    expect(formatPercent(0.95)).toBe('95.0%');
    expect(formatPercent(null)).toBe('—');
    expect(scoreNumber(0.94605)).toBe('94.6');
    expect(scoreNumber(null)).toBe('');
    expect(hoursNumber(5_400_000)).toBe('1.5');
    expect(hoursNumber(null)).toBe('');
  });

  it('writes counts, months, days and instants the way each locale does', () => {
    expect(formatCount(12345, 'zh-CN')).toBe('12345');
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatMonth('2026-01', 'zh-CN')).toBe('2026年1月');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatDay('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
    expect(formatDay('2025-03-01', 'en')).toBe('1 March 2025');
    expect(formatInstant('2026-01-31T16:00:00.000Z', 'Asia/Shanghai', 'zh-CN')).toBe('2026年2月1日 00:00');
    expect(formatInstant('2026-01-31T16:00:00.000Z', 'Asia/Shanghai', 'en')).toBe('1 February 2026, 00:00');
    expect(formatInstant('2026-01-31T16:00:00.000Z', 'UTC', 'en')).toBe('31 January 2026, 16:00');
  });
});
