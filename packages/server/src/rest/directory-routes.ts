import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { KechuangError, type CommunitySession, type DirectoryApi } from '@kechuang/community';
import {
  createBuildingInput,
  createCommunityInput,
  createEnterpriseInput,
  createMemberInput,
  createParkInput,
  createTeamInput,
  updateBuildingInput,
  updateCommunityInput,
  updateEnterpriseInput,
  updateMemberInput,
  updateParkInput,
  updateTeamInput,
} from '@kechuang/community/schemas';
import { HttpProblem } from '../http/problem.js';
import type { ServerEnv } from '../http/server-env.js';
import { pageOptions, pageQueryFields } from './page-query.js';
import { buildingSchema, communitySchema, enterpriseLifecycleSchema, enterpriseSchema, memberSchema, pageSchema, parkSchema, teamSchema } from './record-schemas.js';
import { jsonRoute } from './route-kit.js';

/** The directory kinds, their URL segment (`/api/{segment}`) and what the OpenAPI document calls them. */
type DirectoryKind = 'communities' | 'parks' | 'buildings' | 'enterprises' | 'teams' | 'members';

interface KindSpec {
  /** Singular, for summaries. */
  label: string;
  tag: string;
  create: z.ZodObject;
  update: z.ZodObject;
  record: z.ZodType;
  pageName: string;
  /** The equality filters the SDK's list accepts for this kind (its spec's `filters`). */
  filters: readonly string[];
  /** What the authorization policy narrows for some callers, said in the read routes' descriptions. */
  narrowed?: string;
}

const KINDS: Record<DirectoryKind, KindSpec> = {
  communities: { label: 'community (社区)', tag: 'Directory', create: createCommunityInput, update: updateCommunityInput, record: communitySchema, pageName: 'CommunityPage', filters: [] },
  parks: { label: 'park (园区)', tag: 'Directory', create: createParkInput, update: updateParkInput, record: parkSchema, pageName: 'ParkPage', filters: ['communityId'] },
  buildings: { label: 'building (楼宇)', tag: 'Directory', create: createBuildingInput, update: updateBuildingInput, record: buildingSchema, pageName: 'BuildingPage', filters: ['parkId', 'communityId'] },
  enterprises: {
    label: 'enterprise (企业)',
    tag: 'Directory',
    create: createEnterpriseInput,
    update: updateEnterpriseInput,
    record: enterpriseSchema,
    pageName: 'EnterprisePage',
    filters: ['communityId', 'parkId', 'buildingId', 'industry'],
    narrowed: 'Under the default policy an enterprise contact reads their own enterprise only; any other is 404 and left out of lists.',
  },
  teams: { label: 'team', tag: 'Directory', create: createTeamInput, update: updateTeamInput, record: teamSchema, pageName: 'TeamPage', filters: ['kind'] },
  members: {
    label: 'member',
    tag: 'Directory',
    create: createMemberInput,
    update: updateMemberInput,
    record: memberSchema,
    pageName: 'MemberPage',
    filters: ['status'],
    narrowed:
      "Under the default policy an enterprise contact reads their own record in full, the office's staff and their enterprise's other contacts with `mobile` and `email` null and `contacts` empty, and other enterprises' contacts not at all (404, left out of lists).",
  },
};

/** Every directory kind's URL segment, for tests and docs. */
export const DIRECTORY_KINDS = Object.keys(KINDS) as DirectoryKind[];

// One shape for the six APIs: the handlers pass validated input through, and the SDK parses it again.
type AnyDirectoryApi = DirectoryApi<unknown, Record<string, unknown>, Record<string, unknown>>;
const apiOf = (session: CommunitySession, kind: DirectoryKind): AnyDirectoryApi => session[kind] as unknown as AnyDirectoryApi;

const EMPTY_MEANS_NULL = 'An empty value (`?{field}=`) matches records where it is not set.';

const SEARCH =
  'Finds records by name or code, for a search box (at most 100 characters). A record matches when its `name` contains every space-separated word ' +
  '(as typed, upper- or lower-cased; full-width letters and digits count as half-width), or its `code` starts with the text in any case. ' +
  'Blank means no search; it narrows the filters further.';

function listQuery(spec: KindSpec): z.ZodObject {
  const filters = Object.fromEntries(
    spec.filters.map((field) => [field, z.string().max(200).optional().openapi({ description: `Only records with this ${field}. ${EMPTY_MEANS_NULL.replace('{field}', field)}` })]),
  );
  // Strict: a misspelt filter is refused rather than silently listing everything.
  return z.strictObject({
    ...filters,
    search: z.string().max(100).optional().openapi({ description: SEARCH }),
    includeArchived: z.enum(['true', 'false']).optional().openapi({ description: 'Include archived records. Default false.' }),
    ...pageQueryFields,
  });
}

/** The SDK's list options from the query string. */
function listOptions(spec: KindSpec, query: Record<string, unknown>): Record<string, unknown> {
  const filter: Record<string, string | null> = {};
  for (const field of spec.filters) {
    const value = query[field];
    if (typeof value === 'string') filter[field] = value === '' ? null : value;
  }
  const search = query['search'];
  return { filter, ...(typeof search === 'string' ? { search } : {}), includeArchived: query['includeArchived'] === 'true', ...pageOptions(query) };
}

