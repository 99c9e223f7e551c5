import { EventEmitter } from 'eventemitter3';
import type { Community } from '../community.js';
import type { DispatchOutcome, DispatchReport, Dispatcher } from '../notify/dispatch.js';
import type { OutboxRecord } from '../notify/dispatch-record.js';
import { dispatchSettings, type NotifyWorkerOptions } from '../notify/dispatch-settings.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import { fireTimer, leaseDueTimers, type LeaseSettings } from '../timers/fire-timers.js';
import type { TimerRecord } from '../timers/timer-record.js';

/** Options of {@link createWorker}. */
export interface WorkerOptions {
  /** Names this worker in leases; unique per process. @default a random id */
  id?: string;
  /** Timers leased per round. @default 20 */
  batchSize?: number;
  /** How long a lease lasts; a worker that dies holding one frees it after this. @default 60000 */
  leaseMs?: number;
  /** Pause between rounds when there was nothing due. @default 1000 */
  pollIntervalMs?: number;
  /** Attempts before a failing timer is marked `failed`. @default 10 */
  maxAttempts?: number;
  /**
   * How outbox rows are delivered through the community's notifiers (batch, lease, attempts,
   * send timeout, backoff); `false` leaves notifications to other workers.
   * @default { batchSize: 20, leaseMs: 60000, maxAttempts: 8, sendTimeoutMs: 10000, backoff: { baseMs: 10000, maxMs: 3600000 } }
   */
  notify?: NotifyWorkerOptions | false;
}

/** What a worker has done with notifications since it was created. */
export interface WorkerNotifyStats {
  /** Notifications delivered. */
  delivered: number;
  /** Failed attempts that will be retried. */
  failed: number;
  /** Notifications given up for good: dead letters. */
  dead: number;
  /** Rows put back unsent, without using up an attempt: a rate window was full (or too little of the lease was left). */
  rateLimited: number;
  /** Rows whose lease another worker had taken over by the time the outcome was recorded. */
  lostLeases: number;
}

/** What a worker reports. */
export interface WorkerEvents {
  /** A timer fired and its effect committed. */
  fired: [timer: TimerRecord];
  /** A round found nothing due. */
  idle: [];
  /** A notification was delivered (the row as stored: `externalId`, `deliveredAt`). */
  delivered: [notification: OutboxRecord];
  /** Sending a notification failed; it is retried at `notification.dueAt`. */
  failed: [notification: OutboxRecord, error: unknown];
  /** A notification failed for good (a permanent error or its last attempt): a dead letter. */
  dead: [notification: OutboxRecord, error: unknown];
  /**
   * A timer's handler failed (it will be retried unless `final`), the round itself failed, or
   * outbox rows wait for a notifier that is not registered (told once per notifier id).
   */
  error: [error: unknown, timer: TimerRecord | null, final: boolean];
}

/** A worker: leases due timers and fires them, and leases due notifications and sends them. */
export interface Worker extends EventEmitter<WorkerEvents> {
  /** The name the worker holds leases under: the `id` option, or a random one. */
  readonly id: string;
  /** Counts of what happened to notifications this worker leased. */
  readonly stats: Readonly<WorkerNotifyStats>;
  /** Starts polling. */
  start(): void;
  /** Stops polling and resolves once the round in flight has finished. */
  stop(): Promise<void>;
  /**
   * Runs one round now (lease and fire due timers, lease and send due notifications); resolves
   * with the number of timers fired plus notifications settled (delivered, failed or dead).
   */
  runOnce(): Promise<number>;
}

/**
 * Creates a worker that fires durable timers (SLA reminders and escalations, plugin timers)
 * and delivers outbox notifications through the community's notifiers.
 * Any number of workers, in any number of processes, can run on the same storage: leases are
 * taken with the adapter's `claim` (`FOR UPDATE SKIP LOCKED` on PostgreSQL, committed before
 * any handler runs or message is sent) or, without it, with guarded updates; a timer fires
 * exactly once per due time, a notification is delivered at least once (a retry carries the
 * same idempotency key), and leases of a worker that died are taken over once they expire.
 * Failed sends are retried with exponential backoff and full jitter, up to `maxAttempts`, then
 * become dead letters (`session.notifications.deadLetters()`); notifiers' rate limits are
 * shared by every worker through storage. Time comes from the community's clock.
 *
 * @example
 * ```ts
 * const worker = createWorker(community, { leaseMs: 30_000 });
 * worker.on('fired', (timer) => log.info('fired', timer.kind));
 * worker.on('dead', (notification, error) => log.error('undeliverable', notification.id, error));
 * worker.on('error', (error) => log.warn(error));
 * worker.start();
 * process.on('SIGTERM', () => worker.stop());
 * ```
 */
