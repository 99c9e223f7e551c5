import type { Actor } from '../auth/actor.js';
import { scopeToWhere } from '../auth/authorization-policy.js';
import type { AnyCommunity } from '../community.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { ActorRef } from '../model/timeline.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { loadActor } from '../pipeline/runtime.js';
import { assistedRequestIds } from '../queries/request-queries.js';
import type { Row } from '../storage/types.js';

/** One committed change to a request, as the change feed tells it: which request, which command step, when, by whom. */
export interface RequestChange {
  /** Where the change stands in the feed: hand it back as `after` to read on (an SSE id). */
  position: string;
  /** The request that changed. */
  requestId: string;
  /** The request's version once the command committed (the timeline's `seq`). */
  version: number;
  /** The entry's place among the command's timeline entries. */
  index: number;
  /** The timeline entry type, e.g. `submitted`, `assigned`, `replied`. */
  type: string;
  /** When the command committed. */
  at: Date;
  /** Who ran the command. */
  actor: ActorRef;
  /** The state before, when the step is a transition; otherwise null. */
  fromStatus: string | null;
  /** The state after, when the step is a transition; otherwise null. */
  toStatus: string | null;
}

/** Options of {@link readChanges}. */
export interface ReadChangesInput {
  /**
   * A `position` from an earlier read; absent or null to read from the start of the feed, or
   * `'now'` for no changes, just the position from which to read on to get changes committed
   * from now on (costs no scan of the feed).
   */
  after?: string | null;
  /** The most changes to scan (1–1000). @default 200 */
  limit?: number;
}

/** A page of the change feed. */
export interface ChangesPage {
  /** The changes the actor may see, in feed order. */
  changes: RequestChange[];
  /**
   * Where to read on from: the position of the last change scanned, even one the actor may not
   * see (so a reader never scans it again), or `after` when nothing new was committed.
   */
  position: string | null;
  /** True when the page was full: read on at once, there may be more. */
  more: boolean;
}

/**
 * Reads the committed changes to requests after a position, in commit order, limited to
 * the requests `actor` may see now. Every change is read exactly once by a reader that hands
 * back each page's `position`, even when several instances commit at once: the storage
 * adapter's feed holds back rows of transactions still open. Needs an adapter with
 * `capabilities.feed` (memory, SQLite, PostgreSQL).
 *
 * @example
 * ```ts
 * let position: string | null = null;
 * for (;;) {
 *   const page = await readChanges(community, { kind: 'member', officeId, memberId }, { after: position });
 *   for (const change of page.changes) console.log(change.requestId, change.type);
 *   position = page.position;
 *   if (!page.more) await sleep(1000);
 * }
 * ```
 */
export async function readChanges(community: AnyCommunity, who: Actor, input: ReadChangesInput = {}): Promise<ChangesPage> {
  const runtime = runtimeOf(community);
  const limit = input.limit ?? 200;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new KechuangError('VALIDATION_FAILED', 'Invalid limit: use a whole number from 1 to 1000.', { issues: [{ path: ['limit'], message: 'Use 1–1000', code: 'too_big' }] });
  }
  const { storage } = runtime;
  if (!storage.capabilities.feed || !storage.readFeed) {
    throw new KechuangError('UNSUPPORTED_ADAPTER', `Storage adapter '${storage.id}' cannot read a change feed (capabilities.feed). Use the memory, SQLite or PostgreSQL adapter.`);
  }
  const actor = await loadActor(runtime, who, 'read');
  if (input.after === 'now') {
    if (!storage.feedEnd) throw new KechuangError('UNSUPPORTED_ADAPTER', `Storage adapter '${storage.id}' has readFeed but not feedEnd; implement both.`);
    return { changes: [], position: await storage.feedEnd({ model: 'timeline_entry' }), more: false };
  }
  const entries = await storage.readFeed({ model: 'timeline_entry', where: [{ field: 'officeId', value: actor.officeId }], after: input.after ?? null, limit });
  const last = entries[entries.length - 1];
  if (!last) return { changes: [], position: input.after ?? null, more: false };
  const requestIds = [...new Set(entries.map((e) => e.row['requestId'] as string))];
  const scope = runtime.policy.scope(actor, await assistedRequestIds(runtime, actor));
  const visible = await storage.findMany({
    model: 'request',
    where: [{ field: 'officeId', value: actor.officeId }, { field: 'id', op: 'in', value: requestIds }, ...scopeToWhere(scope)],
  });
  const seen = new Set(visible.map((row) => row['id'] as string));
  return {
    changes: entries.filter((e) => seen.has(e.row['requestId'] as string)).map((e) => toChange(e.position, e.row)),
    position: last.position,
    more: entries.length === limit,
  };
}

function toChange(position: string, row: Row): RequestChange {
  return {
    position,
    requestId: row['requestId'] as string,
    version: row['seq'] as number,
    index: row['index'] as number,
    type: row['type'] as string,
    at: row['at'] as Date,
    actor: { kind: row['actorKind'] as ActorRef['kind'], id: (row['actorId'] as string | null) ?? null },
    fromStatus: (row['fromStatus'] as string | null) ?? null,
    toStatus: (row['toStatus'] as string | null) ?? null,
  };
}
