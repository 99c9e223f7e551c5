import type { JsonValue } from '../storage/types.js';

/**
 * One notification of a plugin's own event about a request, written to the outbox by
 * `notifications.send` in the caller's transaction. Recipients come from the recipient rules
 * naming the event (the office's, then the plugins'), wording from the templates.
 */
export interface PluginNotice {
  officeId: string;
  requestId: string;
  /** The event, `<plugin-id>.<name>`, declared with `notifications.event`. */
  event: string;
  /** Unique per request and event: it keys the messages' idempotency, so a retried send writes nothing twice. */
  key: string;
  /** Extra values for the templates (`{name}`) and for integrators (`message.data`). */
  data?: { [key: string]: JsonValue };
  now: Date;
}
