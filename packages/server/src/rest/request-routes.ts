import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { requestCommandInputs, requestListInput, submitRequestInput, transitionRequestInput, type RequestCommandInputName } from '@kechuang/community/schemas';
import type { RequestsApi } from '@kechuang/community';
import type { ServerEnv } from '../http/server-env.js';
import { jsonRoute } from './route-kit.js';
import { pageSchema, serviceRequestSchema, timelineEntrySchema } from './response-schemas.js';

const TAG = 'Requests';

/** Each command's URL segment and the SDK method behind it. */
const COMMANDS: Record<RequestCommandInputName, { segment: string; method: keyof RequestsApi; summary: string }> = {
  assign: { segment: 'assign', method: 'assign', summary: '派单: assign the request to its lead' },
  reassign: { segment: 'reassign', method: 'reassign', summary: '改派: move the request to another lead, with a reason' },
  accept: { segment: 'accept', method: 'accept', summary: '签收: the lead signs for the request' },
  return: { segment: 'return', method: 'return', summary: '退单: the lead returns a request that is not theirs' },
  redispatch: { segment: 'redispatch', method: 'redispatch', summary: 'Settle a return by assigning someone else' },
  overrule_return: { segment: 'overrule-return', method: 'overruleReturn', summary: 'Settle a return by overruling it' },
  start: { segment: 'start', method: 'start', summary: '办理: the lead starts work' },
  pause: { segment: 'pause', method: 'pause', summary: 'Wait on the enterprise (the SLA clock pauses)' },
  resume: { segment: 'resume', method: 'resume', summary: 'Resume after waiting on the enterprise' },
  reply: { segment: 'reply', method: 'reply', summary: '反馈: reply with an outcome' },
  note: { segment: 'note', method: 'note', summary: 'Add a progress note, optionally with attachments' },
  add_assist: { segment: 'add-assist', method: 'addAssist', summary: '协办: add an assisting member or team' },
  sign_assist: { segment: 'sign-assist', method: 'signAssist', summary: 'An assisting unit signs for its part' },
  contribute: { segment: 'contribute', method: 'contribute', summary: "An assisting unit files its contribution" },
  follow_up: { segment: 'follow-up', method: 'followUp', summary: '回访: record the rating' },
  close: { segment: 'close', method: 'close', summary: '办结 without a rating' },
  merge: { segment: 'merge', method: 'merge', summary: 'Link a duplicate to the original request' },
  withdraw: { segment: 'withdraw', method: 'withdraw', summary: 'Withdraw the request' },
  request_extension: { segment: 'request-extension', method: 'requestExtension', summary: '延期: ask for more working days' },
  decide_extension: { segment: 'decide-extension', method: 'decideExtension', summary: 'Approve or refuse the pending extension' },
  supervise: { segment: 'supervise', method: 'supervise', summary: '督办: flag the request as supervised' },
};

const requestWithTimeline = z.object({ request: serviceRequestSchema, timeline: z.array(timelineEntrySchema) }).openapi('RequestWithTimeline');

// List filters arrive as query strings: lists are comma-separated, numbers and booleans as text.
const listQuery = z.object({
  status: z.string().optional().openapi({ description: 'Comma-separated states, e.g. `assigned,accepted`.' }),
  assigneeId: z.string().optional(),
  communityId: z.string().optional(),
  parkId: z.string().optional(),
  enterpriseId: z.string().optional(),
  category: z.string().optional().openapi({ description: 'Comma-separated categories.' }),
  channel: z.string().optional().openapi({ description: 'Comma-separated channels.' }),
  createdFrom: z.string().optional().openapi({ description: 'ISO 8601 instant (inclusive).' }),
  createdTo: z.string().optional().openapi({ description: 'ISO 8601 instant (exclusive).' }),
  supervised: z.enum(['true', 'false']).optional(),
  sla: z.string().optional().openapi({ description: 'The SLA light now: `overdue` (red), `due_soon` (yellow), `on_time` (green) or `paused`.' }),
  order: z.enum(['oldest', 'newest']).optional(),
  limit: z.string().regex(/^\d+$/, 'Use a whole number').optional(),
  cursor: z.string().optional(),
});

