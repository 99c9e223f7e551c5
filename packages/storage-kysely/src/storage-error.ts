import { KechuangError } from '@kechuang/community';

/** A `STORAGE_ERROR` with details and, when a driver failed, its error as the cause. */
export function storageError(message: string, details: Record<string, unknown> = {}, cause?: unknown): KechuangError {
  return new KechuangError('STORAGE_ERROR', message, details, cause === undefined ? undefined : { cause });
}
