import type { NotifyRule } from '../config/config-schema.js';
import type { ServiceRequest } from '../model/request.js';
import type { JsonValue, Row } from '../storage/types.js';
import { memberAddress, memberLocale } from './member-reach.js';
import { messageVars, type MessageFacts } from './message-vars.js';
import type { AnyNotificationEvent, NotificationEvent } from './notification-events.js';
import type { NotificationLocale, NotificationRecipient } from './notifier.js';
import { ruleApplies } from './recipient-rules.js';
import { renderMessage, type TemplateSources } from './render-message.js';
import { resolveRecipients, type MemberIndex, type Recipient } from './resolve-recipients.js';

/** What an office's notification settings come to for one change. */
export interface NotifySetup {
  /** Channel → the id of the notifier that delivers it. Only these channels get rows. */
  channels: ReadonlyMap<string, string>;
  rules: readonly NotifyRule[];
  templates: TemplateSources;
  /** The locale of messages to a channel with no member. */
  channelLocale: NotificationLocale;
}

/** One event a change tells of; `primary` is the change itself, not an assignment it implies. */
export interface ChangeEvent {
  event: AnyNotificationEvent;
  primary: boolean;
}

/** A committed (or committing) change, as notifications see it. */
export interface ChangeToTell extends MessageFacts {
  officeId: string;
  previous: ServiceRequest | null;
  events: readonly ChangeEvent[];
  /** The acting member, who is not told of their own change. */
  actorMemberId: string | null;
  /** The roles of the next level (an escalation step's; the station head for a supervision). */
  nextLevelRoles: readonly string[];
  /**
   * Names the change uniquely within the request: `<requestId>:<version>` for a change that
   * creates a version, the timer's key for a reminder. Idempotency keys start with it.
   */
  keyBase: string;
  /** Extra facts for integrators (`message.data`). */
  data: { [key: string]: JsonValue };
  now: Date;
}

/**
 * The events a request command's change tells of: the command's own, plus `request.assign`
 * when the change gave the request a lead (routing at submit, reassign, redispatch, a redo,
 * an overruled return), so that "assigned → the assignee" holds however it happened.
 */
export function commandEvents(command: string, request: ServiceRequest, previous: ServiceRequest | null): ChangeEvent[] {
  const own = `request.${command}` as NotificationEvent;
  const events: ChangeEvent[] = [{ event: own, primary: true }];
  const assigned =
    request.assigneeId !== null &&
    (previous === null || previous.assigneeId !== request.assigneeId || (request.assignedAt?.getTime() ?? null) !== (previous.assignedAt?.getTime() ?? null));
  if (assigned && own !== 'request.assign') events.push({ event: 'request.assign', primary: false });
  return events;
}

/** Who gets what over which channels: recipients in order, each with the channels its rules allow (null: all). */
function audience(setup: NotifySetup, change: ChangeToTell, event: ChangeEvent, index: MemberIndex): { recipient: Recipient; via: Set<string> | null }[] {
  const byKey = new Map<string, { recipient: Recipient; via: Set<string> | null }>();
  const ctx = { request: change.request, previous: change.previous, nextLevelRoles: change.nextLevelRoles };
  for (const rule of setup.rules) {
    if (!ruleApplies(rule, event.event, event.primary, change.request)) continue;
    for (const recipient of resolveRecipients(rule.to, ctx, index, change.actorMemberId)) {
      const key = recipient.kind === 'member' ? recipient.member.id : `channel:${recipient.channel}`;
      const known = byKey.get(key);
      const via = rule.via ? new Set(rule.via) : null;
      if (!known) byKey.set(key, { recipient, via });
      else if (known.via !== null) known.via = via === null ? null : new Set([...known.via, ...via]);
    }
  }
  return [...byKey.values()];
}

/**
 * The outbox rows of a change: one per (event, recipient, channel), for channels the office
 * has a notifier for and the recipient has an address on (a `{ channel }` recipient needs
 * none). Each is rendered in the recipient's locale and masked; its idempotency key
 * `<keyBase>:<event>:<member id or ->:<channel>` is the same however often the change is
 * retried, and unique per office.
 */
export function outboxRows(setup: NotifySetup, change: ChangeToTell, index: MemberIndex, newId: () => string): Row[] {
  const rows: Row[] = [];
  const keys = new Set<string>();
  for (const event of change.events) {
    for (const { recipient, via } of audience(setup, change, event, index)) {
      const channels = recipient.kind === 'channel' ? [recipient.channel] : [...setup.channels.keys()];
      for (const channel of channels) {
        const notifierId = setup.channels.get(channel);
        if (notifierId === undefined || (via !== null && !via.has(channel))) continue;
        const member = recipient.kind === 'member' ? recipient.member : null;
        const address = member ? memberAddress(member, channel) : null;
        if (member && address === null) continue;
        const key = `${change.keyBase}:${event.event}:${member?.id ?? '-'}:${channel}`;
        // An assignment implied by a command and the command itself may name the same person
        // twice; the key says each (event, recipient, channel) once.
        if (keys.has(key)) continue;
        keys.add(key);
        const locale = member ? memberLocale(member) : setup.channelLocale;
        const name = member?.name ?? notifierId;
        const rendered = renderMessage(event.event, locale, messageVars(change, locale, name), setup.templates, channel === 'email');
        const to: NotificationRecipient = { memberId: member?.id ?? null, name, address };
        rows.push({
          id: newId(),
          officeId: change.officeId,
          requestId: change.request.id,
          event: event.event,
          notifierId,
          channel,
          recipientMemberId: member?.id ?? null,
          idempotencyKey: key,
          message: { locale, title: rendered.title, text: rendered.text, html: rendered.html, to: { ...to }, data: { ...change.data, event: event.event } },
          status: 'pending',
          dueAt: change.now,
          attempts: 0,
          leaseOwner: null,
          leaseExpiresAt: null,
          lastError: null,
          externalId: null,
          deliveredAt: null,
          deadAt: null,
          createdAt: change.now,
          version: 1,
        });
      }
    }
  }
  return rows;
}
