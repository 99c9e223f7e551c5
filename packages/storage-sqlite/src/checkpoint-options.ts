import { KechuangError } from '@kechuang/community';

/** Settings of the background checkpoint, the `checkpoint` option's object form. */
export interface SqliteBackgroundCheckpoint {
  /**
   * Milliseconds between the worker's checkpoints. Between two of them the WAL holds what was
   * committed meanwhile; a checkpoint with nothing to copy costs next to nothing.
   * @default 1000
   */
  intervalMs?: number;
  /**
   * Told, at most once, that the background checkpoint stopped working (the worker could not
   * start or died). The adapter has then gone back to SQLite's automatic checkpoints on its
   * own connection, so nothing grows without bound; the error says why.
   * @default logs the error's message with console.warn
   */
  onError?: (error: KechuangError) => void;
}

/**
 * How {@link SqliteStorageOptions} keeps the WAL from growing:
 * - `'background'`: a worker thread with its own connection checkpoints every second, and
 *   commits no longer do (see {@link SqliteBackgroundCheckpoint} to tune it);
 * - `'auto'`: SQLite's own automatic checkpoint, run inside the commit that takes the WAL past
 *   1000 pages, on the caller's thread.
 */
export type SqliteCheckpointOption = 'background' | 'auto' | SqliteBackgroundCheckpoint;

/** The checkpoint option with defaults applied. */
export type ResolvedCheckpoint = { mode: 'auto' } | { mode: 'background'; intervalMs: number; onError: (error: KechuangError) => void };

const DEFAULT_INTERVAL_MS = 1000;
// setTimeout's largest delay; a longer one fires at once.
const MAX_INTERVAL_MS = 2 ** 31 - 1;

function invalid(path: string[], message: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `sqliteStorage: ${message}`, {
    issues: [{ path, message, code: 'invalid_value' }],
  });
}

function warn(error: KechuangError): void {
  console.warn(error.message);
}

/** Applies defaults to the `checkpoint` option; an unknown value is a VALIDATION_FAILED error. */
export function resolveCheckpoint(option: SqliteCheckpointOption | undefined): ResolvedCheckpoint {
  if (option === 'auto') return { mode: 'auto' };
  if (option === undefined || option === 'background') return { mode: 'background', intervalMs: DEFAULT_INTERVAL_MS, onError: warn };
  if (typeof option !== 'object' || option === null) {
    throw invalid(['checkpoint'], `"checkpoint" must be 'background', 'auto' or { intervalMs, onError }, got ${JSON.stringify(option)}.`);
  }
  const intervalMs = option.intervalMs ?? DEFAULT_INTERVAL_MS;
  if (!Number.isInteger(intervalMs) || intervalMs < 1 || intervalMs > MAX_INTERVAL_MS) {
    throw invalid(['checkpoint', 'intervalMs'], `"checkpoint.intervalMs" must be a whole number of milliseconds from 1 to ${MAX_INTERVAL_MS}, got ${String(intervalMs)}.`);
  }
  if (option.onError !== undefined && typeof option.onError !== 'function') {
    throw invalid(['checkpoint', 'onError'], '"checkpoint.onError" must be a function that receives the error.');
  }
  return { mode: 'background', intervalMs, onError: option.onError ?? warn };
}
