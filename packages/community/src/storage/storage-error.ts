import { KechuangError, type ErrorDetails } from '../errors/index.js';

/** A `STORAGE_ERROR`: the storage modules' one way to refuse a query or a row. */
export function storageError(message: string, details: ErrorDetails = {}): KechuangError {
  return new KechuangError('STORAGE_ERROR', message, details);
}