export function createWorker<E extends Record<string, unknown>>(community: Community<E>, options: WorkerOptions = {}): Worker {
  const runtime = runtimeOf(community);
  const settings: LeaseSettings = {
    owner: options.id ?? `worker-${globalThis.crypto.randomUUID()}`,
    batchSize: options.batchSize ?? 20,
    leaseMs: options.leaseMs ?? 60_000,
    maxAttempts: options.maxAttempts ?? 10,
  };
  const notify = options.notify === false ? null : dispatchSettings(settings.owner, options.notify, runtime.notifiers.values());
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  let running = false;
  let timeout: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<number> | null = null;
  let dispatcher: Dispatcher | null = null;
  /** Whether the last round leased anything, so the loop goes on at once. */
  let busy = false;

  class TimerWorker extends EventEmitter<WorkerEvents> implements Worker {
    readonly id = settings.owner;
    readonly stats: WorkerNotifyStats = { delivered: 0, failed: 0, dead: 0, rateLimited: 0, lostLeases: 0 };

    private readonly report: DispatchReport = {
      outcome: (outcome: DispatchOutcome) => {
        try {
          this.tell(outcome);
        } catch (error) {
          // The outcome is recorded already; a throwing listener must not stop the other sends.
          this.emit('error', error, null, false);
        }
      },
      problem: (error: unknown) => this.emit('error', error, null, false),
    };

    private tell(outcome: DispatchOutcome): void {
      switch (outcome.kind) {
        case 'delivered':
          this.stats.delivered++;
          this.emit('delivered', outcome.notification);
          break;
        case 'failed':
          this.stats.failed++;
          this.emit('failed', outcome.notification, outcome.error);
          break;
        case 'dead':
          this.stats.dead++;
          this.emit('dead', outcome.notification, outcome.error);
          break;
        case 'deferred':
          this.stats.rateLimited++;
          break;
        case 'lost':
          this.stats.lostLeases++;
          break;
      }
    }

    async runOnce(): Promise<number> {
      await runtime.ready();
      const leased = await leaseDueTimers(runtime, settings, runtime.clock.now());
      let fired = 0;
      for (const timer of leased) {
        const outcome = await fireTimer(runtime, settings, timer);
        if (outcome.kind === 'fired') {
          fired++;
          this.emit('fired', outcome.timer);
        } else if (outcome.kind === 'failed') this.emit('error', outcome.error, outcome.timer, outcome.final);
      }
      let notified = { leased: 0, settled: 0 };
      if (notify) {
        // Delivery code loads with the first round, so an embedding without a worker never loads it.
        dispatcher ??= (await import('../notify/dispatch.js')).createDispatcher(runtime, notify);
        notified = await dispatcher.round(this.report);
      }
      busy = leased.length > 0 || notified.leased > 0;
      if (!busy) this.emit('idle');
      return fired + notified.settled;
    }

    start(): void {
      if (running) return;
      running = true;
      const loop = (): void => {
        if (!running) return;
        inFlight = this.runOnce().catch((error: unknown) => {
          this.emit('error', error, null, false);
          return 0;
        });
        void inFlight.then((fired) => {
          inFlight = null;
          // Keep going at once while there is work; wait when idle.
          if (running) timeout = setTimeout(loop, fired > 0 || busy ? 0 : pollIntervalMs);
        });
      };
      loop();
    }

    async stop(): Promise<void> {
      running = false;
      if (timeout) clearTimeout(timeout);
      timeout = null;
      if (inFlight) await inFlight;
    }
  }
  return new TimerWorker();
}
