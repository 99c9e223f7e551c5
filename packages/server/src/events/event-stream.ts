import type { OpenAPIHono } from '@hono/zod-openapi';
import { readChanges, type AnyCommunity } from '@kechuang/community';
import { streamSSE } from 'hono/streaming';
import { z } from '@hono/zod-openapi';
import { problemResponses } from '../rest/response-schemas.js';
import type { ServerEnv } from '../http/server-env.js';
import type { EventStreamOptions } from '../server-options.js';
import { WakeHub } from './wake-hub.js';

/** How the stream ends: closing the server ends every open stream. */
export interface EventStreamHandle {
  close(): Promise<void>;
}

const PAGE = 500;

/**
 * `GET /events`: Server-Sent Events of committed request changes the actor may see, read
 * from the storage feed (so changes made through any instance arrive), each with its feed
 * position as the SSE `id`. Reconnecting with `Last-Event-ID` (browsers do it on their own)
 * resumes right after the last event received: nothing lost, nothing repeated. Without it the
 * stream starts from now; `?after=<id>` starts after a known position.
 */
export function registerEventStream(app: OpenAPIHono<ServerEnv>, community: AnyCommunity, options: EventStreamOptions): EventStreamHandle {
  const hub = new WakeHub(community, options.wake);
  const pollMs = options.pollIntervalMs ?? 1000;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const closing = new AbortController();
  const open = new Set<Promise<void>>();

  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/events',
    tags: ['Events'],
    summary: 'Server-Sent Events of committed request changes you may see, across instances',
    description:
      'Each `request` event carries a change (requestId, version, type, at, actor, fromStatus, toStatus); its SSE id is its feed position. ' +
      'Reconnect with `Last-Event-ID` (browsers do) to resume right after it, nothing lost or repeated; `?after=` starts after a known position; ' +
      'without either the stream starts from now. A `ready` event opens the stream; comments keep it alive.',
    request: { query: z.object({ after: z.string().optional() }), headers: z.object({ 'last-event-id': z.string().optional() }) },
    responses: {
      200: { description: 'The event stream', content: { 'text/event-stream': { schema: z.string() } } },
      ...problemResponses,
    },
  });
  app.get('/events', async (c) => {
    const actor = c.get('actor');
    const resume = c.req.header('last-event-id') ?? c.req.query('after') ?? null;
    // Validate the position (and the actor) before the stream starts, so that a bad one is a
    // problem+json answer rather than a stream that dies at once.
    const first = await readChanges(community, actor, { after: resume ?? 'now', limit: PAGE });
    return streamSSE(c, async (stream) => {
      const ended = AbortSignal.any([closing.signal, c.req.raw.signal]);
      stream.onAbort(() => undefined);
      let done: () => void = () => undefined;
      const running = new Promise<void>((resolve) => (done = resolve));
      open.add(running);
      try {
        await stream.writeSSE({ event: 'ready', data: JSON.stringify({ position: first.position }), retry: 2000 });
        let page = first;
        let quietSince = Date.now();
        for (;;) {
          for (const change of page.changes) {
            await stream.writeSSE({ id: change.position, event: 'request', data: JSON.stringify(change) });
          }
          if (page.changes.length) quietSince = Date.now();
          if (!page.more) {
            if (Date.now() - quietSince >= heartbeatMs) {
              await stream.write(': keep-alive\n\n');
              quietSince = Date.now();
            }
            await hub.wait(Math.min(pollMs, heartbeatMs), ended);
          }
          if (ended.aborted || stream.aborted || stream.closed) break;
          page = await readChanges(community, actor, { after: page.position, limit: PAGE });
        }
      } finally {
        open.delete(running);
        done();
      }
    });
  });

  return {
    async close() {
      closing.abort();
      hub.close();
      await Promise.allSettled([...open]);
    },
  };
}
