import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { Row } from './types.js';

/**
 * Conversions between domain records and storage rows. Field names are shared, so most of
 * this is a cast; the exceptions are derived lookup columns and the timeline's actor.
 */

/**
 * The unique lookup key for an external reference. The source is length-prefixed so that no
 * two (source, id) pairs share a key whatever characters they contain; no NUL separator,
 * because PostgreSQL text cannot hold one.
 */
export function externalKey(ref: { source: string; id: string } | null): string | null {
  return ref ? `${ref.source.length}:${ref.source}:${ref.id}` : null;
}

export function requestToRow(request: ServiceRequest): Row {
  return { ...(request as unknown as Row), externalKey: externalKey(request.externalRef), ...responseFacts(request) };
}

export function rowToRequest(row: Row): ServiceRequest {
  const { externalKey: _key, respondSettledAt: _settled, respondOnTime: _onTime, replyOnTime: _replyOnTime, ...rest } = row;
  return rest as unknown as ServiceRequest;
}

// Statuses in which an unsigned request owes no sign-for: it was withdrawn or merged, or it
// went back to the dispatcher, who will assign it again with a fresh limit.
const NO_SIGN_FOR_OWED = new Set(['withdrawn', 'merged', 'returned']);

/**
 * The derived response and reply columns metrics count (see docs/metrics.md). A response is
 * settled when the lead signs for the request by its respond deadline (on time, at the
 * sign-for) or when the deadline passes without one (late, at the deadline). An unsigned
 * request that was withdrawn or merged before its deadline never settles.
 */
export function responseFacts(request: ServiceRequest): { respondSettledAt: Date | null; respondOnTime: boolean | null; replyOnTime: boolean | null } {
  const due = request.respondDueAt;
  const signed = request.respondedAt;
  let respondSettledAt: Date | null = null;
  let respondOnTime: boolean | null = null;
  if (due && signed) {
    respondOnTime = signed.getTime() <= due.getTime();
    respondSettledAt = respondOnTime ? signed : due;
  } else if (due) {
    const closed = request.closedAt;
    const owed = !NO_SIGN_FOR_OWED.has(request.status) || (request.status !== 'returned' && closed !== null && closed.getTime() > due.getTime());
    if (owed) {
      respondSettledAt = due;
      respondOnTime = false;
    }
  }
  const replyDue = request.resolveDueAt;
  const replied = request.repliedAt;
  const replyOnTime = replyDue && replied ? replied.getTime() <= replyDue.getTime() : null;
  return { respondSettledAt, respondOnTime, replyOnTime };
}

export function entryToRow(entry: TimelineEntry): Row {
  const { actor, ...rest } = entry;
  return { ...(rest as unknown as Row), actorKind: actor.kind, actorId: actor.id };
}

export function rowToEntry(row: Row): TimelineEntry {
  const { actorKind, actorId, ...rest } = row;
  return { ...(rest as unknown as Omit<TimelineEntry, 'actor'>), actor: { kind: actorKind as 'member' | 'system', id: actorId as string | null } };
}

/** Directory records are stored as they are. */
export function recordToRow<T extends object>(record: T): Row {
  return record as unknown as Row;
}

export function rowToRecord<T>(row: Row): T {
  return row as unknown as T;
}
