import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import type { Runtime } from '../pipeline/runtime.js';
import { rowToRecord } from '../storage/records.js';
import type { Row, StorageOperations, Where } from '../storage/types.js';
import type { Notifier } from './notifier.js';

/**
 * A stored `rate_window` row. Each (notifier, window length) has one counter row, whose id is
 * {@link rateCounterId}, `windowStart` the last send and `count` the sends so far; every send
 * also leaves a row of its own (`count` 1, `windowStart` the send's time) until it has left
 * every window.
 */
export interface RateWindowRecord {
  id: string;
  notifierId: string;
  windowMs: number;
  windowStart: Date;
  count: number;
  version: number;
}

/** What asking for a send slot came to. */
export type RateSlot =
  /** A slot at `at`, the instant the windows count it at: send now, and hand the notifier `at`. */
  | { taken: true; at: Date }
  /**
   * A window is full (or too contended): the next slot frees at `until`. `slots` are the times
   * the coming slots free (the first is `until`), as far as the sends in the window tell;
   * after them, one more every `stride` ms.
   */
  | { taken: false; until: Date; contended: boolean; slots: readonly number[]; stride: number };

/** A notifier's rate limits as the limiter applies them. */
export type RateLimits = readonly { limit: number; windowMs: number }[];

/** Tries per slot when other workers keep winning the counter; then the message waits a little. */
const MAX_TRIES = 12;
/** Every this many sends through a counter, the sends that left its window are deleted. */
const PRUNE_EVERY = 64;
/** How many coming free slots a full window reports. */
const SLOTS_AHEAD = 32;

/** The id of the counter row of `notifierId`'s window of `windowMs`. */
export function rateCounterId(notifierId: string, windowMs: number): string {
  return `${notifierId.length}:${notifierId}:${windowMs}`;
}

/**
 * One limit per window length (the strictest), shortest window first, so that every worker
 * updates the counter rows in the same order and two transactions never wait on each other
 * crosswise.
 */
export function normalizeRateLimits(limits: RateLimits | undefined): RateLimits {
  const byWindow = new Map<number, number>();
  for (const { limit, windowMs } of limits ?? []) byWindow.set(windowMs, Math.min(limit, byWindow.get(windowMs) ?? Infinity));
  return [...byWindow].sort((a, b) => a[0] - b[0]).map(([windowMs, limit]) => ({ windowMs, limit }));
}

const sendsOf = (notifierId: string, windowMs: number, counterId: string): Where => [
  { field: 'notifierId', value: notifierId },
  { field: 'windowMs', value: windowMs },
  { field: 'id', op: 'ne', value: counterId },
];

/**
 * Takes one send slot in each of `notifier`'s windows, shared by every worker on the storage.
 *
 * The windows slide: a send is allowed when fewer than `limit` sends happened in the
 * `windowMs` before it, so no span of `windowMs` ever holds more than `limit` sends, whichever
 * instant it starts at (fixed windows would let twice the limit through around a boundary,
 * and a bot that counts per sliding minute would throttle). Counting and recording happen in
 * one transaction that also raises each window's counter row with a guarded update on its
 * version: of two workers that counted the same sends, one loses the guard and counts again,
 * so the count a send is allowed on is never stale. A full window gives the instant its oldest
 * counted send leaves it; all windows are checked before any is taken, so a full one wastes
 * no slot in another.
 */
export async function takeRateSlot(
  runtime: Pick<Runtime, 'storage' | 'newId'>,
  notifier: Pick<Notifier, 'id'>,
  limits: RateLimits,
  now: () => Date,
): Promise<RateSlot> {
  if (limits.length === 0) return { taken: true, at: now() };
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const at = now();
    try {
      const slot = await runtime.storage.transaction((tx) => takeWithin(tx, runtime.newId, notifier.id, limits, at));
      if (!slot.taken) return slot;
      for (const { windowMs, counterId } of slot.prune) {
        await runtime.storage.delete({ model: 'rate_window', where: [...sendsOf(notifier.id, windowMs, counterId), { field: 'windowStart', op: 'lte', value: new Date(at.getTime() - windowMs) }] });
      }
      return { taken: true, at };
    } catch (error) {
      // Another worker raised a counter (or created it) first: count again.
      if (isKechuangError(error, 'CONFLICT') || isKechuangError(error, 'UNIQUE_VIOLATION')) continue;
      throw error;
    }
  }
  const until = now().getTime() + Math.min(1000, limits[0]!.windowMs / limits[0]!.limit);
  return { taken: false, until: new Date(until), contended: true, slots: [until], stride: 0 };
}

