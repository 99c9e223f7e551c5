import { metricsConfigSchema } from '../../config/config-schema.js';
import type { MetricsQueryInput } from '../../metrics/metrics-input.js';
import type { MetricsCounts, MetricsDimension, MetricsLabel, MetricsResult, MetricsRow } from '../../metrics/metrics-types.js';
import { rates } from '../../metrics/rates.js';
import { gatherMonthlyReport, type ReportSources } from '../gather-report.js';
import { monthlyReportInput, type MonthlyReportInput } from '../report-input.js';
import { addMonths, monthsBetween } from '../report-months.js';
import type { MonthlyReportData } from '../report-types.js';

const HOUR = 3_600_000;
const settings = metricsConfigSchema.parse({});

const zero: MetricsCounts = {
  collected: 0, responseDue: 0, signedOnTime: 0, signed: 0, concluded: 0, resolved: 0, concludedWithDeadline: 0, concludedOnTime: 0,
  rated: 0, satisfied: 0, outOfScope: 0, withdrawn: 0, merged: 0, returned: 0, extended: 0, supervised: 0, backlog: 0, overdue: 0,
};

/** A park's name that tries to run a script in HTML. */
export const SCRIPT_PARK = '<script>alert("x")</script>';
/** A park's name that tries to run a formula in a spreadsheet, with a comma and quotes to quote. */
export const FORMULA_PARK = '=HYPERLINK("http://x","点我"), 园区';

function metricsRow(key: Partial<Record<MetricsDimension, string | null>>, labels: Partial<Record<MetricsDimension, MetricsLabel>>, counts: Partial<MetricsCounts>, signForHours: number | null = null): MetricsRow {
  const all = { ...zero, ...counts };
  all.concludedWithDeadline ||= all.concluded;
  all.concludedOnTime ||= Math.max(0, all.concluded - all.overdue);
  all.signed ||= all.signedOnTime;
  return {
    key,
    labels,
    counts: all,
    measures: {},
    rates: rates(all, settings.weights),
    durations: { signFor: { p50: signForHours === null ? null : signForHours * HOUR, p90: null }, conclusion: { p50: null, p90: null } },
  };
}

const park = (code: string, name: string): { key: { park: string }; labels: { park: MetricsLabel } } => ({
  key: { park: `id-${code}` },
  labels: { park: { code, 'zh-CN': name, en: name } },
});

/**
 * January 2026 by park, made by hand: five parks whose counts add up to the office's 38
 * collected, 35 concluded and 32 resolved; one park with a script for a name, one with a
 * formula, one with nothing to rate.
 */
export function sampleParkRows(): MetricsRow[] {
  const p = (code: string, name: string, counts: Partial<MetricsCounts>, hours: number | null = null): MetricsRow => {
    const { key, labels } = park(code, name);
    return metricsRow(key, labels, counts, hours);
  };
  return [
    p('P01', '梦想小镇一号园', { collected: 14, responseDue: 14, signedOnTime: 14, concluded: 13, resolved: 13, rated: 8, satisfied: 8, backlog: 1 }, 1.5),
    p('P02', '仓前数字产业园', { collected: 10, responseDue: 10, signedOnTime: 9, concluded: 9, resolved: 8, rated: 5, satisfied: 4, backlog: 1, overdue: 1 }, 2),
    p('P03', SCRIPT_PARK, { collected: 8, responseDue: 8, signedOnTime: 8, concluded: 7, resolved: 6, rated: 4, satisfied: 4, backlog: 1, overdue: 1 }, 0.5),
    p('P04', FORMULA_PARK, { collected: 6, responseDue: 6, signedOnTime: 6, concluded: 6, resolved: 5, rated: 3, satisfied: 3 }),
    p('P05', '新建园区', { backlog: 2, overdue: 2 }),
  ];
}

/**
 * `count` parks with figures that vary from park to park (a fixed pattern, no randomness):
 * every third park has overdue requests, every seventh nothing to rate.
 */
