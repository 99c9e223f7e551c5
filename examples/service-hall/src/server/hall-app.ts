/**
 * The service hall's web app: the console's static files under a strict content policy, in
 * front of the `@kechuang/server` API on the same origin (so the console needs no CORS and
 * the development sign-in cookie reaches the API and the event stream).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { KechuangServer } from '@kechuang/server';
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

// Everything is served from this origin: no CDN, no inline script. Charts are inline SVG
// elements, which need no source of their own; attachments preview as blob: URLs.
const CONSOLE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

/** Options of {@link hallApp}. */
export interface HallAppOptions {
  /** The HTTP API the console talks to. */
  server: KechuangServer;
  /** The built console (`dist/`). */
  clientDist: string;
}

/** The API plus the console, as one server for `serve()` from `@kechuang/server/node`. */
export function hallApp(options: HallAppOptions): KechuangServer {
  const { server, clientDist } = options;
  const host = new Hono();
  const index = readFileSync(join(clientDist, 'index.html'), 'utf8');
  const page = secureHeaders({ contentSecurityPolicy: CONSOLE_POLICY, referrerPolicy: 'no-referrer', crossOriginResourcePolicy: 'same-origin' });

  host.get('/', page, (c) => {
    c.header('cache-control', 'no-cache');
    return c.html(index);
  });
  // Vite names every asset by its content hash, so a browser may keep them for good.
  host.use('/assets/*', page, async (c, next) => {
    await next();
    if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable');
  });
  host.use('/assets/*', serveStatic({ root: clientDist, rewriteRequestPath: (path) => path }));
  host.get('/favicon.svg', page, serveStatic({ path: join(clientDist, 'favicon.svg') }));
  host.route('/', server.app);

  return { fetch: (request) => Promise.resolve(host.fetch(request)), app: server.app, close: () => server.close() };
}
