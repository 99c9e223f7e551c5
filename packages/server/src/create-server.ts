import { OpenAPIHono } from '@hono/zod-openapi';
import type { AnyCommunity } from '@kechuang/community';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { firstActor } from './auth/actor-resolver.js';
import { authenticate } from './http/authenticate.js';
import { idempotency } from './http/idempotency.js';
import { HttpProblem, problemResponse, toProblem } from './http/problem.js';
import { rateLimit } from './http/rate-limit.js';
import type { ServerEnv } from './http/server-env.js';
import { registerRequestRoutes } from './rest/request-routes.js';
import { registerOpen311Routes } from './open311/open311-routes.js';
import { formatOfPath, open311ErrorResponse } from './open311/open311-response.js';
import { registerSdkRoutes } from './rest/sdk-routes.js';
import { registerPluginRoutes } from './rest/plugin-routes.js';
import { registerEventStream } from './events/event-stream.js';
import { registerAttachmentRoutes } from './rest/attachment-routes.js';
import { DEFAULT_ATTACHMENT_TYPES } from './rest/attachment-types.js';
import type { ServerOptions } from './server-options.js';

/** The HTTP API: a web-standard fetch handler, and the Hono app behind it for hosts that mount it. */
export interface KechuangServer {
  /** Answers one request: mount it in Node (`@kechuang/server/node`), Bun, Deno or a worker. */
  fetch(request: Request): Promise<Response>;
  /** The Hono app, to mount under a host's own app (`host.route('/kechuang', server.app)`). */
  app: OpenAPIHono<ServerEnv>;
  /** Ends open event streams, e.g. before a graceful shutdown. */
  close(): Promise<void>;
}

const API_INFO = {
  title: '@kechuang/community HTTP API',
  version: '1',
  description:
    'Every command and query of the @kechuang/community SDK over HTTP. Errors are RFC 9457 problem+json carrying the SDK error `code`. ' +
    "Another office's record is always 404. POST honours `Idempotency-Key`. Lists page with `cursor`/`nextCursor`.",
};

/**
 * Builds the HTTP API for a community: REST for every command and query, the plugins' routes
 * under `/api/plugins/<plugin-id>`, its OpenAPI 3.1 document at `/openapi.json`, Open311
 * GeoReport v2 at `/open311/v2`, and the live event stream at `/events`. A plugin route whose
 * path cannot be mounted fails here with PLUGIN_ERROR.
 *
 * @example
 * ```ts
 * import { createServer } from '@kechuang/server';
 * import { serve } from '@kechuang/server/node';
 *
 * const server = createServer({ community, resolveActor: mySignIn });
 * serve(server, { port: 3000 });
 * ```
 */
export function createServer(options: ServerOptions): KechuangServer {
  const community: AnyCommunity = options.community;
  const report = options.onError ?? ((error: unknown, request: Request) => console.error(`[kechuang/server] ${request.method} ${new URL(request.url).pathname} failed`, error));
  const limits = options.limits ?? {};
  const resolveActor = options.devSignIn ? firstActor(options.resolveActor, options.devSignIn.resolve) : options.resolveActor;
  const signInHint = options.devSignIn ? 'pick a member with POST /dev/sign-in (development only).' : 'send the credentials your host expects.';
  const closers: (() => Promise<void>)[] = [];

  const app = new OpenAPIHono<ServerEnv>();
  app.onError((error, c) => {
    // Limits enforced before the Open311 routes (body size, timeout) still answer in the spec's format.
    if (options.open311 !== false && c.req.path.startsWith('/open311/')) return open311ErrorResponse(error, formatOfPath(c.req.path), (e) => report(e, c.req.raw));
    return problemResponse(toProblem(error, c.req.path, (e) => report(e, c.req.raw)), c);
  });
  app.notFound((c) => problemResponse(toProblem(new HttpProblem('ROUTE_NOT_FOUND', `No route ${c.req.method} ${c.req.path}. The API is described at /openapi.json.`), c.req.path, () => undefined), c));

  app.use('*', requestId());
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin', referrerPolicy: 'no-referrer' }));
  const tooLarge = (what: string, bytes: number) => () => {
    throw new HttpProblem('PAYLOAD_TOO_LARGE', `${what} may be at most ${bytes} bytes. Send less, or split it.`);
  };
  const attachmentBytes = limits.attachmentBytes ?? 20 * 1024 * 1024;
  const bodyBytes = limits.bodyBytes ?? 1024 * 1024;
  app.use('/api/attachments', bodyLimit({ maxSize: attachmentBytes + 64 * 1024, onError: tooLarge('An attachment upload', attachmentBytes) }));
  app.use('*', async (c, next) => {
    if (c.req.path === '/api/attachments') return next();
    return bodyLimit({ maxSize: bodyBytes, onError: tooLarge('A request body', bodyBytes) })(c, next);
  });
  const timeoutMs = limits.requestTimeoutMs ?? 30_000;
  const timedOut = new HttpProblem('TIMEOUT', `The request took longer than ${timeoutMs / 1000} s and was cut off. Try again; narrow a large query.`);
  app.use('/api/*', timeout(timeoutMs, () => timedOut as never));
  app.use('/open311/*', timeout(timeoutMs, () => timedOut as never));

  app.use('/api/*', authenticate(community, resolveActor, signInHint));
  app.use('/events', authenticate(community, resolveActor, signInHint));
  if (options.rateLimit !== false) {
    const limiter = rateLimit(options.rateLimit ?? {});
    app.use('/api/*', async (c, next) => (c.req.method === 'POST' ? limiter(c, next) : next()));
  }
  app.use('/api/*', idempotency(community, options.idempotencyTtlMs ?? 86_400_000));

  if (options.devSignIn) app.route('/dev', options.devSignIn.routes);
  registerRequestRoutes(app);
  if (options.blobStore) registerAttachmentRoutes(app, { blobStore: options.blobStore, maxBytes: attachmentBytes, types: limits.attachmentTypes ?? DEFAULT_ATTACHMENT_TYPES });
  registerSdkRoutes(app);
  registerPluginRoutes(app, community);
  // ─── more route families register here ───
  if (options.open311 !== false) registerOpen311Routes(app, { community, resolveActor, apiKeys: options.apiKeys, rateLimit: options.rateLimit, onError: report });
  const stream = registerEventStream(app, community, options.events ?? {});
  closers.push(() => stream.close());

  app.doc31('/openapi.json', { openapi: '3.1.0', info: API_INFO });
  app.get('/healthz', (c) => c.json({ ok: true }));

  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    app,
    async close() {
      await Promise.all(closers.map((close) => close()));
    },
  };
}