export function manyParkRows(count: number): MetricsRow[] {
  return Array.from({ length: count }, (_, i) => {
    const code = `P${String(i + 1).padStart(2, '0')}`;
    const { key, labels } = park(code, `${['星汇', '梦想', '仓前', '云栖', '未来'][i % 5]}${['科创园', '数字产业园', '工业厂区', '创业小镇'][i % 4]}${i + 1}号`);
    if (i % 7 === 6) return metricsRow(key, labels, { backlog: 1, overdue: 1 });
    const collected = 4 + (i % 9);
    const late = i % 4 === 0 ? 1 : 0;
    const concluded = collected - (i % 3);
    return metricsRow(key, labels, {
      collected,
      responseDue: collected,
      signedOnTime: collected - late,
      concluded,
      resolved: concluded - (i % 5 === 0 ? 2 : i % 2),
      rated: concluded,
      satisfied: concluded - (i % 6 === 0 ? 1 : 0),
      backlog: i % 3,
      overdue: i % 3 === 0 ? 1 + (i % 4) : 0,
    }, 1 + (i % 5) / 2);
  });
}

/** The by-month series from March 2025 to January 2026: 460 collected, 320 resolved in all. */
export const SAMPLE_SERIES: readonly [string, number, number][] = [
  ['2025-03', 30, 18], ['2025-04', 36, 24], ['2025-05', 40, 27], ['2025-06', 42, 29], ['2025-07', 45, 31], ['2025-08', 44, 31],
  ['2025-09', 48, 34], ['2025-10', 39, 28], ['2025-11', 50, 36], ['2025-12', 48, 30], ['2026-01', 38, 32],
];

function result(period: MetricsResult['period'], groupBy: MetricsDimension[], rows: MetricsRow[]): MetricsResult {
  const sum = { ...zero };
  for (const row of rows) for (const k of Object.keys(zero) as (keyof MetricsCounts)[]) sum[k] += row.counts[k];
  return {
    officeId: 'office-1',
    period,
    asOf: new Date('2026-02-01T01:00:00Z'),
    groupBy,
    settings,
    evaluation: 'database',
    measures: {},
    total: metricsRow({}, {}, sum, 1.5),
    rows,
  };
}

const period = (from: string, to: string, kind: MetricsResult['period']['kind']): MetricsResult['period'] => ({
  kind,
  label: kind === 'month' ? from.slice(0, 7) : `${from}..${to}`,
  from,
  to,
  start: new Date(`${from}T00:00:00+08:00`),
  end: new Date(`${to}T24:00:00+08:00`),
  timeZone: 'Asia/Shanghai',
});

/**
 * Report sources that answer every query from the hand-made figures above, whatever the
 * month asked: the month by park, the series by month, the cumulative total.
 */
export function sampleSources(options: { parks?: MetricsRow[]; subject?: { office: string | null; community: string | null } } = {}): ReportSources & { queries: MetricsQueryInput[] } {
  const queries: MetricsQueryInput[] = [];
  return {
    queries,
    async metrics(input) {
      queries.push(input);
      const p = input.period;
      if ('month' in p) return result(period(`${p.month}-01`, `${p.month}-31`, 'month'), input.groupBy ?? [], options.parks ?? sampleParkRows());
      if (!('from' in p)) throw new Error('sample sources answer months and ranges only');
      // Every month of the range gets a row, as metrics gives them; months outside the sample are empty.
      const months = Array.from({ length: monthsBetween(p.from.slice(0, 7), p.to.slice(0, 7)) + 1 }, (_, i) => {
        const month = addMonths(p.from.slice(0, 7), i);
        const [, collected, resolved] = SAMPLE_SERIES.find(([m]) => m === month) ?? [month, 0, 0];
        return metricsRow({ month }, {}, { collected, concluded: resolved > 0 ? resolved + 3 : 0, resolved });
      });
      const groupBy = input.groupBy ?? [];
      // The total is over every month either way; rows only when asked by month.
      return { ...result(period(p.from, p.to, 'range'), groupBy, months), rows: groupBy.includes('month') ? months : [] };
    },
    subject: async () => options.subject ?? { office: '仓前街道', community: '梦创社区' },
    now: () => new Date('2026-02-03T01:30:00Z'),
  };
}

/**
 * The sample gathered into report data, January 2026 since 1 March 2025 unless told.
 *
 * @example
 * ```ts
 * const data = await sampleReport({ locale: 'en' });
 * ```
 */
export async function sampleReport(input: Partial<MonthlyReportInput> = {}, sources = sampleSources()): Promise<MonthlyReportData> {
  return gatherMonthlyReport(sources, monthlyReportInput.parse({ month: '2026-01', since: '2025-03-01', ...input }));
}
