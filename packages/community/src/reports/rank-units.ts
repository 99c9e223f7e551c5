import type { MetricsDimension, MetricsRow } from '../metrics/metrics-types.js';
import type { ReportUnitRow } from './report-types.js';

// Composites computed from different counts can be equal as numbers yet differ in the last
// bits of the floating point; such units count as tied.
const TIE = 1e-9;

function compareCodes(a: ReportUnitRow, b: ReportUnitRow): number {
  // The group of requests without a unit goes last; the rest by code, then by name.
  const left = a.code ?? (a.id === null ? '\uffff' : a.name.en);
  const right = b.code ?? (b.id === null ? '\uffff' : b.name.en);
  if (left !== right) return left < right ? -1 : 1;
  return a.name.en < b.name.en ? -1 : a.name.en > b.name.en ? 1 : 0;
}

/**
 * The month's metrics rows as ranked units: highest composite score first, ties broken by
 * unit code; units without a composite (nothing to rate) follow, unranked, by code.
 *
 * @example
 * ```ts
 * const units = rankUnits(result.rows, 'park');
 * units[0]?.rank; // 1
 * ```
 */
export function rankUnits(rows: readonly MetricsRow[], unit: MetricsDimension): ReportUnitRow[] {
  const units: ReportUnitRow[] = rows.map((row) => {
    const label = row.labels[unit];
    return {
      rank: null,
      id: row.key[unit] ?? null,
      code: label?.code ?? null,
      name: { 'zh-CN': label?.['zh-CN'] ?? '', en: label?.en ?? '' },
      counts: row.counts,
      rates: row.rates,
      durations: row.durations,
    };
  });
  units.sort((a, b) => {
    const x = a.rates.composite;
    const y = b.rates.composite;
    if (x === null || y === null) {
      if (x !== y) return x === null ? 1 : -1;
    } else if (Math.abs(x - y) > TIE) {
      return y - x;
    }
    return compareCodes(a, b);
  });
  let rank = 0;
  for (const row of units) if (row.rates.composite !== null) row.rank = ++rank;
  return units;
}
