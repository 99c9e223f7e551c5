import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { submitRequestInput } from '@kechuang/community/schemas';
import type { ServerEnv } from '../http/server-env.js';
import { officeConfigBodySchema, routingExplanationSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

const explainBody = z
  .strictObject({
    ...submitRequestInput.shape,
    config: z
      .union([z.string().min(1), officeConfigBodySchema])
      .optional()
      .openapi({
        description:
          'A draft config — an object, or YAML/JSON text — to explain under instead of the one in force, without storing it. Problems in it are 400 VALIDATION_FAILED with line and column. The explanation then has `configVersion` 0.',
      }),
  })
  .openapi('ExplainInput');

/** Why a request would be routed as it would, without writing anything. */
export function registerRoutingRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'post',
    path: '/api/routing/explain',
    tag: 'Config',
    summary: 'Explain where a would-be request goes: the decision, every rule, every condition',
    description: 'The body is what you would submit to `POST /api/requests`, plus an optional draft `config`. Nothing is written.',
    body: explainBody,
    response: routingExplanationSchema,
    handler: ({ session, body }) => {
      const { config, ...input } = body;
      return session.routing.explain(input as never, config === undefined ? {} : { config: config as never });
    },
  });
}
