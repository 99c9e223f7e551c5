import type { NotificationsConfig, NotifyRule } from '../config/config-schema.js';
import type { ServiceRequest } from '../model/request.js';
import type { AnyNotificationEvent } from './notification-events.js';

/**
 * Who is told what when an office configures nothing else (issue "who is told what"):
 * assigned → the assignee; returned → the dispatcher; a reminder → the assignee and watchers;
 * escalated → those and the next level (the step's roles); supervised → the assignee and the
 * next level; replied → the enterprise contact, who is also thanked for a rating; and for a
 * captain's report, the park's captain on every change.
 */
export const defaultNotifyRules: readonly NotifyRule[] = [
  { on: ['request.assign'], to: ['assignee'] },
  { on: ['request.return'], to: ['dispatcher'] },
  { on: ['sla.reminder'], to: ['assignee', 'watchers'] },
  { on: ['request.escalate'], to: ['assignee', 'watchers', 'next_level'] },
  { on: ['request.supervise'], to: ['assignee', 'next_level'] },
  { on: ['request.reply', 'request.follow_up'], to: ['enterprise_contact'] },
  { on: ['*'], to: ['captain'], when: { channel: ['captain_report'] } },
];

/** The rules in force: the defaults (unless the office replaces them), the office's, then plugins'. */
export function rulesInForce(config: NotificationsConfig | undefined, pluginRules: readonly NotifyRule[]): NotifyRule[] {
  const own = config?.rules ?? [];
  return [...(config?.replaceDefaults ? [] : defaultNotifyRules), ...own, ...pluginRules];
}

/**
 * Whether `rule` applies to `event` for `request`. `*` stands for the change itself (the
 * command's own event, a reminder or an escalation), not for an assignment it implies, so a
 * captain told of every change hears of a reassignment once. A plugin's notice is not a change
 * either (`primary` false): only rules that name its event apply.
 */
export function ruleApplies(rule: NotifyRule, event: AnyNotificationEvent, primary: boolean, request: ServiceRequest): boolean {
  if (!rule.on.some((on) => on === event || (on === '*' && primary))) return false;
  const when = rule.when;
  if (!when) return true;
  if (when.channel && !when.channel.includes(request.channel)) return false;
  if (when.category && !when.category.includes(request.category)) return false;
  if (when.priority && !when.priority.includes(request.priority)) return false;
  return true;
}
