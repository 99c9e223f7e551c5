import type { NotifyRule } from '../config/config-schema.js';
import type { AnyNotificationEvent } from './notification-events.js';
import type { PluginNotificationTemplate } from './notification-template.js';
import type { NotificationLocale } from './notifier.js';

/** The recipient rules and templates plugins registered, in registration order. */
export interface NotificationRegistry {
  rules: { plugin: string; rule: NotifyRule }[];
  /** By event, then locale; a later registration of the same pair replaces an earlier one. */
  templates: Map<AnyNotificationEvent, Map<NotificationLocale, { plugin: string; template: PluginNotificationTemplate }>>;
}

export function createNotificationRegistry(): NotificationRegistry {
  return { rules: [], templates: new Map() };
}
