import type { MetricsConfig } from '../config/config-schema.js';
import type { MetricsCounts, MetricsRates } from './metrics-types.js';

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

/**
 * The rates of a group's counts, and their composite: the weighted mean of the response,
 * resolution and satisfaction rates that are not null (a unit with nothing rated is scored on
 * the other two, in proportion to their weights).
 *
 * @example
 * ```ts
 * rates(counts, { response: 0.3, resolution: 0.35, satisfaction: 0.35 }).composite;
 * ```
 */
export function rates(counts: MetricsCounts, weights: MetricsConfig['weights']): MetricsRates {
  const response = ratio(counts.signedOnTime, counts.responseDue);
  const resolution = ratio(counts.resolved, counts.concluded);
  const satisfaction = ratio(counts.satisfied, counts.rated);
  let weighted = 0;
  let weightSum = 0;
  for (const [rate, weight] of [
    [response, weights.response],
    [resolution, weights.resolution],
    [satisfaction, weights.satisfaction],
  ] as const) {
    if (rate === null || weight === 0) continue;
    weighted += rate * weight;
    weightSum += weight;
  }
  return {
    response,
    resolution,
    satisfaction,
    onTime: ratio(counts.concludedOnTime, counts.concludedWithDeadline),
    composite: weightSum === 0 ? null : weighted / weightSum,
  };
}
