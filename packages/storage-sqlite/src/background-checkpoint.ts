import { Worker } from 'node:worker_threads';
import { CHECKPOINT_WORKER_SOURCE, STOP_MESSAGE, type CheckpointWorkerData } from './checkpoint-worker-source.js';

/** Options of {@link startBackgroundCheckpoint}. */
export interface BackgroundCheckpointOptions extends CheckpointWorkerData {
  /**
   * Called at most once, when the worker cannot start or dies; checkpoints then stop until the
   * caller does something about it. Not called for a clean stop.
   */
  onFailure: (cause: unknown) => void;
}

/** A running checkpoint worker. */
export interface BackgroundCheckpoint {
  /**
   * Asks the worker for a final checkpoint, then resolves once its thread has exited (at once
   * if it already has). Idempotent.
   */
  stop(): Promise<void>;
}

/**
 * Starts a worker thread that checkpoints the WAL of `filename` every `intervalMs` on a
 * connection of its own, so the copy of WAL pages into the database file and its fsyncs never
 * run on the caller's event loop. The worker is unref'd: it never keeps a process alive.
 */
export function startBackgroundCheckpoint(options: BackgroundCheckpointOptions): BackgroundCheckpoint {
  const { onFailure, ...workerData } = options;
  let failed = false;
  let stopping = false;
  const fail = (cause: unknown): void => {
    if (failed) return;
    failed = true;
    onFailure(cause);
  };

  let worker: Worker;
  try {
    worker = new Worker(CHECKPOINT_WORKER_SOURCE, { eval: true, workerData: workerData satisfies CheckpointWorkerData });
  } catch (error) {
    fail(error);
    return { stop: () => Promise.resolve() };
  }
  worker.unref();
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', (code) => {
      if (!stopping) fail(new Error(`the checkpoint worker exited with code ${code}`));
      resolve();
    });
  });
  worker.on('error', fail);

  let stopped: Promise<void> | undefined;
  return {
    stop() {
      if (stopped) return stopped;
      stopping = true;
      // Held again while it finishes: a process whose last step is close() would otherwise
      // exit before close() resolves, skipping whatever the host does after it.
      worker.ref();
      worker.postMessage(STOP_MESSAGE);
      stopped = exited;
      return stopped;
    },
  };
}
