import type { MetricsQueryInput } from './metrics-input.js';
import type { MetricsResult } from './metrics-types.js';

/**
 * The three rates (三率) and what stands behind them. Every figure is defined in
 * docs/metrics.md; an office changes the two definitions it may change in its config's
 * `metrics` section.
 *
 * @example
 * ```ts
 * const january = await session.metrics.query({ period: { month: '2026-01' }, groupBy: ['park'] });
 * console.log(january.total.counts.collected, january.total.rates.response);
 * for (const row of january.rows) console.log(row.labels.park?.['zh-CN'], row.rates.composite);
 * ```
 */
export interface MetricsApi {
  /**
   * The figures of a period over the requests you may see, optionally broken down by up to
   * three of: community, park, category, portfolio, assignee, team, channel, month. Pushed
   * down to the database when the storage adapter can aggregate; the same figures otherwise.
   */
  query(input: MetricsQueryInput): Promise<MetricsResult>;
}
