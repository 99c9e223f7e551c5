import { KechuangError } from '@kechuang/community';

/** A `STORAGE_ERROR`: the contract's error for a bad query, a bad row or a store that cannot be used. */
export function storageError(message: string, details: Record<string, unknown> = {}, cause?: unknown): KechuangError {
  return new KechuangError('STORAGE_ERROR', message, details, cause === undefined ? undefined : { cause });
}
