import { isKechuangError, type KechuangError } from '../errors/kechuang-error.js';
import type { ErrorCode, PluginErrorCode } from '../errors/error-codes.js';

/**
 * Awaits `promise`, which must reject with a KechuangError (with `code`, when given), and
 * returns that error so the test can look at its details. Anything else fails the test.
 */
export async function rejection(promise: Promise<unknown>, code?: ErrorCode | PluginErrorCode): Promise<KechuangError> {
  let outcome: { settled: 'resolved'; value: unknown } | { settled: 'rejected'; error: unknown };
  try {
    outcome = { settled: 'resolved', value: await promise };
  } catch (error) {
    outcome = { settled: 'rejected', error };
  }
  if (outcome.settled === 'resolved') {
    throw new Error(`expected a KechuangError${code ? ` ${code}` : ''}, but the call resolved with ${JSON.stringify(outcome.value)?.slice(0, 300)}`);
  }
  const { error } = outcome;
  if (!isKechuangError(error)) throw new Error(`expected a KechuangError${code ? ` ${code}` : ''}, got ${String(error)}`, { cause: error });
  if (code !== undefined && error.code !== code) {
    throw new Error(`expected ${code}, got ${error.code}: ${error.message}`, { cause: error });
  }
  return error;
}

/** Like {@link rejection}, for a function that throws synchronously. */
export function thrown(run: () => unknown, code?: ErrorCode | PluginErrorCode): KechuangError {
  try {
    run();
  } catch (error) {
    if (!isKechuangError(error)) throw new Error(`expected a KechuangError${code ? ` ${code}` : ''}, got ${String(error)}`, { cause: error });
    if (code !== undefined && error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`, { cause: error });
    return error;
  }
  throw new Error(`expected a KechuangError${code ? ` ${code}` : ''}, but nothing was thrown`);
}
