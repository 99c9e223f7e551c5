import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import type { Runtime } from '../pipeline/runtime.js';
import { rowToRecord } from '../storage/records.js';
import type { OrderBy, Row, Where } from '../storage/types.js';
import { notificationOf, type OutboxRecord } from './dispatch-record.js';
import { retryDelay, type DispatchSettings } from './dispatch-settings.js';
import type { Notifier, NotifyResult } from './notifier.js';
import { rateGate, type RateGate } from './rate-limit-gate.js';

/** What one leased outbox row came to. */
export type DispatchOutcome =
  | { kind: 'delivered'; notification: OutboxRecord }
  /** The send failed and will be retried at `notification.dueAt`. */
  | { kind: 'failed'; notification: OutboxRecord; error: unknown }
  /** The send failed for good (a permanent error, or the last attempt): a dead letter. */
  | { kind: 'dead'; notification: OutboxRecord; error: unknown }
  /** Not sent: a rate limit was full (or the lease too short); back to pending, no attempt counted. */
  | { kind: 'deferred'; notification: OutboxRecord; until: Date }
  /** Another worker took the row over (this worker's lease had expired); nothing recorded. */
  | { kind: 'lost'; notification: OutboxRecord };

/** Where a dispatcher reports what it did. */
export interface DispatchReport {
  outcome(outcome: DispatchOutcome): void;
  /** Problems that fail no message: outbox rows waiting for a notifier nobody registered. */
  problem(error: unknown): void;
}

/** What one round did. */
export interface DispatchRound {
  /** Rows leased. */
  leased: number;
  /** Rows whose attempt was recorded: delivered, failed or dead. */
  settled: number;
}

/** How often the dispatcher looks for rows of notifiers nobody registered. */
const UNKNOWN_CHECK_MS = 60_000;
/** The longest error text kept in `lastError`. */
const MAX_ERROR_LENGTH = 2000;

const dueWhere = (now: Date, notifierIds: readonly string[]): Where => [
  { field: 'status', op: 'in', value: ['pending', 'leased'] },
  { field: 'dueAt', op: 'lte', value: now },
  { or: [{ field: 'status', value: 'pending' }, { field: 'leaseExpiresAt', op: 'lte', value: now }] },
  { field: 'notifierId', op: 'in', value: [...notifierIds] },
];
const dueOrder: OrderBy[] = [{ field: 'dueAt' }, { field: 'id' }];
const guard = (record: OutboxRecord): Where => [{ field: 'id', value: record.id }, { field: 'version', value: record.version }];

/**
 * Leases up to `batchSize` due outbox rows of the given notifiers: pending ones due by now and
 * leased ones whose lease has expired. Like timer leases: one atomic `claim` where the adapter
 * has it (`FOR UPDATE SKIP LOCKED` on PostgreSQL), committed before anything is sent, or else
 * a guarded update per row; each lease counts an attempt and raises the version, so the
 * outcome of a send is recorded only by the worker that still holds it.
 */
export async function leaseDueNotifications(runtime: Runtime, settings: DispatchSettings, notifierIds: readonly string[], now: Date): Promise<OutboxRecord[]> {
  if (notifierIds.length === 0) return [];
  const { storage } = runtime;
  const where = dueWhere(now, notifierIds);
  const leaseExpiresAt = new Date(now.getTime() + settings.leaseMs);
  if (storage.capabilities.claim && storage.claim) {
    const claimed = await storage.claim({
      model: 'outbox',
      where,
      orderBy: dueOrder,
      limit: settings.batchSize,
      set: { status: 'leased', leaseOwner: settings.owner, leaseExpiresAt },
      increment: ['attempts', 'version'],
    });
    return claimed.map((row) => rowToRecord<OutboxRecord>(row));
  }
  const rows = await storage.findMany({ model: 'outbox', where, orderBy: dueOrder, limit: settings.batchSize * 4 });
  // Workers without SKIP LOCKED would all chase the oldest rows: each tries them in its own order.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(settings.random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const leased: OutboxRecord[] = [];
  for (const row of rows) {
    if (leased.length >= settings.batchSize) break;
    const record = rowToRecord<OutboxRecord>(row);
    const data = { status: 'leased', leaseOwner: settings.owner, leaseExpiresAt, attempts: record.attempts + 1, version: record.version + 1 } satisfies Row;
    const updated = await storage.update({ model: 'outbox', where: guard(record), data });
    if (updated) leased.push(rowToRecord<OutboxRecord>(updated));
  }
  return leased;
}

