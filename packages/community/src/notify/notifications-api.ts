import type { Actor, ResolvedActor } from '../auth/actor.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { notFound } from '../pipeline/load-request.js';
import type { loadActor, Runtime } from '../pipeline/runtime.js';
import type { decodeCursor, encodeCursor, pageSize, Page } from '../queries/cursor.js';
import { rowToRecord } from '../storage/records.js';
import type { OutboxRecord } from './dispatch-record.js';

// Failed timers ride in this lazily loaded chunk: the same administrator's screen asks for both,
// and a chunk of their own would cost the start bundle more than the import.
export { failedTimers, retryTimer } from '../timers/failed-timers.js';

/** Options of {@link NotificationsApi.deadLetters}. */
export interface DeadLetterListInput {
  /** Page size, 1–500. @default 50 */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
}

/** Notifications of the office that could not be delivered, and their re-delivery. */
export interface NotificationsApi {
  /**
   * The office's dead letters, oldest first (so paging is stable while new ones arrive), with
   * `lastError` saying why each failed. Station heads, office staff and the system only.
   */
  deadLetters(input?: DeadLetterListInput): Promise<Page<OutboxRecord>>;
  /**
   * Puts a dead letter back to `pending`, due now, with its attempts reset, so that a worker
   * delivers it again (with the same idempotency key) once the cause is fixed. A notification
   * that is not dead is refused (INVALID_TRANSITION). Station heads, office staff and the system only.
   */
  redeliver(input: { id: string }): Promise<OutboxRecord>;
}

/** Who may look into and re-deliver the office's failed notifications. */
const NOTIFICATION_ADMINS = ['station_head', 'office_staff'];
const CURSOR_SCOPE = 'outbox.dead:createdAt,id';

function assertAdmin(actor: ResolvedActor): void {
  if (actor.kind === 'system' || NOTIFICATION_ADMINS.some((role) => actor.roleNames.has(role))) return;
  throw new KechuangError('FORBIDDEN', 'Only the station head and office staff may see and re-deliver failed notifications.');
}

/**
 * What this module needs from modules the start bundle already holds, passed in by the session
 * rather than imported (see session.ts for why).
 */
export interface NotificationsApiHelpers {
  loadActor: typeof loadActor;
  notFound: typeof notFound;
  decodeCursor: typeof decodeCursor;
  encodeCursor: typeof encodeCursor;
  pageSize: typeof pageSize;
}

/** Lists the office's dead letters, keyset-paged. */
export async function deadLetters(runtime: Runtime, who: Actor, input: DeadLetterListInput, { loadActor, decodeCursor, encodeCursor, pageSize }: NotificationsApiHelpers): Promise<Page<OutboxRecord>> {
  const actor = await loadActor(runtime, who, 'read');
  assertAdmin(actor);
  const limit = pageSize(input.limit);
  const rows = await runtime.storage.findMany({
    model: 'outbox',
    where: [
      { field: 'officeId', value: actor.officeId },
      { field: 'status', value: 'dead' },
    ],
    orderBy: [{ field: 'createdAt' }, { field: 'id' }],
    ...(input.after ? { after: decodeCursor(CURSOR_SCOPE, input.after) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit).map((row) => rowToRecord<OutboxRecord>(row));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(CURSOR_SCOPE, [last.createdAt, last.id]) : null };
}

/** Re-queues one dead letter of the office. */
export async function redeliver(runtime: Runtime, who: Actor, input: { id: string }, { loadActor, notFound }: NotificationsApiHelpers): Promise<OutboxRecord> {
  const actor = await loadActor(runtime, who, 'write');
  assertAdmin(actor);
  const row = await runtime.storage.findOne({ model: 'outbox', where: [{ field: 'officeId', value: actor.officeId }, { field: 'id', value: input.id }] });
  if (!row) throw notFound('notification', input.id);
  const record = rowToRecord<OutboxRecord>(row);
  if (record.status !== 'dead') {
    throw new KechuangError(
      'INVALID_TRANSITION',
      `Notification '${record.id}' is ${record.status}, not dead; only dead letters can be re-delivered${record.status === 'delivered' ? ' (it was delivered already)' : ' (a worker is still trying it)'}.`,
      { state: record.status, command: 'redeliver', model: 'outbox' },
    );
  }
  const updated = await runtime.storage.update({
    model: 'outbox',
    where: [{ field: 'id', value: record.id }, { field: 'version', value: record.version }],
    data: { status: 'pending', dueAt: runtime.clock.now(), attempts: 0, deadAt: null, leaseOwner: null, leaseExpiresAt: null, version: record.version + 1 },
  });
  if (!updated) {
    throw new KechuangError('CONFLICT', `Notification '${record.id}' changed while it was being re-queued; list the dead letters again.`, { expectedVersion: record.version });
  }
  return rowToRecord<OutboxRecord>(updated);
}
