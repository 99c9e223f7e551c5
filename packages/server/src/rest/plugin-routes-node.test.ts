import { definePlugin } from '@kechuang/community';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pluginServer, type PluginServer } from '../__fixtures__/plugin-server.js';
import { serve, type RunningServer } from '../node/index.js';

/**
 * Plugin routes through Node's HTTP server. @hono/node-server replaces the global `Response`
 * with a class of its own, and `Response.json()` still makes the runtime's: a route answering
 * with it must reach the client, not fail as "not a Response".
 */
const board = definePlugin({
  id: 'board',
  setup({ http }) {
    http.route({ method: 'GET', path: '/summary', summary: 'A summary', handler: () => Response.json({ open: 3 }, { headers: { 'cache-control': 'no-store' } }) });
    http.route({ method: 'GET', path: '/text', summary: 'Plain text', handler: () => new Response('公告', { status: 202, headers: { 'content-type': 'text/plain; charset=utf-8' } }) });
    http.route({ method: 'GET', path: '/broken', summary: 'Not a response', handler: () => ({ open: 3 }) as unknown as Response });
  },
});

let world: PluginServer;
let running: RunningServer;

beforeAll(async () => {
  world = await pluginServer([board()]);
  running = await serve(world.server, { port: 0 });
});
afterAll(() => running?.close());

const get = (path: string): Promise<Response> => fetch(`${running.url}${path}`, { headers: { 'x-kechuang-dev-member': `${world.officeId}/${world.headId}` } });

it('serves a route that answers with Response.json, with its status, headers and body', async () => {
  const response = await get('/api/plugins/board/summary');
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toEqual({ open: 3 });
});

it('serves a route that answers with new Response', async () => {
  const response = await get('/api/plugins/board/text');
  expect(response.status).toBe(202);
  expect(await response.text()).toBe('公告');
});

it('still refuses a handler that returns something other than a Response, as an internal problem', async () => {
  const response = await get('/api/plugins/board/broken');
  expect(response.status).toBe(500);
  expect((await response.json()) as { code: string }).toMatchObject({ code: 'INTERNAL' });
  expect(world.reported.some((error) => error instanceof Error && error.message.includes('must return a Response'))).toBe(true);
});
