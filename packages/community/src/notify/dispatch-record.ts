import type { JsonValue } from '../storage/types.js';
import type { NotificationLocale, NotificationMessage, NotificationRecipient } from './notifier.js';

/** Where an outbox row is in its life. */
export type OutboxStatus = 'pending' | 'leased' | 'delivered' | 'dead';

/** What an outbox row stores of the rendered message. */
export interface OutboxMessage {
  /** The recipient's language the message is rendered in. */
  locale: NotificationLocale;
  /** A short subject line. */
  title: string;
  /** The plain-text body. */
  text: string;
  /** An HTML body where the channel shows one; null otherwise. */
  html: string | null;
  /** The recipient. */
  to: NotificationRecipient;
  /** Structured facts for integrators (ids, status, deadlines as ISO strings). */
  data: { [key: string]: JsonValue };
}

/**
 * A stored outbox row: one notification to one recipient over one notifier, written in the
 * transaction of the change that caused it and delivered at least once by a worker.
 */
export interface OutboxRecord {
  /** The row's id; also the message's `id`. */
  id: string;
  /** The office it belongs to. */
  officeId: string;
  /** The request it is about, or null. */
  requestId: string | null;
  /** What happened, e.g. `request.assign`. */
  event: string;
  /** The notifier that delivers it; a row whose notifier is not registered waits for it. */
  notifierId: string;
  /** The notifier's kind of channel, e.g. `email` or `dingtalk`. */
  channel: string;
  /** The member told, or null for a bare address. */
  recipientMemberId: string | null;
  /** Unique in the office per (event, recipient, channel); sent with every attempt. */
  idempotencyKey: string;
  /** The rendered message. */
  message: OutboxMessage;
  /** `pending`, `leased` (a worker is sending it), `delivered` or `dead` (given up). */
  status: OutboxStatus;
  /** When the next attempt may start. */
  dueAt: Date;
  /** Attempts started so far (a lease counts one; a rate-limited one is given back). */
  attempts: number;
  /** The worker holding the lease, until `leaseExpiresAt`. */
  leaseOwner: string | null;
  /** When the lease ends and another worker may take the row over; null when not leased. */
  leaseExpiresAt: Date | null;
  /** The last failed attempt's error message, or null. */
  lastError: string | null;
  /** The channel's id for the delivered message, if it gave one. */
  externalId: string | null;
  /** When the channel accepted it, or null. */
  deliveredAt: Date | null;
  /** When it was given up (a dead letter), or null. */
  deadAt: Date | null;
  /** When it was written. */
  createdAt: Date;
  /** Raised by one with every change of the row. */
  version: number;
}

/** The message a notifier is handed for `record`: the same on every attempt. */
export function notificationOf(record: OutboxRecord): NotificationMessage {
  const { message } = record;
  return {
    id: record.id,
    idempotencyKey: record.idempotencyKey,
    event: record.event,
    locale: message.locale,
    title: message.title,
    text: message.text,
    html: message.html,
    to: message.to,
    officeId: record.officeId,
    requestId: record.requestId,
    data: message.data,
    createdAt: record.createdAt,
  };
}
