import { notifyError, type KechuangError } from '@kechuang/community';
import type { HttpReply } from './post-json.js';
import { retryAfterMs } from './retry-after.js';

/**
 * Whether an HTTP status means "try again later": 408 (the server gave up waiting), 425 (too
 * early), 429 (throttled) and every 5xx.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/**
 * The error for an answer that is not a 2xx. Retryable statuses carry the `Retry-After` wait;
 * every other status (3xx, the remaining 4xx) is permanent: the request itself is wrong — a
 * moved or deleted endpoint, a rejected signature — and sending it again cannot help.
 */
export function statusError(label: string, reply: HttpReply, now: Date): KechuangError {
  const details = { status: reply.status };
  if (isRetryableStatus(reply.status)) {
    const wait = retryAfterMs(reply.headers.get('retry-after'), now);
    return notifyError.retryable(`${label}: HTTP ${reply.status}`, wait === undefined ? details : { ...details, retryAfterMs: wait });
  }
  if (reply.status >= 300 && reply.status < 400) {
    return notifyError.permanent(`${label}: HTTP ${reply.status}, the endpoint redirects; configure the address it moved to`, details);
  }
  return notifyError.permanent(`${label}: HTTP ${reply.status}`, details);
}
