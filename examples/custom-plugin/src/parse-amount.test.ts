import { describe, expect, it } from 'vitest';
import { formatAmount } from './format-amount.js';
import { parseAmount } from './parse-amount.js';

describe('parseAmount reads a sum as people write it', () => {
  it.each([
    ['12万', 120_000],
    ['12万元', 120_000],
    ['约12万元', 120_000],
    ['大约 12 万元左右', 120_000],
    ['40余万元', 400_000],
    ['12万多', 120_000],
    ['1.2亿', 120_000_000],
    ['1亿2000万元', 120_000_000],
    ['5千万', 50_000_000],
    ['3.5万', 35_000],
    ['80000元', 80_000],
    ['80,000元', 80_000],
    ['¥3500', 3500],
    ['￥３５００', 3500],
    ['人民币1,234,567.89元', 1_234_567.89],
    ['RMB 20000', 20_000],
    ['共计8500块', 8500],
    ['十二万', 120_000],
    ['两千', 2000],
    ['二十五万', 250_000],
    ['一百二十三万四千五百六十七元', 1_234_567],
    ['一千零五元', 1005],
    ['壹拾贰万元整', 120_000],
    ['贰佰伍拾萬圆整', 2_500_000],
    ['3千5百', 3500],
    ['零元', 0],
  ])('%s → %d', (text, yuan) => {
    expect(parseAmount(text)).toBe(yuan);
  });

  it('reads the spoken short forms: a digit after a unit counts in the unit below', () => {
    expect(parseAmount('8万5')).toBe(85_000);
    expect(parseAmount('一千五')).toBe(1500);
    expect(parseAmount('1亿5')).toBe(150_000_000);
    // With 零, or with more digits, the number is read as written.
    expect(parseAmount('8万零5')).toBe(80_005);
    expect(parseAmount('3万5000')).toBe(35_000);
  });

  it('takes a number as yuan, rounded to the fen', () => {
    expect(parseAmount(120000)).toBe(120_000);
    expect(parseAmount(99.999)).toBe(100);
    expect(parseAmount(0)).toBe(0);
  });

  it.each([
    ['not a sum', '不清楚'],
    ['two sums', '12万或15万'],
    ['a negative sum', '-5000'],
    ['jiao and fen', '3元5角'],
    ['a unit without a number', '万元'],
    ['a unit twice', '1万万'],
    ['a lower part as large as the unit', '1万12000'],
    ['digits in a row without units', '一二三'],
    ['an empty text', ''],
    ['a malformed decimal', '1.2.3万'],
  ])('is null for %s (%s)', (_, text) => {
    expect(parseAmount(text)).toBeNull();
  });

  it('is null for what is not a number or a text', () => {
    for (const value of [null, undefined, true, ['12万'], { yuan: 1 }, Number.NaN, Number.POSITIVE_INFINITY, -1]) expect(parseAmount(value)).toBeNull();
  });

  it('reads back every sum a notice states, in either locale', () => {
    // A fixed pseudo-random walk over sums from 0 to about a billion yuan, fen included.
    let seed = 20260302;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 2000; i++) {
      const yuan = (next() % 100_000) * 10 ** (next() % 6) + (i % 3 === 0 ? (next() % 100) / 100 : 0);
      const rounded = Math.round(yuan * 100) / 100;
      expect(parseAmount(formatAmount(rounded, 'zh-CN')), formatAmount(rounded, 'zh-CN')).toBe(rounded);
      expect(parseAmount(formatAmount(rounded, 'en')), formatAmount(rounded, 'en')).toBe(rounded);
    }
  });
});