/**
 * Calls `notifier.send`, giving up after `timeoutMs`: the signal is aborted and the attempt
 * counts as a retryable failure even if the notifier ignores the signal (a receiver that did
 * get the message then sees the retry, with the same idempotency key).
 */
export async function sendWithTimeout(notifier: Notifier, record: OutboxRecord, now: Date, timeoutMs: number): Promise<NotifyResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      // notifyError.retryable, spelled out: importing it would split notifier.ts into a chunk of its own.
      const error = new KechuangError('NOTIFY_RETRYABLE', `Notifier '${notifier.id}' did not answer within ${timeoutMs} ms; the message will be sent again.`, { timeoutMs });
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  const sending = Promise.resolve().then(() => notifier.send(notificationOf(record), { attempt: record.attempts, signal: controller.signal, now }));
  // Once the timeout has won, the send's own rejection (usually the abort) is of no interest.
  sending.catch(() => undefined);
  try {
    return await Promise.race([sending, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

const errorText = (error: unknown): string => {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
};

/**
 * Sends one leased row and records the outcome with a guarded update on the version the lease
 * gave: `delivered`; a retryable failure back to `pending` after a backoff; a permanent failure,
 * or a failure of the last allowed attempt, `dead`. Before sending it takes a slot in each of
 * the notifier's rate windows; a full window puts the row back to `pending` until its turn
 * among the coming free slots, without counting the attempt.
 */
export async function dispatchNotification(
  runtime: Runtime,
  settings: DispatchSettings,
  notifier: Notifier,
  gate: RateGate,
  record: OutboxRecord,
): Promise<DispatchOutcome> {
  const { storage, clock } = runtime;
  const started = clock.now();
  // A send that could outlast the lease would race the worker that takes the row over.
  if (record.leaseExpiresAt && started.getTime() + settings.sendTimeoutMs >= record.leaseExpiresAt.getTime()) return putBack(runtime, record, started);
  const slot = await gate.slot(notifier);
  if (!slot.send) return putBack(runtime, record, slot.dueAt);
  let result: NotifyResult;
  try {
    result = await sendWithTimeout(notifier, record, slot.at, settings.sendTimeoutMs);
  } catch (error) {
    const now = clock.now();
    const permanent = isKechuangError(error, 'NOTIFY_PERMANENT');
    if (permanent || record.attempts >= settings.maxAttempts) {
      const dead = await storage.update({
        model: 'outbox',
        where: guard(record),
        data: { status: 'dead', deadAt: now, lastError: errorText(error), leaseOwner: null, leaseExpiresAt: null, version: record.version + 1 },
      });
      return dead ? { kind: 'dead', notification: rowToRecord<OutboxRecord>(dead), error } : { kind: 'lost', notification: record };
    }
    const retryAfterMs = isKechuangError(error, 'NOTIFY_RETRYABLE') ? error.details['retryAfterMs'] : undefined;
    const delay = retryDelay(settings, record.attempts, typeof retryAfterMs === 'number' ? retryAfterMs : undefined);
    const failed = await storage.update({
      model: 'outbox',
      where: guard(record),
      data: { status: 'pending', dueAt: new Date(now.getTime() + delay), lastError: errorText(error), leaseOwner: null, leaseExpiresAt: null, version: record.version + 1 },
    });
    return failed ? { kind: 'failed', notification: rowToRecord<OutboxRecord>(failed), error } : { kind: 'lost', notification: record };
  }
  const delivered = await storage.update({
    model: 'outbox',
    where: guard(record),
    data: { status: 'delivered', deliveredAt: clock.now(), externalId: result?.externalId ?? null, lastError: null, leaseOwner: null, leaseExpiresAt: null, version: record.version + 1 },
  });
  return delivered ? { kind: 'delivered', notification: rowToRecord<OutboxRecord>(delivered) } : { kind: 'lost', notification: record };
}

/** Returns a leased row to `pending` until `until`, giving back the attempt its lease counted. */
async function putBack(runtime: Runtime, record: OutboxRecord, until: Date): Promise<DispatchOutcome> {
  const updated = await runtime.storage.update({
    model: 'outbox',
    where: guard(record),
    data: { status: 'pending', dueAt: until, attempts: Math.max(0, record.attempts - 1), leaseOwner: null, leaseExpiresAt: null, version: record.version + 1 },
  });
  return updated ? { kind: 'deferred', notification: rowToRecord<OutboxRecord>(updated), until } : { kind: 'lost', notification: record };
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await task(items[next++]!);
  });
  await Promise.all(runners);
}

/** Leases and sends due outbox rows, round by round; one per worker. */
export interface Dispatcher {
  round(report: DispatchReport): Promise<DispatchRound>;
}

/** A dispatcher for `runtime`'s registered notifiers. */
export function createDispatcher(runtime: Runtime, settings: DispatchSettings): Dispatcher {
  const notifierIds = [...runtime.notifiers.keys()];
  const gate = rateGate(runtime);
  const reported = new Set<string>();
  let lastUnknownCheck: number | null = null;

  /** Tells once about each notifier id that outbox rows wait for but nobody registered. */
  async function reportUnknown(now: Date, report: DispatchReport): Promise<void> {
    if (lastUnknownCheck !== null && now.getTime() - lastUnknownCheck < UNKNOWN_CHECK_MS) return;
    lastUnknownCheck = now.getTime();
    for (let found = 0; found < 20; found++) {
      const [row] = await runtime.storage.findMany({
        model: 'outbox',
        where: [
          { field: 'status', op: 'in', value: ['pending', 'leased'] },
          { field: 'notifierId', op: 'not_in', value: [...notifierIds, ...reported] },
        ],
        limit: 1,
      });
      if (!row) return;
      const notifierId = rowToRecord<OutboxRecord>(row).notifierId;
      reported.add(notifierId);
      report.problem(
        new KechuangError(
          'PLUGIN_ERROR',
          `Outbox rows are waiting for notifier '${notifierId}', which is not registered. Pass it in createCommunity({ notifiers }); the rows stay pending and are delivered once it is.`,
          { notifierId },
        ),
      );
    }
  }

  return {
    async round(report) {
      const now = runtime.clock.now();
      await reportUnknown(now, report);
      const { open, limited } = gate.plan(notifierIds, now);
      const leased = await leaseDueNotifications(runtime, settings, open, now);
      for (const { id, limit } of limited) {
        const room = Math.min(limit, settings.batchSize - leased.length);
        if (room > 0) leased.push(...(await leaseDueNotifications(runtime, { ...settings, batchSize: room }, [id], now)));
      }
      let settled = 0;
      await pool(leased, settings.concurrency, async (record) => {
        const notifier = runtime.notifiers.get(record.notifierId);
        if (!notifier) return;
        let outcome: DispatchOutcome;
        try {
          outcome = await dispatchNotification(runtime, settings, notifier, gate, record);
        } catch (error) {
          // Storage failed while recording: the lease expires and the row is tried again.
          report.problem(error);
          return;
        }
        if (outcome.kind === 'delivered' || outcome.kind === 'failed' || outcome.kind === 'dead') settled++;
        report.outcome(outcome);
      });
      return { leased: leased.length, settled };
    },
  };
}
