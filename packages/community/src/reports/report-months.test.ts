import { describe, expect, it } from 'vitest';
import { addMonths, daysInMonth, lastDayOf, monthsBetween } from './report-months.js';

describe('month arithmetic', () => {
  it('moves across years both ways and counts the months between', () => {
    expect(addMonths('2026-02', -23)).toBe('2024-03');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(monthsBetween('2025-03', '2026-02')).toBe(11);
    expect(monthsBetween('2026-02', '2026-02')).toBe(0);
  });

  it('knows the last day of a month, leap years included', () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('2026-12')).toBe('2026-12-31');
  });
});
