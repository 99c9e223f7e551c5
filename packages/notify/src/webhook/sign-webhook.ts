import { createHmac } from 'node:crypto';

/** The headers of a webhook delivery (HTTP header names are case-insensitive). */
export const WEBHOOK_HEADERS = {
  /** Unix time in seconds when the delivery was signed. */
  timestamp: 'X-Kechuang-Timestamp',
  /** `v1=` + hex HMAC-SHA256 of `${timestamp}.${body}`; several comma-separated while secrets rotate. */
  signature: 'X-Kechuang-Signature',
  /** The message's idempotency key, the same on every retry. */
  idempotencyKey: 'Idempotency-Key',
  /** 1 for the first try, 2 for the first retry, … (not signed: informational). */
  attempt: 'X-Kechuang-Attempt',
  /** The event, so that receivers can route before parsing (not signed: informational). */
  event: 'X-Kechuang-Event',
} as const;

/** The signature scheme's version prefix. */
export const WEBHOOK_SIGNATURE_SCHEME = 'v1';

/** What {@link signWebhook} signs. */
export interface SignWebhookInput {
  /** The secret shared with the receiver, the HMAC key. */
  secret: string;
  /** Unix time in seconds, as sent in `X-Kechuang-Timestamp`. */
  timestamp: number;
  /** The exact body bytes sent. */
  body: string | Uint8Array;
}

/**
 * The `X-Kechuang-Signature` value for a delivery: `v1=` followed by the hex HMAC-SHA256, keyed
 * with the shared secret, of the timestamp, a full stop and the raw body. Signing the
 * timestamp with the body stops a captured request from being replayed later with a fresh
 * timestamp.
 *
 * @example
 * ```ts
 * const timestamp = Math.floor(Date.now() / 1000);
 * const signature = signWebhook({ secret: process.env.WEBHOOK_SECRET!, timestamp, body });
 * // headers: { 'X-Kechuang-Timestamp': String(timestamp), 'X-Kechuang-Signature': signature }
 * ```
 */
export function signWebhook(input: SignWebhookInput): string {
  return `${WEBHOOK_SIGNATURE_SCHEME}=${webhookDigest(input.secret, String(input.timestamp), input.body).toString('hex')}`;
}

/** The raw HMAC-SHA256 over `${timestamp}.${body}`. */
export function webhookDigest(secret: string, timestamp: string, body: string | Uint8Array): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(body).digest();
}
