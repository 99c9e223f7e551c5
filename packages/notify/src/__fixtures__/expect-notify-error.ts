import { isKechuangError, type KechuangError } from '@kechuang/community';
import { expect } from 'vitest';

/** The notify error `promise` rejects with, checked to carry `code`. */
export async function expectNotifyError(promise: Promise<unknown>, code: 'NOTIFY_RETRYABLE' | 'NOTIFY_PERMANENT'): Promise<KechuangError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error(`expected ${code}, but the send resolved (counted as delivered)`);
    },
    (rejection: unknown) => rejection,
  );
  if (!isKechuangError(error)) throw error;
  expect(error.code, error.message).toBe(code);
  return error;
}
