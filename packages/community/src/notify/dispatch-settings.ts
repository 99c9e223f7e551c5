import { KechuangError } from '../errors/kechuang-error.js';
import type { Notifier } from './notifier.js';

/** How a worker delivers notifications: the `notify` option of `createWorker`. */
export interface NotifyWorkerOptions {
  /** Outbox rows leased per round. @default 20 */
  batchSize?: number;
  /** How many of a round's sends run at once. @default batchSize */
  concurrency?: number;
  /**
   * How long a lease lasts; a worker that dies holding one frees it after this. Must exceed
   * `sendTimeoutMs`, so that a lease outlives the send it covers. @default 60000
   */
  leaseMs?: number;
  /** Attempts before a notification that keeps failing becomes a dead letter. @default 8 */
  maxAttempts?: number;
  /** How long one send may take before it is aborted and retried later. @default 10000 */
  sendTimeoutMs?: number;
  /**
   * Retry delays: before attempt n + 1, a random delay in [0, min(maxMs, baseMs × 2^(n−1)))
   * ("full jitter", so that messages failing together do not retry together), or the
   * notifier's `retryAfterMs` when that is longer. @default { baseMs: 10000, maxMs: 3600000 }
   */
  backoff?: {
    /** The first retry's upper bound, in milliseconds. */
    baseMs?: number;
    /** The longest delay, in milliseconds. */
    maxMs?: number;
  };
  /** Uniform in [0, 1): the jitter's source; inject a seeded one in tests. @default Math.random */
  random?: () => number;
}

/** {@link NotifyWorkerOptions} with every default filled in. */
export interface DispatchSettings {
  owner: string;
  batchSize: number;
  concurrency: number;
  leaseMs: number;
  maxAttempts: number;
  sendTimeoutMs: number;
  backoff: { baseMs: number; maxMs: number };
  random: () => number;
}

/**
 * Fills in defaults and refuses settings under which a lease could end during its send, and
 * notifiers' rate limits that could never let a message through.
 */
export function dispatchSettings(owner: string, options: NotifyWorkerOptions = {}, notifiers: Iterable<Notifier> = []): DispatchSettings {
  const batchSize = options.batchSize ?? 20;
  const settings: DispatchSettings = {
    owner,
    batchSize,
    concurrency: options.concurrency ?? batchSize,
    leaseMs: options.leaseMs ?? 60_000,
    maxAttempts: options.maxAttempts ?? 8,
    sendTimeoutMs: options.sendTimeoutMs ?? 10_000,
    backoff: { baseMs: options.backoff?.baseMs ?? 10_000, maxMs: options.backoff?.maxMs ?? 3_600_000 },
    random: options.random ?? Math.random,
  };
  const issues: { path: (string | number)[]; message: string; code: string }[] = [];
  const positive = (path: string[], value: number, integer = true): void => {
    if (!(value > 0) || (integer && !Number.isInteger(value))) issues.push({ path: ['notify', ...path], message: `must be a positive ${integer ? 'whole ' : ''}number`, code: 'too_small' });
  };
  positive(['batchSize'], settings.batchSize);
  positive(['concurrency'], settings.concurrency);
  positive(['leaseMs'], settings.leaseMs);
  positive(['maxAttempts'], settings.maxAttempts);
  positive(['sendTimeoutMs'], settings.sendTimeoutMs);
  positive(['backoff', 'baseMs'], settings.backoff.baseMs, false);
  positive(['backoff', 'maxMs'], settings.backoff.maxMs, false);
  if (settings.leaseMs <= settings.sendTimeoutMs) {
    issues.push({ path: ['notify', 'leaseMs'], message: `must exceed sendTimeoutMs (${settings.sendTimeoutMs}), or a lease could end while its send is still running`, code: 'too_small' });
  }
  for (const notifier of notifiers) {
    (notifier.rateLimits ?? []).forEach(({ limit, windowMs }, i) => {
      if (!Number.isInteger(limit) || limit < 1 || !Number.isInteger(windowMs) || windowMs < 1) {
        issues.push({ path: ['notifiers', notifier.id, 'rateLimits', i], message: 'needs a positive whole limit and windowMs', code: 'too_small' });
      }
    });
  }
  if (issues.length > 0) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid worker notify options: ${issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}.`, { issues });
  }
  return settings;
}

/** The longest wait a notifier's `retryAfterMs` is taken at its word for. */
const MAX_RETRY_AFTER_MS = 86_400_000;

/** How long to wait before the next attempt, after `attempts` attempts failed. */
export function retryDelay(settings: Pick<DispatchSettings, 'backoff' | 'random'>, attempts: number, retryAfterMs?: number): number {
  const cap = Math.min(settings.backoff.maxMs, settings.backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.floor(settings.random() * cap);
  const asked = typeof retryAfterMs === 'number' && Number.isFinite(retryAfterMs) && retryAfterMs > 0 ? Math.min(retryAfterMs, MAX_RETRY_AFTER_MS) : 0;
  return Math.max(jittered, Math.ceil(asked));
}
