/** What a worker process tells the test over IPC. */
export type WorkerProcessMessage =
  /** The community is ready and the worker created; it starts on `go`. */
  | { type: 'ready'; workerId: string }
  /** A timer fired and its firing committed. */
  | { type: 'fired'; workerId: string; timerId: string; kind: string }
  /** A firing failed (it is retried unless final), or a round failed. */
  | { type: 'error'; workerId: string; timerId: string | null; message: string; final: boolean }
  /** The handler of `timerId` stalls on purpose: the worker holds its leases and never lets go. */
  | { type: 'stalled'; workerId: string; timerId: string }
  /** The worker stopped after `stop`; every message before this one has been sent. */
  | { type: 'stopped'; workerId: string };

/** What the test tells a worker process. */
export type TestToWorkerMessage = { type: 'go' } | { type: 'stop' };

/** The environment a worker process reads. */
export const WORKER_ENV = {
  schema: 'KECHUANG_WORKER_SCHEMA',
  id: 'KECHUANG_WORKER_ID',
  /** Stall in the n-th firing this process attempts (1-based); unset or 0: never. */
  stallAt: 'KECHUANG_WORKER_STALL_AT',
  leaseMs: 'KECHUANG_WORKER_LEASE_MS',
  batchSize: 'KECHUANG_WORKER_BATCH_SIZE',
} as const;
