import type { OpenAPIHono } from '@hono/zod-openapi';
import { metricsQueryInput } from '@kechuang/community/schemas';
import type { ServerEnv } from '../http/server-env.js';
import { metricsResultSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

/** 三率: the rates, counts and durations of a period. */
export function registerMetricsRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'post',
    path: '/api/metrics/query',
    tag: 'Metrics',
    summary: 'The three rates (三率), counts and durations of a period, over the requests you may see',
    description:
      'Read-only (POST only because the query is structured). `period` is a month, a quarter, a year or a range of days; `groupBy` breaks the figures down by up to three of community, park, category, portfolio, assignee, team, channel, month.',
    body: metricsQueryInput,
    response: metricsResultSchema,
    handler: ({ session, body }) => session.metrics.query(body as never),
  });
}
