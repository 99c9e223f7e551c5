import { z } from '@hono/zod-openapi';

// Response bodies are the SDK's records, documented here by their main fields; the SDK's
// TypeScript types are the full reference. Loose objects, so fields a newer SDK adds are not
// a breaking change for clients.

/** RFC 9457 problem details, as every error response carries. */
export const problemSchema = z
  .object({
    type: z.string().openapi({ example: 'urn:kechuang:problem:not-found' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().openapi({ description: 'What went wrong and what to do about it.' }),
    instance: z.string(),
    code: z.string().openapi({ description: "The stable error code (e.g. VALIDATION_FAILED, NOT_FOUND, CONFLICT), or a plugin's own, `<plugin-id>:<CODE>`." }),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Problem');

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

/** The error responses every route may give. */
export const problemResponses = {
  400: problem('Bad input: every invalid field is listed in `issues`; nothing was written.'),
  401: problem('No actor: sign in or send an API key.'),
  403: problem('The record is visible, but this actor may not do this.'),
  404: problem("Not found, or another office's record."),
  409: problem('A conflict: the record changed (reload and retry), a duplicate, or not allowed in its state.'),
  413: problem('Body too large.'),
  429: problem('Rate limited; see Retry-After.'),
  503: {
    ...problem('PLUGIN_TIMEOUT: a plugin did not finish in time, or TIMEOUT: the request ran too long. Nothing was written; retry (after Retry-After seconds, when sent).'),
    headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer' as const, minimum: 1 } } },
  },
};

/** A stored record: an id, a version and whatever else the SDK's type says. */
export function recordSchema(name: string, fields: Record<string, z.ZodType> = {}) {
  return z.looseObject({ id: z.string(), ...fields }).openapi(name);
}

/** One page of a list and the cursor of the next (null on the last page). */
export function pageSchema(name: string, item: z.ZodType) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

/** A service request (诉求). */
export const serviceRequestSchema = recordSchema('ServiceRequest', {
  officeId: z.string(),
  communityId: z.string(),
  enterpriseId: z.string().nullable(),
  parkId: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
  title: z.string(),
  category: z.string(),
  channel: z.string(),
  assigneeId: z.string().nullable(),
});

/** A timeline entry of a request. */
export const timelineEntrySchema = z.looseObject({ seq: z.number().int(), index: z.number().int(), type: z.string(), at: z.string() }).openapi('TimelineEntry');
