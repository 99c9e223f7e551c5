import type { NotificationLocale } from '@kechuang/community';

/** `1234567.5` → `1,234,567.5`: grouped by thousands, at most two decimals. */
function grouped(value: number): string {
  const [whole = '0', fraction] = (Math.round(value * 100) / 100).toString().split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A sum in yuan as a notice states it to a reader of `locale`. Chinese readers get 万 and 亿
 * where the sum is a round number of them (`12万元`, `3.5万元`, `1.2亿元`) and yuan otherwise
 * (`8,500元`, `123,456元`), so the figure is always exact; English readers get `CNY 120,000`.
 *
 * @example
 * ```ts
 * formatAmount(120000, 'zh-CN'); // '12万元'
 * formatAmount(123456, 'zh-CN'); // '123,456元'
 * formatAmount(120000, 'en');    // 'CNY 120,000'
 * ```
 */
export function formatAmount(yuan: number, locale: NotificationLocale): string {
  if (locale === 'en') return `CNY ${grouped(yuan)}`;
  if (yuan >= 1e8 && yuan % 1e6 === 0) return `${grouped(yuan / 1e8)}亿元`;
  if (yuan >= 1e4 && yuan % 100 === 0) return `${grouped(yuan / 1e4)}万元`;
  return `${grouped(yuan)}元`;
}
