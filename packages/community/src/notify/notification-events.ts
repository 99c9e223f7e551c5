import type { RequestCommandName } from '../events/core-events.js';

/**
 * What a notification can tell of: every request command (`request.<command>`), an escalation
 * step (`request.escalate`) and an SLA reminder (`sla.reminder`, 催办).
 */
export type NotificationEvent = `request.${RequestCommandName}` | 'request.escalate' | 'sla.reminder';

/**
 * A plugin's own notification event, `<plugin-id>.<name>`, declared in its setup with
 * `notifications.event(name)`. Rules and templates name it like a core event; it has no
 * built-in wording, so the plugin or the office provides it.
 *
 * @example
 * ```ts
 * const event: PluginNotificationEvent = 'progress-reports.report';
 * ```
 */
export type PluginNotificationEvent = `${string}.${string}`;

/**
 * Any event a recipient rule or a template may name: a core one (offered by editors), or a
 * plugin's. (`& {}` keeps the core names from being swallowed by the template type.)
 */
export type AnyNotificationEvent = NotificationEvent | (PluginNotificationEvent & {});

/** Every {@link NotificationEvent}, for validation and editors. */
export const notificationEvents = [
  'request.submit',
  'request.assign',
  'request.reassign',
  'request.accept',
  'request.return',
  'request.redispatch',
  'request.overrule_return',
  'request.start',
  'request.pause',
  'request.resume',
  'request.reply',
  'request.follow_up',
  'request.close',
  'request.merge',
  'request.withdraw',
  'request.add_assist',
  'request.sign_assist',
  'request.contribute',
  'request.note',
  'request.request_extension',
  'request.decide_extension',
  'request.supervise',
  'request.escalate',
  'sla.reminder',
] as const satisfies readonly NotificationEvent[];

// A command added to RequestCommandName but not listed above fails to compile here.
type Listed<Missing extends never> = Missing;
type EveryNotificationEventListed = Listed<Exclude<NotificationEvent, (typeof notificationEvents)[number]>>;
