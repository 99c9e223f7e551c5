import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { z } from 'zod';
import { isKechuangError, KechuangError, type CommunitySession } from '@kechuang/community';
import { HttpProblem } from '../http/problem.js';
import { issuesOf } from '../http/zod-issues.js';
import type { ServerEnv } from '../http/server-env.js';
import { problemResponses } from './response-schemas.js';

/** The parts of an HTTP request a handler gets, already validated. */
export interface RouteInput {
  session: CommunitySession;
  params: Record<string, string>;
  /** The query, parsed with the route's `query` schema. */
  query: Record<string, unknown>;
  /** The JSON body as sent (validated by the route's `body` schema); the SDK parses it again. */
  body: Record<string, unknown>;
  c: Context<ServerEnv>;
}

/** A JSON route of the REST API: documented in the OpenAPI document and served from the same schemas. */
export interface JsonRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style, `{id}` for parameters. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  /** The documented JSON body: the SDK's own input schema, or a part of it. */
  body?: z.ZodType;
  /**
   * When the body is only part of the SDK's input (the rest comes from the path), how to
   * complete it, and the SDK schema to check the whole with. @default the body as is, checked with `body`
   */
  complete?: { schema: z.ZodType; with(body: Record<string, unknown>, params: Record<string, string>): Record<string, unknown> };
  query?: z.ZodObject;
  /** Success status. @default 200 (201 for POST routes that create) */
  status?: 200 | 201 | 202;
  /** The documented response body. */
  response: z.ZodType;
  /** Runs the SDK call. A `Response` is sent as is (reports, files). */
  handler(input: RouteInput): Promise<unknown>;
}

const PARAM = /\{(\w+)\}/g;

/**
 * Registers `route` on `app`: its OpenAPI description (request schemas, success and problem
 * responses) and a handler that validates params, query and body with the same schemas
 * before calling the SDK. Bad input is a VALIDATION_FAILED problem listing every issue, and
 * nothing runs.
 */
export function jsonRoute(app: OpenAPIHono<ServerEnv>, route: JsonRoute): void {
  const paramNames = [...route.path.matchAll(PARAM)].map((m) => m[1] as string);
  const status = route.status ?? 200;
  const config: RouteConfig = {
    method: route.method,
    path: route.path,
    tags: [route.tag],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    request: {
      ...(paramNames.length ? { params: z.object(Object.fromEntries(paramNames.map((name) => [name, z.string().min(1)]))) } : {}),
      ...(route.query ? { query: route.query } : {}),
      ...(route.body ? { body: { required: true, content: { 'application/json': { schema: route.body } } } } : {}),
    },
    responses: {
      [status]: { description: route.summary, content: { 'application/json': { schema: route.response } } },
      ...problemResponses,
    },
  };
  app.openAPIRegistry.registerPath(config);
  const honoPath = route.path.replace(PARAM, ':$1');
  app.on(route.method.toUpperCase(), honoPath, async (c) => {
    const params = c.req.param() as Record<string, string>;
    const query = route.query ? parsed(route.query, c.req.query(), 'query') : {};
    const body = route.body ? await jsonBody(c, route.body) : {};
    // The body alone must fit its documented schema (so a `requestId` in it is refused, not
    // silently replaced), and the completed input the SDK's.
    if (route.complete) parsed(route.complete.schema, route.complete.with(body, params), 'body');
    let result: unknown;
    try {
      result = await route.handler({ session: c.get('session'), params, query, body, c });
    } catch (error) {
      throw route.body ? withBodyPaths(error, route.body, body) : error;
    }
    if (result instanceof Response) return result;
    // A created record's address: every create route answers where its record is read back.
    const id = status === 201 ? (result as { id?: unknown }).id : undefined;
    if (typeof id === 'string') c.header('location', `${c.req.path}/${encodeURIComponent(id)}`);
    return c.json(result as object, status);
  });
}

/**
 * The SDK names a body field's problem by the field alone (`attributes.amount`); the edge's own
 * checks say `body.attributes.amount`. One form of path for both, so that a client finds every
 * field's message in the same place.
 */
function withBodyPaths(error: unknown, schema: z.ZodType, body: Record<string, unknown>): unknown {
  if (!isKechuangError(error, 'VALIDATION_FAILED') || !error.details.issues) return error;
  const fields = new Set([...Object.keys(body), ...(schema instanceof z.ZodObject ? Object.keys(schema.shape) : [])]);
  const issues = error.details.issues.map((issue) => (typeof issue.path[0] === 'string' && fields.has(issue.path[0]) ? { ...issue, path: ['body', ...issue.path] } : issue));
  return new KechuangError('VALIDATION_FAILED', error.message, { ...error.details, issues });
}

function parsed(schema: z.ZodType, value: unknown, where: string): Record<string, unknown> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesOf(result.error, [where]);
    throw new HttpProblem('VALIDATION_FAILED', `Invalid ${where}: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}.`, { issues });
  }
  return result.data as Record<string, unknown>;
}

/** The JSON body, checked against `schema`; the raw value is returned so the SDK sees exactly what was sent. */
export async function jsonBody(c: Context<ServerEnv>, schema: z.ZodType | null): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(type)) {
    throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', `Send the body as JSON with "Content-Type: application/json" (got "${type || 'none'}").`);
  }
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new HttpProblem('MALFORMED_BODY', 'The body is not well-formed JSON. Check quotes, commas and brackets.');
  }
  if (schema) parsed(schema, raw, 'body');
  else if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new HttpProblem('VALIDATION_FAILED', 'The body must be a JSON object.', { issues: [{ path: ['body'], message: 'Expected an object', code: 'invalid_type' }] });
  return raw as Record<string, unknown>;
}
