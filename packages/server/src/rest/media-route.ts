import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import type { CommunitySession } from '@kechuang/community';
import { HttpProblem } from '../http/problem.js';
import { issuesOf } from '../http/zod-issues.js';
import type { ServerEnv } from '../http/server-env.js';
import { problemResponses } from './response-schemas.js';

/**
 * A route whose request or response body is not (only) JSON — a config sent as YAML, a report
 * rendered as CSV or HTML — documented with every media type it takes and gives. Params and
 * query are validated like {@link jsonRoute}'s; the handler reads the body and builds the
 * `Response` itself.
 */
export interface MediaRoute {
  method: 'get' | 'put' | 'post';
  /** OpenAPI style, `{id}` for parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: z.ZodObject;
  /** The request body's schema by media type. */
  requestBody?: Record<string, z.ZodType>;
  /** The success response's schema by media type. */
  responseBody: Record<string, z.ZodType>;
  /** Headers the success response carries, documented by name. */
  responseHeaders?: Record<string, string>;
  handler(input: { session: CommunitySession; query: Record<string, unknown>; c: Context<ServerEnv> }): Promise<Response>;
}

/** Registers `route` on `app`: its OpenAPI description and its handler, with the query validated first. */
export function mediaRoute(app: OpenAPIHono<ServerEnv>, route: MediaRoute): void {
  const content = (bodies: Record<string, z.ZodType>) => Object.fromEntries(Object.entries(bodies).map(([type, schema]) => [type, { schema }]));
  const config: RouteConfig = {
    method: route.method,
    path: route.path,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    request: {
      ...(route.query ? { query: route.query } : {}),
      ...(route.requestBody ? { body: { required: true, content: content(route.requestBody) } } : {}),
    },
    responses: {
      200: {
        description: route.summary,
        content: content(route.responseBody),
        ...(route.responseHeaders ? { headers: Object.fromEntries(Object.entries(route.responseHeaders).map(([name, description]) => [name, { description, schema: { type: 'string' } }])) } : {}),
      },
      ...problemResponses,
    },
  };
  app.openAPIRegistry.registerPath(config);
  app.on(route.method.toUpperCase(), route.path.replace(/\{(\w+)\}/g, ':$1'), async (c) => {
    let query: Record<string, unknown> = {};
    if (route.query) {
      const result = route.query.safeParse(c.req.query());
      if (!result.success) {
        const issues = issuesOf(result.error, ['query']);
        throw new HttpProblem('VALIDATION_FAILED', `Invalid query: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`, { issues });
      }
      query = result.data as Record<string, unknown>;
    }
    return route.handler({ session: c.get('session'), query, c });
  });
}
