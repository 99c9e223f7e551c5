import { KechuangError } from '../errors/kechuang-error.js';
import type { JsonValue } from '../storage/types.js';

/** The languages every notification template exists in. */
export type NotificationLocale = 'zh-CN' | 'en';

/** Who a notification goes to, as the notifier needs it. */
export interface NotificationRecipient {
  /** The member told, or null for a bare address (e.g. an integrator's webhook). */
  memberId: string | null;
  /** A display name for greetings and @-mentions. */
  name: string;
  /**
   * The member's address on this notifier's channel, e.g. an e-mail address, a DingTalk or
   * WeCom user id or mobile to @-mention; null when the channel needs none (a group robot
   * posts to its group, a webhook to its URL).
   */
  address: string | null;
}

/**
 * One message to deliver: rendered in the recipient's locale, with mobile and ID numbers
 * already masked. The same message is handed over again on every retry, with the same
 * `idempotencyKey`.
 */
export interface NotificationMessage {
  /** The outbox row's id. */
  id: string;
  /** Stable per (event, recipient, channel): receivers drop a second delivery with it. */
  idempotencyKey: string;
  /** What happened, e.g. `request.assign`, `sla.reminder`. */
  event: string;
  /** The recipient's language the message is rendered in. */
  locale: NotificationLocale;
  /** A short subject line (e-mail subject, card title). */
  title: string;
  /** The plain-text body. */
  text: string;
  /** An HTML body where the channel shows one (e-mail); null otherwise. */
  html: string | null;
  /** Who it goes to. */
  to: NotificationRecipient;
  /** The office it comes from. */
  officeId: string;
  /** The request it is about, or null. */
  requestId: string | null;
  /** Structured facts for integrators (ids, status, deadlines as ISO strings). */
  data: { [key: string]: JsonValue };
  /** When the change that caused it committed. */
  createdAt: Date;
}

/** What a notifier gets besides the message. */
export interface NotifyContext {
  /** 1 for the first try, 2 for the first retry, … */
  attempt: number;
  /** Aborted when the dispatcher gives up waiting (its send timeout) or shuts down. */
  signal: AbortSignal;
  /** The dispatcher's clock. */
  now: Date;
}

/** What a delivery came to. */
export interface NotifyResult {
  /** The channel's id for the delivered message (message id, request id), if it gives one. */
  externalId: string | null;
}

/**
 * Delivers notifications over one channel. `send` resolves once the channel accepted the
 * message, and rejects with {@link notifyError} `.retryable` (try again later: 5xx, 429, a
 * timeout, a bot's "too frequent" code) or `.permanent` (never retry: a bad signature, an
 * unknown recipient). Any other error counts as retryable. The dispatcher owns retries,
 * backoff, rate limits and dead letters; a notifier only sends.
 *
 * @example
 * ```ts
 * const console: Notifier = {
 *   id: 'console',
 *   channel: 'console',
 *   async send(message) {
 *     process.stdout.write(`${message.to.name}: ${message.text}\n`);
 *     return { externalId: null };
 *   },
 * };
 * ```
 */
export interface Notifier {
  /** Unique among the community's notifiers; names it in outbox rows and rate limits. */
  readonly id: string;
  /** The kind of channel (`webhook`, `dingtalk`, `wecom`, `feishu`, `email`, …). */
  readonly channel: string;
  /**
   * Sends at most this many messages per window, shared by every worker of every instance
   * through storage. @default no limit
   */
  readonly rateLimits?: readonly {
    /** The most messages in one window. */
    limit: number;
    /** The window's length, in milliseconds. */
    windowMs: number;
  }[];
  /** Delivers one message; resolves once the channel accepted it, or throws a {@link notifyError}. */
  send(message: NotificationMessage, ctx: NotifyContext): Promise<NotifyResult>;
  /** Releases connections (SMTP pools, keep-alive agents). */
  close?(): Promise<void>;
}

/**
 * Errors a notifier throws to say whether a failed send may be retried.
 *
 * @example
 * ```ts
 * if (body.errcode === 130101) throw notifyError.retryable('DingTalk: sending too fast', { retryAfterMs: 60_000 });
 * if (body.errcode === 310000) throw notifyError.permanent('DingTalk: the signature does not match');
 * ```
 */
export const notifyError = {
  /** A failure worth retrying later; `details.retryAfterMs` asks for a longer wait than the backoff. */
  retryable(message: string, details: { retryAfterMs?: number; [key: string]: unknown } = {}, options?: { cause?: unknown }): KechuangError {
    return new KechuangError('NOTIFY_RETRYABLE', message, details, options);
  },
  /** A failure that no retry can fix: the message goes straight to the dead letters. */
  permanent(message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }): KechuangError {
    return new KechuangError('NOTIFY_PERMANENT', message, details, options);
  },
};
