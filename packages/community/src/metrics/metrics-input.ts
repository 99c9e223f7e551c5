import { z } from 'zod';
import { channels } from '../model/request.js';
import { metricsDimensions } from './metrics-types.js';

const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'use a date like 2026-01-31');
const ids = z.array(z.string().min(1).max(64)).min(1).max(1000);

/** The period of a metrics query: a month, a quarter, a year or a range of days (inclusive). */
export const metricsPeriodInput = z.union([
  z.strictObject({
    /** A calendar month, e.g. `2026-01`. */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'use a month like 2026-01'),
  }),
  z.strictObject({
    /** A calendar quarter, e.g. `2026-Q1`. */
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'use a quarter like 2026-Q1'),
  }),
  z.strictObject({
    /** A calendar year, e.g. `2025`. */
    year: z.number().int().min(1971).max(2199),
  }),
  z.strictObject({
    /** The first day, `YYYY-MM-DD`. */
    from: isoDate,
    /** The last day, `YYYY-MM-DD`, inclusive. */
    to: isoDate,
  }),
]);
/**
 * A metrics period: `{ month }`, `{ quarter }`, `{ year }` or `{ from, to }`, in the office's time zone.
 *
 * @useDeclaredType
 */
export type MetricsPeriodInput = z.input<typeof metricsPeriodInput>;

/** Input of `session.metrics.query()` (and `community.metrics.query()`, with `officeId`). */
export const metricsQueryInput = z.strictObject({
  /** The period to count: a month, a quarter, a year or a range of days. */
  period: metricsPeriodInput,
  /** Break the figures down by up to three dimensions. @default [] */
  groupBy: z
    .array(z.enum(metricsDimensions))
    .max(3)
    .default([])
    .refine((list) => new Set(list).size === list.length, { message: 'name each dimension once' }),
  /** Count only these communities, parks, categories, channels or leads. */
  filter: z
    .strictObject({
      /** Community ids. */
      communityId: ids.optional(),
      /** Park ids. */
      parkId: ids.optional(),
      /** Category ids. */
      category: ids.optional(),
      /** Channels. */
      channel: z.array(z.enum(channels)).min(1).optional(),
      /** Member ids of the leads (主办). */
      assigneeId: ids.optional(),
    })
    .default({}),
  /** The moment the figures describe. @default now */
  asOf: z.coerce.date().optional(),
  /**
   * `auto` pushes the work down to the database when the storage adapter can aggregate;
   * `in_memory` fetches the rows and computes in JavaScript (the same figures, slower);
   * `database` insists on the push-down. @default auto
   */
  evaluation: z.enum(['auto', 'database', 'in_memory']).default('auto'),
});
/**
 * What a metrics query takes: the period, the grouping, filters, the moment and where to compute.
 *
 * @useDeclaredType
 */
export type MetricsQueryInput = z.input<typeof metricsQueryInput>;
export type MetricsQuery = z.output<typeof metricsQueryInput>;
