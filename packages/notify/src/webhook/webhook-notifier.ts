import type { NotificationMessage, Notifier, NotifyContext, NotifyResult } from '@kechuang/community';
import { parseJsonObject } from '../http/parse-json-object.js';
import { postJson } from '../http/post-json.js';
import { statusError } from '../http/status-error.js';
import { signWebhook, WEBHOOK_HEADERS } from './sign-webhook.js';
import { webhookPayload } from './webhook-payload.js';

/** Options of {@link webhookNotifier}. */
export interface WebhookNotifierOptions {
  /** Where to POST, e.g. `https://oa.example.gov.cn/hooks/kechuang`. */
  url: string;
  /** The shared secret the receiver verifies `X-Kechuang-Signature` with ({@link verifyWebhook}). */
  secret: string;
  /**
   * Gives up on an attempt (retryably) after this many milliseconds without a full answer.
   * @default 10000
   */
  timeoutMs?: number;
  /**
   * Extra request headers, e.g. `{ Authorization: 'Bearer …' }` for a gateway in front of the
   * receiver. They cannot replace the content type or the signed `X-Kechuang-*` headers.
   */
  headers?: Record<string, string>;
  /**
   * The notifier's id in outbox rows and rate limits; give each receiver its own.
   * @default 'webhook'
   */
  id?: string;
  /** Sends at most this many deliveries per window across all workers. @default no limit */
  rateLimits?: readonly {
    /** The most deliveries in one window. */
    limit: number;
    /** The window's length, in milliseconds. */
    windowMs: number;
  }[];
  /**
   * The wall clock the signature timestamp is read from. The receiver checks it against its own
   * clock, so this is not the dispatcher's (possibly simulated) `ctx.now`.
   * @default () => new Date()
   */
  now?: () => Date;
}

/**
 * Delivers notifications to an integrator's HTTPS endpoint as signed JSON (see
 * {@link WebhookPayload}): `Idempotency-Key` carries the message's idempotency key,
 * `X-Kechuang-Timestamp` the signing time in Unix seconds and `X-Kechuang-Signature` the
 * HMAC-SHA256 of `${timestamp}.${body}` ({@link signWebhook}); receivers check both with
 * {@link verifyWebhook}.
 *
 * A 2xx is a delivery; its externalId is the `id` of a JSON answer, if there is one. 408, 429,
 * 5xx, network errors, timeouts and aborts are retryable (with the `Retry-After` wait); any
 * other status is permanent.
 *
 * @example
 * ```ts
 * import { webhookNotifier } from '@kechuang/notify';
 *
 * const community = createCommunity({
 *   storage,
 *   notifiers: [webhookNotifier({ id: 'oa', url: 'https://oa.example.gov.cn/hooks/kechuang', secret: process.env.OA_WEBHOOK_SECRET! })],
 * });
 * ```
 */
export function webhookNotifier(options: WebhookNotifierOptions): Notifier {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const id = options.id ?? 'webhook';
  const label = id === 'webhook' ? 'webhook' : `webhook ${id}`;
  const notifier: Notifier = {
    id,
    channel: 'webhook',
    async send(message: NotificationMessage, ctx: NotifyContext): Promise<NotifyResult> {
      const body = JSON.stringify(webhookPayload(message));
      const timestamp = Math.floor(now().getTime() / 1000);
      // Set, not spread: a caller's `idempotency-key` in another case must not sit beside ours.
      const headers = new Headers(options.headers);
      headers.set(WEBHOOK_HEADERS.idempotencyKey, message.idempotencyKey);
      headers.set(WEBHOOK_HEADERS.timestamp, String(timestamp));
      headers.set(WEBHOOK_HEADERS.signature, signWebhook({ secret: options.secret, timestamp, body }));
      headers.set(WEBHOOK_HEADERS.attempt, String(ctx.attempt));
      headers.set(WEBHOOK_HEADERS.event, message.event);
      const reply = await postJson({
        url: options.url,
        body,
        headers,
        timeoutMs,
        signal: ctx.signal,
        label,
      });
      if (reply.status < 200 || reply.status >= 300) throw statusError(label, reply, now());
      const id = parseJsonObject(reply.text)?.['id'];
      return { externalId: typeof id === 'string' || typeof id === 'number' ? String(id) : null };
    },
  };
  return options.rateLimits === undefined ? notifier : { ...notifier, rateLimits: options.rateLimits };
}
