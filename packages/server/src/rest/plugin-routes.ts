import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { KechuangError, pluginRoutesOf, type AnyCommunity, type PluginHttpRoute } from '@kechuang/community';
import type { Context } from 'hono';
import type { ServerEnv } from '../http/server-env.js';
import { problemResponses, problemSchema } from './response-schemas.js';

const TAG = 'Plugins';
const LITERAL = /^[A-Za-z0-9._~-]+$/;
const PARAM = /^:([A-Za-z_][A-Za-z0-9_]*)$/;

/** A route's path split into segments, or why the server cannot mount it. */
function parsePath(path: string): { segments: string[]; params: string[] } | { problem: string } {
  const segments = path.slice(1).split('/');
  const params: string[] = [];
  for (const segment of segments) {
    const param = PARAM.exec(segment)?.[1];
    if (param !== undefined) {
      if (params.includes(param)) return { problem: `it names the parameter ':${param}' twice` };
      params.push(param);
    } else if (!LITERAL.test(segment)) {
      return { problem: `its segment '${segment}' is neither a word of letters, digits and . _ ~ - nor a ':name' parameter` };
    }
  }
  return { segments, params };
}

/** The request the plugin's handler gets: the one the client sent, with the body the server already read. */
async function forwarded(c: Context<ServerEnv>): Promise<Request> {
  const raw = c.req.raw;
  if (raw.method === 'GET' || raw.method === 'HEAD') return raw;
  // The body limit and the idempotency check have read the body already; Hono keeps it.
  const body = await c.req.arrayBuffer();
  return new Request(raw.url, { method: raw.method, headers: raw.headers, body: body.byteLength > 0 ? body : null, signal: raw.signal });
}

/** The route's responses: the plugin's answer, every API problem, and the statuses of the plugin's own error codes. */
function responsesOf(entry: PluginHttpRoute): RouteConfig['responses'] {
  const responses: RouteConfig['responses'] = { '2XX': { description: `The answer of the plugin '${entry.plugin}'.` }, ...problemResponses };
  const byStatus = new Map<number, string[]>();
  for (const { code, status } of entry.errors) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  for (const [status, codes] of byStatus) {
    const known = responses[status] as { description: string } | undefined;
    const description = `${known ? `${known.description} ` : ''}The plugin refuses with ${codes.join(', ')}.`;
    responses[status] = { description, content: { 'application/problem+json': { schema: problemSchema } } };
  }
  return responses;
}

/**
 * Mounts every plugin's HTTP routes under `/api/plugins/<plugin-id><path>` and documents them.
 * They sit behind the same sign-in, body limit, rate limit and `Idempotency-Key` handling as
 * the core's routes (all mounted on `/api/*`), and what a handler throws becomes the same
 * problem document. A path the server cannot mount fails `createServer`, naming the plugin.
 */
export function registerPluginRoutes(app: OpenAPIHono<ServerEnv>, community: AnyCommunity): void {
  const entries = pluginRoutesOf(community);
  const problems: string[] = [];
  for (const entry of entries) {
    const { plugin, route } = entry;
    const parsed = parsePath(route.path);
    if ('problem' in parsed) {
      problems.push(`plugin '${plugin}' registers the HTTP route ${route.method} ${route.path}, which cannot be mounted: ${parsed.problem}`);
      continue;
    }
    const base = `/api/plugins/${plugin}`;
    const openApiPath = base + parsed.segments.map((s) => `/${PARAM.test(s) ? `{${s.slice(1)}}` : s}`).join('');
    app.openAPIRegistry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: openApiPath,
      tags: [TAG],
      summary: route.summary,
      description: `Added by the plugin '${plugin}'.`,
      request: parsed.params.length > 0 ? { params: z.object(Object.fromEntries(parsed.params.map((name) => [name, z.string().min(1)]))) } : {},
      responses: responsesOf(entry),
    });
    app.on(route.method, `${base}/${parsed.segments.join('/')}`, async (c) => {
      const response = await route.handler(await forwarded(c), { actor: c.get('actor'), session: c.get('session'), params: c.req.param() as Record<string, string> });
      // `Response.json()` makes the runtime's own Response, which is no instance of the class
      // @hono/node-server puts on the global in its place: both carry the same tag.
      if (!(response instanceof Response) && Object.prototype.toString.call(response) !== '[object Response]') {
        throw new Error(`The handler of the plugin '${plugin}' for ${route.method} ${route.path} returned ${typeof response}; it must return a Response.`);
      }
      // Rebuilt through the context, so the headers the middleware prepared (request id,
      // security headers, rate limits) reach the client as they do from every other route.
      return c.newResponse(response.body, response);
    });
  }
  if (problems.length > 0) throw new KechuangError('PLUGIN_ERROR', `Cannot serve the plugins' HTTP routes: ${problems.join('; ')}.`, { problems });
}
