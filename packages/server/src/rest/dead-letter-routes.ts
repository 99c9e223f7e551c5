import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { ServerEnv } from '../http/server-env.js';
import { pageOptions, pageQueryFields } from './page-query.js';
import { deadLetterPageSchema, deadLetterSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

const TAG = 'Notifications';

/** Notifications that could not be delivered, and putting one back in the queue. */
export function registerDeadLetterRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'get',
    path: '/api/dead-letters',
    tag: TAG,
    summary: "The office's notifications that could not be delivered, oldest first",
    description: 'Station head and office staff only. `lastError` says why each failed. Follow `nextCursor` with `cursor`.',
    query: z.strictObject(pageQueryFields),
    response: deadLetterPageSchema,
    handler: ({ session, query }) => {
      const { limit, cursor } = pageOptions(query);
      return session.notifications.deadLetters({ ...(limit !== undefined ? { limit } : {}), ...(cursor !== undefined ? { after: cursor } : {}) });
    },
  });
  jsonRoute(app, {
    method: 'post',
    path: '/api/dead-letters/{id}/redeliver',
    tag: TAG,
    summary: 'Deliver a dead letter again (once its cause is fixed)',
    description: 'Station head and office staff only. The notification goes back to pending, due now, with its attempts reset and the same idempotency key. One that is not dead is 409 INVALID_TRANSITION.',
    response: deadLetterSchema,
    handler: ({ session, params }) => session.notifications.redeliver({ id: params['id'] as string }),
  });
}
