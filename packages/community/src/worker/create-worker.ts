import { EventEmitter } from 'eventemitter3';
import type { Community } from '../community.js';
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
}

/** What a worker reports. */
export interface WorkerEvents {
  /** A timer fired and its effect committed. */
  fired: [timer: TimerRecord];
  /** A round found nothing due. */
  idle: [];
  /** A timer's handler failed (it will be retried unless `final`), or the round itself failed. */
  error: [error: unknown, timer: TimerRecord | null, final: boolean];
}

/** A worker: leases due timers and fires them. */
export interface Worker extends EventEmitter<WorkerEvents> {
  readonly id: string;
  /** Starts polling. */
  start(): void;
  /** Stops polling and resolves once the round in flight has finished. */
  stop(): Promise<void>;
  /** Runs one round now (lease, fire); resolves with the number of timers fired. */
  runOnce(): Promise<number>;
}

/**
 * Creates a worker that fires durable timers (SLA reminders and escalations, plugin timers).
 * Any number of workers, in any number of processes, can run on the same storage: leases are
 * taken with the adapter's `claim` (`FOR UPDATE SKIP LOCKED` on PostgreSQL, committed before
 * any handler runs) or, without it, with guarded updates; a timer fires exactly once per due
 * time, and leases of a worker that died are taken over once they expire. Time comes from the
 * community's clock.
 *
 * @example
 * ```ts
 * const worker = createWorker(community, { leaseMs: 30_000 });
 * worker.on('fired', (timer) => log.info('fired', timer.kind));
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
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  let running = false;
  let timeout: ReturnType<typeof setTimeout> | null = null;
  let inFlight: Promise<number> | null = null;

  class TimerWorker extends EventEmitter<WorkerEvents> implements Worker {
    readonly id = settings.owner;

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
      if (leased.length === 0) this.emit('idle');
      return fired;
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
          if (running) timeout = setTimeout(loop, fired > 0 ? 0 : pollIntervalMs);
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
