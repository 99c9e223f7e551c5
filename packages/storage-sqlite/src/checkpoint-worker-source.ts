/** What the checkpoint worker receives as `workerData`. */
export interface CheckpointWorkerData {
  /** Absolute path of the database file; it must already exist (the adapter created it). */
  filename: string;
  /** Absolute path of better-sqlite3's entry, resolved by the adapter's own module. */
  driverPath: string;
  /** Milliseconds between checkpoints. */
  intervalMs: number;
  /** better-sqlite3's `nativeBinding` option, when the host gave one. */
  nativeBinding?: string;
}

/**
 * Milliseconds between checkpoints while the WAL keeps growing. Each checkpoint then has little
 * to copy, and the commit that reaches the adapter's safety net (see sqlite-storage.ts) finds
 * most pages already copied: with a 1 s pace under a stream of submits that commit copied
 * most of 40 MB and took up to 100 ms; at this pace its cost is the fsyncs.
 */
export const BUSY_INTERVAL_MS = 50;

/** The message that asks the worker for a final checkpoint and a clean exit. */
export const STOP_MESSAGE = 'stop';

/**
 * The checkpoint worker, as CommonJS source run with `new Worker(source, { eval: true })`.
 *
 * A string rather than a module file: the same code then runs from the TypeScript sources
 * (tests, `--conditions=source`) and from the bundled dist, where a separate worker file would
 * need its own build entry and a path that differs between the two. It loads better-sqlite3
 * from the path the adapter resolved, so both threads use the same copy of the driver.
 *
 * It checkpoints every `intervalMs` while nothing is written, and every {@link BUSY_INTERVAL_MS}
 * while the WAL keeps growing (its frame count changed since the last look).
 *
 * PASSIVE checkpoints never take the write lock and never wait, so they cannot delay the
 * adapter's commits; a busy or locked database only means trying again on the next tick.
 * `synchronous=NORMAL` keeps the checkpoint's fsyncs of the WAL and the database file, which
 * are what make checkpointed pages durable. Any other error escapes, ends the worker, and the
 * adapter falls back to checkpointing on commit.
 *
 * On the stop message it runs a TRUNCATE checkpoint without waiting for locks (another process
 * still writing only makes it copy what it can) and closes its connection; when that
 * connection is the file's last, SQLite also removes the WAL.
 */
export const CHECKPOINT_WORKER_SOURCE = `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const options = { fileMustExist: true };
if (typeof workerData.nativeBinding === 'string') options.nativeBinding = workerData.nativeBinding;
const db = new Database(workerData.filename, options);
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');

function checkpoint(mode) {
  try {
    return db.pragma('wal_checkpoint(' + mode + ')')[0];
  } catch (error) {
    const code = error && typeof error.code === 'string' ? error.code : '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw error;
    return undefined;
  }
}

const busyIntervalMs = Math.min(workerData.intervalMs, ${BUSY_INTERVAL_MS});
let lastLog = -1;
let timer = setTimeout(function tick() {
  const result = checkpoint('PASSIVE');
  const log = result === undefined ? lastLog : result.log;
  const writing = log !== lastLog;
  lastLog = log;
  timer = setTimeout(tick, writing ? busyIntervalMs : workerData.intervalMs);
}, workerData.intervalMs);

parentPort.on('message', (message) => {
  if (message !== ${JSON.stringify(STOP_MESSAGE)}) return;
  clearTimeout(timer);
  try {
    checkpoint('TRUNCATE');
  } finally {
    db.close();
    parentPort.close();
  }
});
`;
