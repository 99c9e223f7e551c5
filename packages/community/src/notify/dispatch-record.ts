import type { JsonValue } from '../storage/types.js';
import type { NotificationLocale, NotificationMessage, NotificationRecipient } from './notifier.js';

/** Where an outbox row is in its life. */
export type OutboxStatus = 'pending' | 'leased' | 'delivered' | 'dead';

/** What an outbox row stores of the rendered message. */
export interface OutboxMessage {
  locale: NotificationLocale;
  title: string;
  text: string;
  html: string | null;
  to: NotificationRecipient;
  data: { [key: string]: JsonValue };
}

/**
 * A stored outbox row: one notification to one recipient over one notifier, written in the
 * transaction of the change that caused it and delivered at least once by a worker.
 */
export interface OutboxRecord {
  id: string;
  officeId: string;
  requestId: string | null;
  /** What happened, e.g. `request.assign`. */
  event: string;
  /** The notifier that delivers it; a row whose notifier is not registered waits for it. */
  notifierId: string;
  channel: string;
  recipientMemberId: string | null;
  /** Unique in the office per (event, recipient, channel); sent with every attempt. */
  idempotencyKey: string;
  message: OutboxMessage;
  status: OutboxStatus;
  /** When the next attempt may start. */
  dueAt: Date;
  /** Attempts started so far (a lease counts one; a rate-limited one is given back). */
  attempts: number;
  /** The worker holding the lease, until `leaseExpiresAt`. */
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  /** The channel's id for the delivered message, if it gave one. */
  externalId: string | null;
  deliveredAt: Date | null;
  deadAt: Date | null;
  createdAt: Date;
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
