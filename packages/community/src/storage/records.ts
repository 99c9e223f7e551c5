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

export function rowToRequest(row: Row): ServiceRequest {
  const { externalKey: _key, respondSettledAt: _settled, respondOnTime: _onTime, replyOnTime: _replyOnTime, ...rest } = row;
  return rest as unknown as ServiceRequest;
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
