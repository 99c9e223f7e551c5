import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import type { Runtime } from '../pipeline/runtime.js';
import { rowToRecord } from '../storage/records.js';
import type { OrderBy, Where } from '../storage/types.js';
import { firingCalendar } from './firing-calendar.js';
import type { TimerRecord } from './timer-record.js';

/** How a worker leases and retries. */
export interface LeaseSettings {
  owner: string;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
}

/** What one firing attempt came to. */
export type FireOutcome =
  | { kind: 'fired'; timer: TimerRecord }
  | { kind: 'lost'; timer: TimerRecord }
  | { kind: 'failed'; timer: TimerRecord; error: unknown; final: boolean };

/**
 * Leases up to `batchSize` due timers: pending ones due by now, and leased ones whose lease
 * has expired (their worker died). With `claim()` the whole batch is one atomic claim
 * (on PostgreSQL `FOR UPDATE SKIP LOCKED`), committed before anything fires; otherwise each
 * lease is a guarded update on the row's version. Either way two workers never hold the same
 * timer, and no lock is held while a timer fires.
 */
export async function leaseDueTimers(runtime: Runtime, settings: LeaseSettings, now: Date): Promise<TimerRecord[]> {
  const due: Where = [
    { field: 'status', op: 'in', value: ['pending', 'leased'] },
    { field: 'dueAt', op: 'lte', value: now },
    { or: [{ field: 'status', value: 'pending' }, { field: 'leaseExpiresAt', op: 'lte', value: now }] },
  ];
  const orderBy: OrderBy[] = [{ field: 'dueAt' }, { field: 'id' }];
  const { storage } = runtime;
  if (storage.capabilities.claim && storage.claim) {
    // The new lease ends after now, so the claimed rows leave `due` and no later claim takes them.
    const claimed = await storage.claim({
      model: 'timer',
      where: due,
      orderBy,
      limit: settings.batchSize,
      set: { status: 'leased', leaseOwner: settings.owner, leaseExpiresAt: new Date(now.getTime() + settings.leaseMs) },
      increment: ['attempts', 'version'],
    });
    return claimed.map((row) => rowToRecord<TimerRecord>(row));
  }
  const rows = await storage.findMany({ model: 'timer', where: due, orderBy, limit: settings.batchSize * 4 });
  // Without SKIP LOCKED, workers polling at once would all chase the same first rows: each
  // tries the oldest due rows in its own random order, so they spread out instead.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const leased: TimerRecord[] = [];
  for (const row of rows) {
    if (leased.length >= settings.batchSize) break;
    const timer = rowToRecord<TimerRecord>(row);
    const next: TimerRecord = { ...timer, status: 'leased', leaseOwner: settings.owner, leaseExpiresAt: new Date(now.getTime() + settings.leaseMs), attempts: timer.attempts + 1, version: timer.version + 1 };
    const updated = await storage.update({
      model: 'timer',
      where: [{ field: 'id', value: timer.id }, { field: 'version', value: timer.version }],
      data: { status: next.status, leaseOwner: next.leaseOwner, leaseExpiresAt: next.leaseExpiresAt, attempts: next.attempts, version: next.version },
    });
    if (updated) leased.push(next);
  }
  return leased;
}

/**
 * Fires one leased timer: its handler and the "fired" mark commit in one transaction, guarded
 * by the version the lease gave, so a timer whose lease expired and was taken over is fired by
 * exactly one worker. A failing handler rolls back; the timer is retried with exponential
 * backoff, and after `maxAttempts` it is marked `failed`.
 */
export async function fireTimer(runtime: Runtime, settings: LeaseSettings, timer: TimerRecord): Promise<FireOutcome> {
  const now = runtime.clock.now();
  const handler = runtime.timerHandlers.get(timer.kind);
  let events: { type: string; payload: unknown }[] = [];
  let committed: (() => Promise<void>) | undefined;
  try {
    if (!handler) throw new KechuangError('PLUGIN_ERROR', `No handler is registered for timers of kind '${timer.kind}'. Install the plugin that schedules them.`);
    await runtime.storage.transaction(async (tx) => {
      const current = await tx.findOne({ model: 'timer', where: [{ field: 'id', value: timer.id }, { field: 'version', value: timer.version }] });
      if (!current) throw new KechuangError('CONFLICT', 'The lease on this timer was lost.');
      const result = await handler({ timer, tx, now, calendar: () => firingCalendar(runtime, tx, timer.officeId) }, runtime);
      events = result?.events ?? [];
      committed = result?.committed;
      const fired = await tx.update({
        model: 'timer',
        where: [{ field: 'id', value: timer.id }, { field: 'version', value: timer.version }],
        data: { status: 'fired', firedAt: now, leaseOwner: null, leaseExpiresAt: null, lastError: null, version: timer.version + 1 },
      });
      if (!fired) throw new KechuangError('CONFLICT', 'The lease on this timer was lost.');
    });
  } catch (error) {
    if (isKechuangError(error, 'CONFLICT')) return { kind: 'lost', timer };
    const final = timer.attempts >= settings.maxAttempts;
    const backoffMs = Math.min(2 ** timer.attempts * 1000, 3_600_000);
    await runtime.storage.update({
      model: 'timer',
      where: [{ field: 'id', value: timer.id }, { field: 'version', value: timer.version }],
      data: {
        status: final ? 'failed' : 'pending',
        dueAt: final ? timer.dueAt : new Date(now.getTime() + backoffMs),
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: error instanceof Error ? error.message : String(error),
        failedAt: final ? now : null,
        version: timer.version + 1,
      },
    });
    return { kind: 'failed', timer, error, final };
  }
  for (const event of events) {
    try {
      runtime.emit(event.type, event.payload);
    } catch (error) {
      runtime.reportError(error, event.type);
    }
  }
  await committed?.();
  return { kind: 'fired', timer: rowToRecord<TimerRecord>({ ...(timer as unknown as Record<string, never>), status: 'fired', firedAt: now }) };
}
