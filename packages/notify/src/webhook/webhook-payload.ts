import type { JsonValue, NotificationLocale, NotificationMessage, NotificationRecipient } from '@kechuang/community';

/**
 * The JSON body of a webhook delivery, as {@link verifyWebhook} returns it to receivers. It is
 * the rendered message (text already masked) minus the HTML part, with dates as ISO strings.
 */
export interface WebhookPayload {
  /** The outbox row's id: differs per delivery target, stable across retries. */
  id: string;
  /** Stable per (event, recipient, channel): drop a second delivery that carries one you have seen. */
  idempotencyKey: string;
  /** What happened, e.g. `request.assign`. */
  event: string;
  /** The recipient's language the message is rendered in. */
  locale: NotificationLocale;
  /** A short subject line. */
  title: string;
  /** The plain-text body, personal numbers masked. */
  text: string;
  /** Who it is for. */
  to: NotificationRecipient;
  /** The office it comes from. */
  officeId: string;
  /** The request it is about, or null. */
  requestId: string | null;
  /** Structured facts (ids, status, deadlines as ISO strings). */
  data: { [key: string]: JsonValue };
  /** When the notification was written, as an ISO 8601 string. */
  createdAt: string;
}

/** The payload for `message`, in the field order receivers see. */
export function webhookPayload(message: NotificationMessage): WebhookPayload {
  return {
    id: message.id,
    idempotencyKey: message.idempotencyKey,
    event: message.event,
    locale: message.locale,
    title: message.title,
    text: message.text,
    to: message.to,
    officeId: message.officeId,
    requestId: message.requestId,
    data: message.data,
    createdAt: message.createdAt.toISOString(),
  };
}
