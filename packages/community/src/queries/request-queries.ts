import { z } from 'zod';
import type { Actor, ResolvedActor } from '../auth/actor.js';
import { scopeToWhere } from '../auth/authorization-policy.js';
import { parseInput } from '../errors/validation.js';
import { channels, type ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import { loadVisibleRequest } from '../pipeline/load-request.js';
import { loadActor, type Runtime } from '../pipeline/runtime.js';
import { rowToEntry, rowToRequest } from '../storage/records.js';
import type { Where, WhereCondition } from '../storage/types.js';
import { decodeCursor, encodeCursor, type Page } from './cursor.js';

/** A request and its whole timeline, oldest entry first. */
export interface RequestWithTimeline {
  /** The request. */
  request: ServiceRequest;
  /** Its timeline, oldest entry first. */
  timeline: TimelineEntry[];
}

const idList = z.union([z.string().min(1), z.array(z.string().min(1)).max(500)]);

/** Filters of a request list; every field is optional and they all must hold. */
export const requestListInput = z.strictObject({
  /** A state, or a list of states any of which may match. */
  status: idList.optional(),
  /** Only requests of this community. */
  communityId: z.string().min(1).optional(),
  /** Only requests about this park. */
  parkId: z.string().min(1).optional(),
  /** Only requests of this enterprise. */
  enterpriseId: z.string().min(1).optional(),
  /** Only requests with this lead (主办). */
  assigneeId: z.string().min(1).optional(),
  /** A category id, or a list of them. */
  category: idList.optional(),
  /** A channel, or a list of them. */
  channel: z.union([z.enum(channels), z.array(z.enum(channels))]).optional(),
  /** Created at or after this instant. */
  createdFrom: z.coerce.date().optional(),
  /** Created strictly before this instant. */
  createdTo: z.coerce.date().optional(),
  /** The SLA light at the time of the query: red, yellow, green or paused. */
  sla: z.enum(['overdue', 'due_soon', 'on_time', 'paused']).optional(),
  /** Only requests the office supervises (督办). */
  supervised: z.boolean().optional(),
  /** `newest` first (the default) or `oldest` first. */
  order: z.enum(['newest', 'oldest']).default('newest'),
  /** Page size, 1–500. @default 50 */
  limit: z.number().int().min(1).max(500).default(50),
  /** The `nextCursor` of the previous page; absent for the first page. */
  cursor: z.string().min(1).optional(),
});
/**
 * What `session.requests.list()` takes: filters that must all hold, the order and the page.
 *
 * @useDeclaredType
 */
export type RequestListInput = z.input<typeof requestListInput>;

/** Requests the actor or one of their teams assists on. */
export async function assistedRequestIds(runtime: Runtime, actor: ResolvedActor): Promise<string[]> {
  const parties = [...(actor.member ? [actor.member.id] : []), ...actor.teamIds];
  if (parties.length === 0) return [];
  const rows = await runtime.storage.findMany({
    model: 'request_party',
    where: [
      { field: 'officeId', value: actor.officeId },
      { field: 'partyId', op: 'in', value: parties },
    ],
  });
  return [...new Set(rows.map((r) => r['requestId'] as string))];
}

/** Storage conditions for an SLA light at `now`, among requests still being worked on. */
function slaConditions(light: 'overdue' | 'due_soon' | 'on_time' | 'paused', now: Date, working: string[]): Where {
  if (light === 'paused') return [{ field: 'pausedAt', op: 'is_not_null' }, { field: 'status', op: 'in', value: working }];
  const running: Where = [{ field: 'resolveDueAt', op: 'is_not_null' }, { field: 'pausedAt', op: 'is_null' }, { field: 'status', op: 'in', value: working }];
  if (light === 'overdue') return [...running, { field: 'resolveDueAt', op: 'lt', value: now }];
  if (light === 'due_soon') return [...running, { field: 'resolveDueAt', op: 'gte', value: now }, { field: 'dueSoonAt', op: 'lte', value: now }];
  return [...running, { field: 'resolveDueAt', op: 'gte', value: now }, { or: [{ field: 'dueSoonAt', op: 'is_null' }, { field: 'dueSoonAt', op: 'gt', value: now }] }];
}

/** Storage conditions for the list filters. */
function filterConditions(input: z.output<typeof requestListInput>): WhereCondition[] {
  const where: WhereCondition[] = [];
  const eqOrIn = (field: string, value: string | readonly string[] | undefined): void => {
    if (value === undefined) return;
    where.push(typeof value === 'string' ? { field, value } : { field, op: 'in', value });
  };
  eqOrIn('status', input.status);
  eqOrIn('communityId', input.communityId);
  eqOrIn('parkId', input.parkId);
  eqOrIn('enterpriseId', input.enterpriseId);
  eqOrIn('assigneeId', input.assigneeId);
  eqOrIn('category', input.category);
  eqOrIn('channel', input.channel);
  if (input.createdFrom) where.push({ field: 'createdAt', op: 'gte', value: input.createdFrom });
  if (input.createdTo) where.push({ field: 'createdAt', op: 'lt', value: input.createdTo });
  if (input.supervised !== undefined) where.push({ field: 'supervision', op: input.supervised ? 'is_not_null' : 'is_null' });
  return where;
}

/** Reading requests as one actor sees them. */
export interface RequestQueries {
  /** A request with its timeline; NOT_FOUND when the actor may not see it. */
  get(id: string): Promise<RequestWithTimeline>;
  /**
   * Lists visible requests with keyset pagination, ordered by creation time then id, so
   * pages never skip or repeat a row even while new requests arrive.
   */
  list(filter?: RequestListInput): Promise<Page<ServiceRequest>>;
}

export async function timelineOf(runtime: Runtime, officeId: string, requestId: string): Promise<TimelineEntry[]> {
  const rows = await runtime.storage.findMany({
    model: 'timeline_entry',
    where: [
      { field: 'officeId', value: officeId },
      { field: 'requestId', value: requestId },
    ],
    orderBy: [{ field: 'seq' }, { field: 'index' }],
  });
  return rows.map(rowToEntry);
}

export function requestQueries(runtime: Runtime, who: Actor): RequestQueries {
  return {
    async get(id) {
      const actor = await loadActor(runtime, who, 'read');
      const request = await loadVisibleRequest(runtime, actor, id);
      return { request, timeline: await timelineOf(runtime, actor.officeId, id) };
    },
    async list(raw = {}) {
      const input = parseInput(requestListInput, raw, 'request list filter');
      const actor = await loadActor(runtime, who, 'read');
      const scope = runtime.policy.scope(actor, await assistedRequestIds(runtime, actor));
      const direction = input.order === 'newest' ? 'desc' : 'asc';
      const cursorScope = `request:${input.order}`;
      const working = runtime.workflow.states.filter((s) => s !== 'replied' && !runtime.workflow.terminal.includes(s));
      const where: Where = [
        { field: 'officeId', value: actor.officeId },
        ...scopeToWhere(scope),
        ...filterConditions(input),
        ...(input.sla ? slaConditions(input.sla, runtime.clock.now(), working) : []),
      ];
      const rows = await runtime.storage.findMany({
        model: 'request',
        where,
        orderBy: [
          { field: 'createdAt', direction },
          { field: 'id', direction },
        ],
        ...(input.cursor ? { after: decodeCursor(cursorScope, input.cursor) } : {}),
        limit: input.limit + 1,
      });
      const items = rows.slice(0, input.limit).map(rowToRequest);
      const last = items[items.length - 1];
      return { items, nextCursor: rows.length > input.limit && last ? encodeCursor(cursorScope, [last.createdAt, last.id]) : null };
    },
  };
}
