import { describe, expect, it } from 'vitest';
import { metricsConfigSchema } from '../config/config-schema.js';
import type { MetricsCounts, MetricsRow } from '../metrics/metrics-types.js';
import { rates } from '../metrics/rates.js';
import { rankUnits } from './rank-units.js';

const weights = metricsConfigSchema.parse({}).weights;

function row(id: string | null, code: string | null, counts: Partial<MetricsCounts>): MetricsRow {
  const all: MetricsCounts = {
    collected: 0, responseDue: 0, signedOnTime: 0, signed: 0, concluded: 0, resolved: 0, concludedWithDeadline: 0, concludedOnTime: 0, rated: 0, satisfied: 0,
    outOfScope: 0, withdrawn: 0, merged: 0, returned: 0, extended: 0, supervised: 0, backlog: 0, overdue: 0, ...counts,
  };
  const name = code ?? '（未指定）';
  return {
    key: { park: id },
    labels: { park: { code, 'zh-CN': name, en: name } },
    counts: all,
    measures: {},
    rates: rates(all, weights),
    durations: { signFor: { p50: null, p90: null }, conclusion: { p50: null, p90: null } },
  };
}

describe('rankUnits', () => {
  it('puts the best composite first, breaks ties by code, and leaves units without a score unranked at the end', () => {
    const units = rankUnits(
      [
        row('a', 'P03', { responseDue: 10, signedOnTime: 9 }),
        row(null, null, { responseDue: 2, signedOnTime: 1 }),
        row('b', 'P02', { responseDue: 10, signedOnTime: 10 }),
        row('c', 'P01', { responseDue: 10, signedOnTime: 9 }),
        row('d', 'P04', { backlog: 3 }),
        // 0.9 again, reached through other counts: the same score as far as ranking goes.
        row('e', 'P00', { responseDue: 30, signedOnTime: 27 }),
        row('f', 'P05', {}),
      ],
      'park',
    );
    expect(units.map((u) => [u.rank, u.code])).toEqual([
      [1, 'P02'],
      [2, 'P00'],
      [3, 'P01'],
      [4, 'P03'],
      [5, null],
      [null, 'P04'],
      [null, 'P05'],
    ]);
    expect(units[4]).toMatchObject({ id: null, name: { 'zh-CN': '（未指定）', en: '（未指定）' } });
  });

  it('puts the group without a unit after the coded ones when they tie', () => {
    const units = rankUnits([row(null, null, { responseDue: 1, signedOnTime: 1 }), row('b', 'P02', { responseDue: 2, signedOnTime: 2 })], 'park');
    expect(units.map((u) => u.code)).toEqual(['P02', null]);
  });
});