/** The list filter the SDK takes, from the query string. */
function listFilter(query: Record<string, unknown>): Record<string, unknown> {
  const split = (value: unknown) => (typeof value === 'string' ? (value.includes(',') ? value.split(',').map((s) => s.trim()) : value) : undefined);
  const filter: Record<string, unknown> = { ...query };
  for (const key of ['status', 'category', 'channel']) if (query[key] !== undefined) filter[key] = split(query[key]);
  if (query['limit'] !== undefined) filter['limit'] = Number(query['limit']);
  if (query['supervised'] !== undefined) filter['supervised'] = query['supervised'] === 'true';
  return filter;
}

/** Submitting, reading and every request command. */
export function registerRequestRoutes(app: OpenAPIHono<ServerEnv>): void {
  jsonRoute(app, {
    method: 'post',
    path: '/api/requests',
    tag: TAG,
    summary: '受理: record a new request (routed, with SLA deadlines)',
    body: submitRequestInput,
    status: 201,
    response: serviceRequestSchema,
    handler: ({ session, body }) => session.requests.submit(body as never),
  });
  jsonRoute(app, {
    method: 'get',
    path: '/api/requests',
    tag: TAG,
    summary: 'List the requests you may see, newest or oldest first, a page at a time',
    description: `Filters as in the SDK's request list (${Object.keys(requestListInput.shape).join(', ')}); follow \`nextCursor\` with \`cursor\`.`,
    query: listQuery,
    response: pageSchema('RequestPage', serviceRequestSchema),
    handler: ({ session, query }) => session.requests.list(listFilter(query) as never),
  });
  jsonRoute(app, {
    method: 'get',
    path: '/api/requests/{id}',
    tag: TAG,
    summary: 'A request with its full timeline',
    response: requestWithTimeline,
    handler: ({ session, params }) => session.requests.get(params['id'] as string),
  });
  for (const [name, command] of Object.entries(COMMANDS) as [RequestCommandInputName, (typeof COMMANDS)[RequestCommandInputName]][]) {
    const input = requestCommandInputs[name] as unknown as z.ZodObject;
    // Some inputs carry refinements, which zod's omit refuses: the documented body is rebuilt
    // from the shape, and the whole input (with the path's id) is checked with the SDK's schema.
    const { requestId: _, ...shape } = input.shape;
    jsonRoute(app, {
      method: 'post',
      path: `/api/requests/{id}/${command.segment}`,
      tag: TAG,
      summary: command.summary,
      description: 'Send `version` (the version you last saw) to be told of a concurrent change (409 CONFLICT) instead of overwriting it.',
      body: z.strictObject(shape),
      complete: { schema: input, with: (body, params) => ({ ...body, requestId: params['id'] }) },
      response: serviceRequestSchema,
      handler: ({ session, params, body }) => {
        const run = session.requests[command.method] as (input: unknown) => Promise<unknown>;
        return run({ ...body, requestId: params['id'] });
      },
    });
  }
  const { requestId: _, ...transitionShape } = transitionRequestInput.shape;
  jsonRoute(app, {
    method: 'post',
    path: '/api/requests/{id}/transition',
    tag: TAG,
    summary: "Fire a plugin's workflow transition, e.g. `legal-review.send`",
    description:
      "`name` is the transition a plugin added (`<plugin-id>.<name>`); core commands have routes of their own. The transition's roles and the plugins' hooks apply as for every command. Send `version` to be told of a concurrent change (409 CONFLICT).",
    body: z.strictObject(transitionShape),
    complete: { schema: transitionRequestInput, with: (body, params) => ({ ...body, requestId: params['id'] }) },
    response: serviceRequestSchema,
    handler: ({ session, params, body }) => session.requests.transition({ ...(body as { name: string }), requestId: params['id'] as string }),
  });
}