/** The update input without its `id` (it comes from the path), as the documented PATCH body. */
function patchBody(update: z.ZodObject): z.ZodObject {
  const { id: _, ...shape } = update.shape;
  return z.strictObject(shape);
}

/** The path names the record: an `id` in the body as well is refused rather than silently overridden. */
function withPathId(body: Record<string, unknown>, params: Record<string, string>): Record<string, unknown> {
  if ('id' in body) {
    throw new HttpProblem('VALIDATION_FAILED', 'Invalid body: id: the record is named by the URL path; leave id out of the body.', {
      issues: [{ path: ['body', 'id'], message: 'the record is named by the URL path; leave id out of the body', code: 'unrecognized_keys' }],
    });
  }
  return { ...body, id: params['id'] };
}

const archiveBody = z.strictObject({
  version: z.number().int().positive().optional().openapi({ description: 'The version you last saw; a newer one is a 409 CONFLICT.' }),
});

/**
 * The directory: communities, parks, buildings, enterprises, teams and members — create, list
 * (filters, archived, pages), read by id or code, update, archive — plus an enterprise's life
 * cycle. Writes are for the station head and office staff (403 otherwise); another office's
 * record is 404. Reads are what the authorization policy's `directoryAccess` allows: by
 * default an enterprise contact reads only their own enterprise and other members without
 * their contact details.
 */
export function registerDirectoryRoutes(app: OpenAPIHono<ServerEnv>): void {
  for (const [kind, spec] of Object.entries(KINDS) as [DirectoryKind, KindSpec][]) {
    const base = `/api/${kind}`;
    jsonRoute(app, {
      method: 'post',
      path: base,
      tag: spec.tag,
      summary: `Create a ${spec.label}`,
      description: 'Station head and office staff only. A code already used in the office is 409 DUPLICATE.',
      body: spec.create,
      status: 201,
      response: spec.record,
      handler: ({ session, body }) => apiOf(session, kind).create(body),
    });
    jsonRoute(app, {
      method: 'get',
      path: base,
      tag: spec.tag,
      summary: `List ${kind}, ordered by code, a page at a time`,
      description: `Filters: ${spec.filters.length ? spec.filters.join(', ') : 'none'}. \`search\` finds by name words or code prefix. Archived records are left out unless \`includeArchived=true\`. Follow \`nextCursor\` with \`cursor\`.${spec.narrowed ? ` ${spec.narrowed}` : ''}`,
      query: listQuery(spec),
      response: pageSchema(spec.pageName, spec.record),
      handler: ({ session, query }) => apiOf(session, kind).list(listOptions(spec, query)),
    });
    // Registered before `{id}` routes, so that `by-code` is never taken for an id.
    jsonRoute(app, {
      method: 'get',
      path: `${base}/by-code/{code}`,
      tag: spec.tag,
      summary: `A ${spec.label} by its stable code`,
      ...(spec.narrowed ? { description: spec.narrowed } : {}),
      response: spec.record,
      handler: async ({ session, params }) => {
        const code = params['code'] as string;
        const found = await apiOf(session, kind).findByCode(code);
        if (found === null) throw new KechuangError('NOT_FOUND', `No ${spec.label} with code '${code}' in your office. Check the code, or list ${base} to find it.`);
        return found;
      },
    });
    jsonRoute(app, {
      method: 'get',
      path: `${base}/{id}`,
      tag: spec.tag,
      summary: `A ${spec.label} by id`,
      ...(spec.narrowed ? { description: spec.narrowed } : {}),
      response: spec.record,
      handler: ({ session, params }) => apiOf(session, kind).get(params['id'] as string),
    });
    jsonRoute(app, {
      method: 'patch',
      path: `${base}/{id}`,
      tag: spec.tag,
      summary: `Update a ${spec.label}`,
      description: 'Only the fields sent change. Send `version` (the version you last saw) to be told of a concurrent change (409 CONFLICT) instead of overwriting it.',
      body: patchBody(spec.update),
      complete: { schema: spec.update, with: withPathId },
      response: spec.record,
      handler: ({ session, params, body }) => apiOf(session, kind).update({ ...body, id: params['id'] }),
    });
    jsonRoute(app, {
      method: 'post',
      path: `${base}/{id}/archive`,
      tag: spec.tag,
      summary: `Archive a ${spec.label}: it stays readable but takes no new work`,
      description: 'Send `{}`, or `{"version": n}` to be told of a concurrent change. Archiving an archived record changes nothing.',
      body: archiveBody,
      response: spec.record,
      handler: ({ session, params, body }) => apiOf(session, kind).archive({ ...body, id: params['id'] as string }),
    });
  }
  jsonRoute(app, {
    method: 'get',
    path: '/api/enterprises/{id}/lifecycle',
    tag: 'Directory',
    summary: "全生命周期: an enterprise's requests (those you may see), visits and outcomes",
    description: 'An enterprise you may not read is 404: under the default policy, an enterprise contact reads only their own.',
    response: enterpriseLifecycleSchema,
    handler: ({ session, params }) => session.enterprises.lifecycle(params['id'] as string),
  });
}