/**
 * Hands out the coming free slots of a full notifier, one per message put back, so that a
 * backlog comes due slot by slot instead of all at the instant the window first frees (where
 * every worker would lease it, send one message and put the rest back again).
 */
export function slotQueue(slot: { slots: readonly number[]; stride: number }): () => number {
  let taken = 0;
  const last = slot.slots.at(-1) ?? 0;
  return () => {
    const k = taken++;
    return k < slot.slots.length ? slot.slots[k]! : last + (k - slot.slots.length + 1) * slot.stride;
  };
}

async function takeWithin(
  tx: StorageOperations,
  newId: () => string,
  notifierId: string,
  limits: RateLimits,
  at: Date,
): Promise<{ taken: true; prune: { windowMs: number; counterId: string }[] } | { taken: false; until: Date; contended: false; slots: number[]; stride: number }> {
  const counters: { windowMs: number; counterId: string; counter: RateWindowRecord | null }[] = [];
  let full: { slots: number[]; stride: number } | null = null;
  for (const { limit, windowMs } of limits) {
    const counterId = rateCounterId(notifierId, windowMs);
    const row = await tx.findOne({ model: 'rate_window', where: [{ field: 'id', value: counterId }] });
    const counter = row ? rowToRecord<RateWindowRecord>(row) : null;
    counters.push({ windowMs, counterId, counter });
    if (!counter) continue;
    const recent: Where = [...sendsOf(notifierId, windowMs, counterId), { field: 'windowStart', op: 'gt', value: new Date(at.getTime() - windowMs) }];
    const inWindow = await tx.count({ model: 'rate_window', where: recent });
    if (inWindow < limit) continue;
    // The next slot frees when the send `limit` places before the newest has left the window,
    // the one after when the send after it has, and so on.
    const leaving = await tx.findMany({ model: 'rate_window', where: recent, orderBy: [{ field: 'windowStart' }, { field: 'id' }], offset: inWindow - limit, limit: Math.min(limit, SLOTS_AHEAD) });
    const slots = leaving.map((row) => rowToRecord<RateWindowRecord>(row).windowStart.getTime() + windowMs);
    if (slots.length === 0) slots.push(at.getTime() + windowMs);
    // The window that frees last binds.
    if (!full || slots[0]! > full.slots[0]!) full = { slots, stride: windowMs / limit };
  }
  if (full) return { taken: false, until: new Date(full.slots[0]!), contended: false, ...full };
  const prune: { windowMs: number; counterId: string }[] = [];
  for (const { windowMs, counterId, counter } of counters) {
    if (counter) {
      const updated = await tx.update({
        model: 'rate_window',
        where: [{ field: 'id', value: counterId }, { field: 'version', value: counter.version }],
        data: { windowStart: at, count: counter.count + 1, version: counter.version + 1 },
      });
      if (!updated) throw new KechuangError('CONFLICT', 'Another worker took a slot in this window first.');
      if ((counter.count + 1) % PRUNE_EVERY === 0) prune.push({ windowMs, counterId });
    } else {
      const first: RateWindowRecord = { id: counterId, notifierId, windowMs, windowStart: at, count: 1, version: 1 };
      await tx.create({ model: 'rate_window', data: first as unknown as Row });
    }
    const send: RateWindowRecord = { id: newId(), notifierId, windowMs, windowStart: at, count: 1, version: 1 };
    await tx.create({ model: 'rate_window', data: send as unknown as Row });
  }
  return { taken: true, prune };
}
