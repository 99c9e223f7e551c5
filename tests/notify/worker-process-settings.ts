import type { NotifyWorkerOptions } from '@kechuang/community';

/**
 * The worker processes' delivery settings: leases short enough that the next process takes over
 * a dead one's rows within the test, small batches so that a kill lands among sends, quick
 * retries, and enough attempts that kills and the sink's seeded 503s never exhaust them: only
 * the events the sink refuses outright (HTTP 400, permanent) may end dead.
 */
export const WORKER_PROCESS_NOTIFY: NotifyWorkerOptions = {
  batchSize: 10,
  concurrency: 5,
  leaseMs: 1_500,
  sendTimeoutMs: 1_000,
  maxAttempts: 40,
  backoff: { baseMs: 20, maxMs: 200 },
};
