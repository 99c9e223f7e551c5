import { notifyError, type Notifier } from '@kechuang/community';

/** Options of {@link loopbackNotifier}. */
export interface LoopbackNotifierOptions {
  id: string;
  url: string;
  rateLimits?: Notifier['rateLimits'];
}

/**
 * A minimal webhook notifier for the worker processes of the fault tests: POSTs the message as
 * JSON with the `Idempotency-Key`, `X-Kechuang-Attempt` and `X-Kechuang-Event` headers, and
 * `sentAt`, the dispatcher's `ctx.now` (the instant its rate windows counted the send), in the
 * body, which `webhookNotifier` does not carry and the rate-limit check needs. 2xx is
 * delivered; 408, 429, 5xx and network failures are retryable; other statuses permanent.
 */
export function loopbackNotifier(options: LoopbackNotifierOptions): Notifier {
  return {
    id: options.id,
    channel: 'webhook',
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
    async send(message, ctx) {
      const body = JSON.stringify({
        id: message.id,
        idempotencyKey: message.idempotencyKey,
        event: message.event,
        title: message.title,
        text: message.text,
        data: message.data,
        sentAt: ctx.now.toISOString(),
      });
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'idempotency-key': message.idempotencyKey,
            'x-kechuang-attempt': String(ctx.attempt),
            'x-kechuang-event': message.event,
          },
          body,
          signal: ctx.signal,
        });
      } catch (error) {
        throw notifyError.retryable(`${options.id}: no answer (${error instanceof Error ? error.message : String(error)})`, {}, { cause: error });
      }
      await response.text();
      if (response.status === 408 || response.status === 429 || response.status >= 500) throw notifyError.retryable(`${options.id}: HTTP ${response.status}`);
      if (response.status < 200 || response.status >= 300) throw notifyError.permanent(`${options.id}: HTTP ${response.status}`);
      return { externalId: null };
    },
  };
}
