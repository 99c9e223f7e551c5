import type { ServiceRequest } from '../model/request.js';
import { externalKey } from './records.js';
import type { FieldDefinition, Row } from './types.js';

/**
 * A request as a storage row: its fields, plus the derived lookup and metrics columns
 * (`rowToRequest` strips them again). Only the write paths need it, so it lives apart from
 * the read-side conversions that every embedding loads.
 *
 * `pluginFields` (the fields plugins add to requests) are left out: a command carries them as
 * it loaded them, and writing them back could undo a change a plugin made since. Plugins
 * write them themselves, through `tx`.
 */
export function requestToRow(request: ServiceRequest, pluginFields: Record<string, FieldDefinition> = {}): Row {
  const row: Row = { ...(request as unknown as Row), externalKey: externalKey(request.externalRef), ...responseFacts(request) };
  for (const field of Object.keys(pluginFields)) delete row[field];
  return row;
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

