import { timingSafeEqual } from 'node:crypto';
import { KechuangError } from '@kechuang/community';
import { parseJsonObject } from '../http/parse-json-object.js';
import { WEBHOOK_HEADERS, WEBHOOK_SIGNATURE_SCHEME, webhookDigest } from './sign-webhook.js';
import type { WebhookPayload } from './webhook-payload.js';

/** Options of {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /**
   * The shared secret, or several while rotating: a delivery signed with any of them passes.
   */
  secret: string | readonly string[];
  /**
   * How far the signed timestamp may lie from the receiver's clock, either way, in
   * milliseconds. Older deliveries are rejected as replays, later ones as forged.
   * @default 300000 (five minutes)
   */
  toleranceMs?: number;
  /** The receiver's clock. @default () => new Date() */
  now?: () => Date;
}

/**
 * The request headers as a receiver has them: a fetch `Headers` object, or Node's
 * `IncomingHttpHeaders` (lower-case names; repeated headers as arrays).
 */
export type WebhookRequestHeaders = Headers | { readonly [name: string]: string | readonly string[] | undefined };

/** Why {@link verifyWebhook} turned a delivery away; the `code` of the error's only issue. */
export type WebhookRejection =
  | 'webhook_timestamp_missing'
  | 'webhook_timestamp_malformed'
  | 'webhook_timestamp_stale'
  | 'webhook_timestamp_future'
  | 'webhook_signature_missing'
  | 'webhook_signature_mismatch'
  | 'webhook_body_malformed';

/**
 * A verifier for deliveries of {@link webhookNotifier}. The returned function takes the
 * request headers and the **raw** body (the bytes received, before any JSON parsing) and
 * returns the parsed {@link WebhookPayload}; it throws a `KechuangError` with code
 * `VALIDATION_FAILED` whose one issue names the header and the {@link WebhookRejection} when
 * the signature is missing or wrong (compared in constant time), the timestamp is missing,
 * stale or in the future, or the body is not a payload. Answer 401 to those, and drop a
 * payload whose `idempotencyKey` you have already processed: deliveries are at least once.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { isKechuangError } from '@kechuang/community';
 * import { verifyWebhook } from '@kechuang/notify';
 *
 * const verify = verifyWebhook({ secret: process.env.KECHUANG_WEBHOOK_SECRET! });
 * createServer((req, res) => {
 *   const chunks: Buffer[] = [];
 *   req.on('data', (chunk: Buffer) => chunks.push(chunk));
 *   req.on('end', () => {
 *     try {
 *       const payload = verify(req.headers, Buffer.concat(chunks));
 *       // … record payload.idempotencyKey, act on payload.event …
 *       res.writeHead(200).end();
 *     } catch (error) {
 *       res.writeHead(isKechuangError(error, 'VALIDATION_FAILED') ? 401 : 500).end();
 *     }
 *   });
 * }).listen(8080);
 * ```
 */
export function verifyWebhook(options: VerifyWebhookOptions): (headers: WebhookRequestHeaders, rawBody: string | Uint8Array) => WebhookPayload {
  const secrets = typeof options.secret === 'string' ? [options.secret] : [...options.secret];
  if (secrets.length === 0 || secrets.some((secret) => secret === '')) {
    throw new TypeError('verifyWebhook: give at least one non-empty secret');
  }
  const toleranceMs = options.toleranceMs ?? 300_000;
  const now = options.now ?? (() => new Date());

  return (headers, rawBody) => {
    const timestamp = header(headers, WEBHOOK_HEADERS.timestamp);
    if (timestamp === null) reject(WEBHOOK_HEADERS.timestamp, 'webhook_timestamp_missing', 'the timestamp header is missing');
    if (!/^\d{1,12}$/.test(timestamp)) reject(WEBHOOK_HEADERS.timestamp, 'webhook_timestamp_malformed', 'the timestamp is not Unix seconds');

    const signatures = parseSignatures(header(headers, WEBHOOK_HEADERS.signature));
    if (signatures.length === 0) reject(WEBHOOK_HEADERS.signature, 'webhook_signature_missing', `no ${WEBHOOK_SIGNATURE_SCHEME}= signature in the signature header`);
    const matches = secrets.some((secret) => {
      const expected = webhookDigest(secret, timestamp, rawBody);
      // Every candidate is compared, in constant time, so timing does not reveal which failed.
      return signatures.reduce((found, candidate) => safeEqual(candidate, expected) || found, false);
    });
    if (!matches) reject(WEBHOOK_HEADERS.signature, 'webhook_signature_mismatch', 'the signature does not match the body and timestamp');

    // Checked after the signature: only an authentic timestamp is worth judging.
    const skew = now().getTime() - Number(timestamp) * 1000;
    if (skew > toleranceMs) reject(WEBHOOK_HEADERS.timestamp, 'webhook_timestamp_stale', `the delivery was signed ${Math.round(skew / 1000)} s ago, beyond the tolerance`);
    if (-skew > toleranceMs) reject(WEBHOOK_HEADERS.timestamp, 'webhook_timestamp_future', `the delivery is dated ${Math.round(-skew / 1000)} s ahead of this clock`);

    const payload = parseJsonObject(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody));
    if (payload === null || typeof payload['idempotencyKey'] !== 'string' || typeof payload['id'] !== 'string' || typeof payload['event'] !== 'string') {
      reject('body', 'webhook_body_malformed', 'the body is not a notification payload');
    }
    return payload as unknown as WebhookPayload;
  };
}

function header(headers: WebhookRequestHeaders, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    return typeof value === 'string' ? value : value.join(', ');
  }
  return null;
}

/** The hex digests of every `v1=` entry; other schemes are skipped, so new ones can be added. */
function parseSignatures(value: string | null): Buffer[] {
  if (value === null) return [];
  const digests: Buffer[] = [];
  for (const entry of value.split(',')) {
    const [scheme, hex] = entry.trim().split('=', 2);
    if (scheme === WEBHOOK_SIGNATURE_SCHEME && hex !== undefined && /^[0-9a-f]{64}$/i.test(hex)) digests.push(Buffer.from(hex, 'hex'));
  }
  return digests;
}

function safeEqual(candidate: Buffer, expected: Buffer): boolean {
  return candidate.length === expected.length && timingSafeEqual(candidate, expected);
}

function reject(where: string, code: WebhookRejection, message: string): never {
  throw new KechuangError('VALIDATION_FAILED', `webhook rejected: ${message}`, {
    issues: [{ path: where === 'body' ? ['body'] : ['headers', where.toLowerCase()], message, code }],
  });
}
