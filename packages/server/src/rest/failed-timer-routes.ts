import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { ServerEnv } from '../http/server-env.js';
import { pageOptions, pageQueryFields } from './page-query.js';
import { failedTimerPageSchema, failedTimerSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

const TAG = 'Timers';

/** Timers the worker gave up on, and firing one again: the timers' side of the dead letters. */
export function registerFailedTimerRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'get',
    path: '/api/timers/failed',
    tag: TAG,
    summary: "The office's timers that failed for good, oldest first",
    description:
      'Station head and office staff only. `lastError`, `attempts` and `failedAt` say what went wrong and when. Narrow with `kind` and/or `requestId`; follow `nextCursor` with `cursor`.',
    query: z.strictObject({
      ...pageQueryFields,
      kind: z.string().min(1).optional().openapi({ description: 'Only timers of this kind, e.g. `sla.reminder` or `progress-reports.report`.' }),
      requestId: z.string().min(1).optional().openapi({ description: 'Only the timers of this request.' }),
    }),
    response: failedTimerPageSchema,
    handler: ({ session, query }) => {
      const { limit, cursor } = pageOptions(query);
      const { kind, requestId } = query as { kind?: string; requestId?: string };
      return session.timers.failed({
        ...(limit !== undefined ? { limit } : {}),
        ...(cursor !== undefined ? { after: cursor } : {}),
        ...(kind !== undefined ? { kind } : {}),
        ...(requestId !== undefined ? { requestId } : {}),
      });
    },
  });
  jsonRoute(app, {
    method: 'post',
    path: '/api/timers/{id}/retry',
    tag: TAG,
    summary: 'Fire a failed timer again (once its cause is fixed)',
    description:
      "Station head and office staff only. The timer goes back to pending, due now, with its attempts reset; a worker fires it as the first time (an SLA reminder of a request that has concluded since does nothing). One that has not failed is 409 INVALID_TRANSITION.",
    response: failedTimerSchema,
    handler: ({ session, params }) => session.timers.retry({ id: params['id'] as string }),
  });
}
