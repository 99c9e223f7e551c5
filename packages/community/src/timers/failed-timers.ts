import type { Actor, ResolvedActor } from '../auth/actor.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { NotificationsApiHelpers } from '../notify/notifications-api.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { Page } from '../queries/cursor.js';
import { rowToRecord } from '../storage/records.js';
import type { Where } from '../storage/types.js';
import type { TimerRecord } from './timer-record.js';

/** Options of {@link TimersApi.failed}. */
export interface FailedTimerListInput {
  /** Page size, 1–500. @default 50 */
  limit?: number;
  /** The `nextCursor` of the previous page. */
  after?: string;
  /** Only timers of this kind, e.g. `sla.reminder` or `progress-reports.report`. */
  kind?: string;
  /** Only the timers of this request. */
  requestId?: string;
}

/**
 * Timers of the office that kept failing until the worker gave up on them, and firing one
 * again: the timers' counterpart of {@link NotificationsApi}'s dead letters.
 *
 * @example
 * ```ts
 * const page = await session.timers.failed({ kind: 'sla.reminder' });
 * for (const timer of page.items) console.log(timer.kind, timer.attempts, timer.lastError, timer.failedAt);
 * // Once the cause is fixed (e.g. the plugin that handles the kind is installed):
 * await session.timers.retry({ id: page.items[0]!.id });
 * ```
 */
export interface TimersApi {
  /**
   * The office's failed timers, oldest first (so paging is stable while new ones fail), with
   * `lastError`, `attempts` and `failedAt` saying what went wrong and when. Filter by `kind`
   * and/or `requestId`. Station heads, office staff and the system only.
   */
  failed(input?: FailedTimerListInput): Promise<Page<TimerRecord>>;
  /**
   * Puts a failed timer back to `pending`, due now, with its attempts reset, so that a worker
   * fires it again, handing its handler the same timer as the first time. Handlers check the
   * request's state when they fire (a concluded request's reminder does nothing). A timer
   * that has not failed is refused (INVALID_TRANSITION). Station heads, office staff and the
   * system only.
   */
  retry(input: { id: string }): Promise<TimerRecord>;
}

/** Who may look into and retry the office's failed timers: as for dead letters. */
const TIMER_ADMINS = ['station_head', 'office_staff'];
const CURSOR_SCOPE = 'timer.failed:createdAt,id';

function assertAdmin(actor: ResolvedActor): void {
  if (actor.kind === 'system' || TIMER_ADMINS.some((role) => actor.roleNames.has(role))) return;
  throw new KechuangError('FORBIDDEN', 'Only the station head and office staff may see and retry failed timers.');
}

/** Lists the office's failed timers, keyset-paged. */
export async function failedTimers(runtime: Runtime, who: Actor, input: FailedTimerListInput, { loadActor, decodeCursor, encodeCursor, pageSize }: NotificationsApiHelpers): Promise<Page<TimerRecord>> {
  const actor = await loadActor(runtime, who, 'read');
  assertAdmin(actor);
  const limit = pageSize(input.limit);
  const where: Where = [
    { field: 'officeId', value: actor.officeId },
    { field: 'status', value: 'failed' },
    ...(input.kind !== undefined ? [{ field: 'kind', value: input.kind }] : []),
    ...(input.requestId !== undefined ? [{ field: 'requestId', value: input.requestId }] : []),
  ];
  const rows = await runtime.storage.findMany({
    model: 'timer',
    where,
    orderBy: [{ field: 'createdAt' }, { field: 'id' }],
    ...(input.after ? { after: decodeCursor(CURSOR_SCOPE, input.after) } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit).map((row) => rowToRecord<TimerRecord>(row));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(CURSOR_SCOPE, [last.createdAt, last.id]) : null };
}

/** Re-queues one failed timer of the office. */
export async function retryTimer(runtime: Runtime, who: Actor, input: { id: string }, { loadActor, notFound }: NotificationsApiHelpers): Promise<TimerRecord> {
  const actor = await loadActor(runtime, who, 'write');
  assertAdmin(actor);
  const row = await runtime.storage.findOne({ model: 'timer', where: [{ field: 'officeId', value: actor.officeId }, { field: 'id', value: input.id }] });
  if (!row) throw notFound('timer', input.id);
  const timer = rowToRecord<TimerRecord>(row);
  if (timer.status !== 'failed') {
    const why = timer.status === 'fired' ? ' (it fired already)' : timer.status === 'cancelled' ? ' (it was cancelled)' : ' (a worker will still fire it)';
    throw new KechuangError('INVALID_TRANSITION', `Timer '${timer.id}' is ${timer.status}, not failed; only failed timers can be retried${why}.`, {
      state: timer.status,
      command: 'retry',
      model: 'timer',
    });
  }
  // lastError stays, so that whoever looks next still sees what went wrong before.
  const updated = await runtime.storage.update({
    model: 'timer',
    where: [{ field: 'id', value: timer.id }, { field: 'version', value: timer.version }],
    data: { status: 'pending', dueAt: runtime.clock.now(), attempts: 0, failedAt: null, leaseOwner: null, leaseExpiresAt: null, version: timer.version + 1 },
  });
  if (!updated) {
    throw new KechuangError('CONFLICT', `Timer '${timer.id}' changed while it was being re-queued; list the failed timers again.`, { expectedVersion: timer.version });
  }
  return rowToRecord<TimerRecord>(updated);
}
