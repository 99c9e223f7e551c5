import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { KechuangError } from '@kechuang/community';
import { HttpProblem } from '../http/problem.js';
import type { ServerEnv } from '../http/server-env.js';
import { mediaRoute } from './media-route.js';
import { officeConfigBodySchema, storedConfigSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

const TAG = 'Config';

// The file names the loader sees: they pick the syntax and prefix every problem's position.
const JSON_NAME = 'kechuang.config.json';
const YAML_NAME = 'kechuang.config.yaml';
const YAML_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'];

/** Which syntax a PUT body is in, from its media type; anything else is 415. */
function configFilename(contentType: string | undefined): string {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || /^application\/.+\+json$/.test(type)) return JSON_NAME;
  if (YAML_TYPES.includes(type)) return YAML_NAME;
  throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', `Send the config as JSON ("Content-Type: application/json") or YAML ("Content-Type: application/yaml"), not "${contentType || 'no type'}".`);
}

/** The office's config: the version in force, its history, and storing a new one. */
export function registerConfigRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'get',
    path: '/api/config',
    tag: TAG,
    summary: "The office's config in force (its highest version)",
    description: 'A 404 NOT_FOUND when the office has no config yet.',
    response: storedConfigSchema,
    handler: async ({ session }) => {
      const stored = await session.config.get();
      if (stored === null) throw new KechuangError('NOT_FOUND', 'This office has no config yet. Store one with PUT /api/config (JSON or YAML).', { model: 'office_config' });
      return stored;
    },
  });
  jsonRoute(app, {
    method: 'get',
    path: '/api/config/history',
    tag: TAG,
    summary: 'Every stored version of the config, oldest first',
    response: z.array(storedConfigSchema),
    handler: ({ session }) => session.config.history(),
  });
  mediaRoute(app, {
    method: 'put',
    path: '/api/config',
    tag: TAG,
    summary: 'Validate a config and store it as the new version in force',
    description:
      'Send the config as JSON (`application/json`) or as the YAML file (`application/yaml` or `text/yaml`). It takes effect only when valid and whole: ' +
      'every problem is listed in one 400 VALIDATION_FAILED, each issue with its `line` and `column` in the text sent, and nothing is stored. ' +
      'Station head and office staff only. Send `?version=` (the version your edit started from) to be told of a concurrent change (409 CONFLICT).',
    query: z.strictObject({ version: z.string().regex(/^\d+$/, 'Use the whole-number version your edit started from').optional() }),
    requestBody: {
      'application/json': officeConfigBodySchema,
      'application/yaml': z.string().openapi({ description: 'The config file as YAML, e.g. kechuang.config.yaml.' }),
      'text/yaml': z.string(),
    },
    responseBody: { 'application/json': storedConfigSchema },
    handler: async ({ session, query, c }) => {
      const filename = configFilename(c.req.header('content-type'));
      // The text goes to the SDK as sent, so that every problem is reported at its line and column.
      const text = await c.req.text();
      const version = typeof query['version'] === 'string' ? Number(query['version']) : undefined;
      const stored = await session.config.update(text, { filename, ...(version !== undefined ? { version } : {}) });
      return c.json(stored, 200);
    },
  });
}
