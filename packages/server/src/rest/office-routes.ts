import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { updateOfficeInput } from '@kechuang/community/schemas';
import type { ServerEnv } from '../http/server-env.js';
import { meSchema, officeSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

const TAG = 'Office';

// The office is the caller's own: its id never travels in the body.
const { id: _, ...officePatchShape } = updateOfficeInput.shape;

/**
 * The caller's own office (read it; rename it or change its time zone) and `GET /api/me`: who
 * the server takes the caller to be.
 */
export function registerOfficeRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'get',
    path: '/api/me',
    tag: TAG,
    summary: 'Who you are signed in as: the actor and, for a member, their member record (name, roles)',
    response: meSchema,
    handler: async ({ session }) => {
      const { actor } = session;
      if (actor.kind === 'system') return { actor: { kind: actor.kind, officeId: actor.officeId }, member: null };
      return { actor: { kind: actor.kind, officeId: actor.officeId, memberId: actor.memberId }, member: await session.members.get(actor.memberId) };
    },
  });
  jsonRoute(app, {
    method: 'get',
    path: '/api/office',
    tag: TAG,
    summary: 'Your office (街道)',
    response: officeSchema,
    handler: ({ session }) => session.office.get(),
  });
  jsonRoute(app, {
    method: 'patch',
    path: '/api/office',
    tag: TAG,
    summary: 'Rename your office or change its time zone',
    description: 'Station head and office staff only. `timeZone` must be an IANA zone such as `Asia/Shanghai`. Send `version` to be told of a concurrent change (409 CONFLICT).',
    body: z.strictObject(officePatchShape),
    response: officeSchema,
    handler: ({ session, body }) => session.office.update(body),
  });
}
