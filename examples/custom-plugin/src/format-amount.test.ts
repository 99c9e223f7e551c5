import { describe, expect, it } from 'vitest';
import { formatAmount } from './format-amount.js';

describe('formatAmount states a sum exactly, as the reader writes sums', () => {
  it('uses 万 and 亿 for round sums in Chinese, yuan otherwise', () => {
    expect(formatAmount(120_000, 'zh-CN')).toBe('12万元');
    expect(formatAmount(35_000, 'zh-CN')).toBe('3.5万元');
    expect(formatAmount(123_400, 'zh-CN')).toBe('12.34万元');
    expect(formatAmount(120_000_000, 'zh-CN')).toBe('1.2亿元');
    expect(formatAmount(123_456, 'zh-CN')).toBe('123,456元');
    expect(formatAmount(8500, 'zh-CN')).toBe('8,500元');
    expect(formatAmount(99.5, 'zh-CN')).toBe('99.5元');
  });

  it('writes CNY with thousands separators in English', () => {
    expect(formatAmount(120_000, 'en')).toBe('CNY 120,000');
    expect(formatAmount(1_234_567.89, 'en')).toBe('CNY 1,234,567.89');
    expect(formatAmount(0, 'en')).toBe('CNY 0');
  });
});
