import type { OpenAPIHono } from '@hono/zod-openapi';
import { recordVisitInput } from '@kechuang/community/schemas';
import type { ServerEnv } from '../http/server-env.js';
import { recordedVisitSchema, visitSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

const TAG = 'Visits';

/** 走访: recording a visit with the requests heard during it, and reading one back. */
export function registerVisitRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'post',
    path: '/api/visits',
    tag: TAG,
    summary: '走访: record a visit and every request raised during it, atomically',
    description: 'Each request is submitted with channel `visit` and routed. Either the visit and all its requests are stored, or none of them. Send `idempotencyKey` (or an `Idempotency-Key` header) to make a retry safe.',
    body: recordVisitInput,
    status: 201,
    response: recordedVisitSchema,
    handler: ({ session, body }) => session.visits.record(body as never),
  });
  jsonRoute(app, {
    method: 'get',
    path: '/api/visits/{id}',
    tag: TAG,
    summary: 'A visit',
    description: "Shown to those who see every request in the office, the enterprise's contacts and its park's captain.",
    response: visitSchema,
    handler: ({ session, params }) => session.visits.get(params['id'] as string),
  });
}
