import type { JsonValue } from '../storage/types.js';
import type { PluginNotificationEvent } from './notification-events.js';

/**
 * One notification of a plugin's own event about a request, written to the outbox by
 * `notifications.send` in the caller's transaction. Recipients come from the recipient rules
 * naming the event (the office's, then the plugins'; `*` rules do not apply), wording from the
 * templates (the office's, then the plugin's), channels from the office's notifiers. An office
 * without a config, or without channels and notifiers, is sent nothing.
 *
 * @example
 * ```ts
 * hooks.transaction('supervise', ({ tx, request }) =>
 *   notifications.send(tx, {
 *     officeId: request.officeId,
 *     requestId: request.id,
 *     event: 'progress-reports.report',
 *     key: `supervised-${request.version}`,
 *     data: { n: 3, elapsed: { 'zh-CN': '12个工作日', en: '12 working days' } },
 *     now: request.updatedAt,
 *   }),
 * );
 * ```
 */
export interface PluginNotice {
  /** The office of the request. */
  officeId: string;
  /** The request the notice is about; recipients are resolved from it. */
  requestId: string;
  /** The event, `<plugin-id>.<name>`, declared with `notifications.event`. */
  event: PluginNotificationEvent;
  /**
   * Unique per request and event: it keys the messages' idempotency, so a retried send writes
   * nothing twice. At most 200 characters.
   */
  key: string;
  /**
   * Extra values for the templates (`{name}`, letters only, for placeholders the core leaves
   * empty) and for integrators (`message.data`, where the core's facts such as `requestId` and
   * `status` win). A value given per locale, `{ 'zh-CN': '…', en: '…' }`, fills a template
   * with the recipient's locale's text.
   */
  data?: { [key: string]: JsonValue };
  /** When it is sent: the messages' creation and due time. */
  now: Date;
}
