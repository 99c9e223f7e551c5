import type { ResolvedActor } from '../auth/actor.js';
import type { OfficeConfig } from '../config/config-schema.js';
import type { Member } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import { directoryRow } from '../pipeline/directory-cache.js';
import { officeRoster } from '../pipeline/office-roster.js';
import type { StoredConfig } from '../pipeline/office-config.js';
import { activeConfig } from '../pipeline/policy-engine.js';
import type { Runtime } from '../pipeline/runtime.js';
import { rowToRecord } from '../storage/records.js';
import type { Row, StorageOperations } from '../storage/types.js';
import type { TimerRecord } from '../timers/timer-record.js';
import type { MessageFacts } from './message-vars.js';
import type { NotificationEvent } from './notification-events.js';
import { commandEvents, outboxRows, type ChangeEvent, type ChangeToTell, type NotifySetup } from './outbox-rows.js';
import { ruleApplies, rulesInForce } from './recipient-rules.js';
import { indexMembers } from './resolve-recipients.js';

/**
 * The office's notification settings: its channels (the config's, then one per channel the
 * community has a notifier for), the rules in force and the templates.
 */
export function notifySetup(runtime: Runtime, config: OfficeConfig): NotifySetup {
  const notifications = config.notifications;
  const channels = new Map(Object.entries(notifications?.channels ?? {}));
  for (const notifier of runtime.notifiers.values()) {
    if (!channels.has(notifier.channel)) channels.set(notifier.channel, notifier.id);
  }
  return {
    channels,
    rules: rulesInForce(notifications, runtime.hooks.notifications.rules.map((r) => r.rule)),
    templates: { office: notifications?.templates, plugins: runtime.hooks.notifications.templates },
    channelLocale: notifications?.locale ?? 'zh-CN',
  };
}

const anyRuleApplies = (setup: NotifySetup, events: readonly ChangeEvent[], request: ServiceRequest): boolean =>
  events.some((e) => setup.rules.some((rule) => ruleApplies(rule, e.event, e.primary, request)));

/** Facts integrators get with every message (ids, state and deadlines, never free text). */
function dataOf(request: ServiceRequest): ChangeToTell['data'] {
  return {
    requestId: request.id,
    version: request.version,
    status: request.status,
    channel: request.channel,
    category: request.category,
    priority: request.priority,
    assigneeId: request.assigneeId,
    respondDueAt: request.respondDueAt?.toISOString() ?? null,
    resolveDueAt: request.resolveDueAt?.toISOString() ?? null,
  };
}

const categoryLabels = (config: OfficeConfig, category: string): MessageFacts['categoryLabels'] => config.categories.find((c) => c.id === category)?.labels ?? null;

/** A request command (submit included) that is about to commit. */
export interface CommandChange {
  stored: StoredConfig;
  /** The office's time zone (its calendar's). */
  timeZone: string;
  command: string;
  actor: ResolvedActor;
  request: ServiceRequest;
  previous: ServiceRequest | null;
  entries: readonly TimelineEntry[];
}

/**
 * The outbox rows of a request command, computed before its transaction opens so that the
 * transaction only inserts them. Members and the enterprise come from the caches keyed by the
 * office row the command has just read; nothing is read when no rule applies.
 */
export async function commandOutboxRows(runtime: Runtime, change: CommandChange): Promise<Row[]> {
  const { request, stored } = change;
  const setup = notifySetup(runtime, stored.config);
  const events = commandEvents(change.command, request, change.previous);
  if (setup.channels.size === 0 || !anyRuleApplies(setup, events, request)) return [];
  const { members } = await officeRoster(runtime, request.officeId);
  const index = indexMembers(members);
  const enterprise = request.enterpriseId ? await directoryRow(runtime, 'enterprise', request.officeId, request.enterpriseId) : null;
  const tell: ChangeToTell = {
    officeId: request.officeId,
    request,
    previous: change.previous,
    entries: change.entries,
    events,
    actorMemberId: change.actor.member?.id ?? null,
    actorName: change.actor.member?.name ?? null,
    assigneeName: request.assigneeId ? (index.byId.get(request.assigneeId)?.name ?? null) : null,
    enterpriseName: (enterprise?.['name'] as string | undefined) ?? null,
    categoryLabels: categoryLabels(stored.config, request.category),
    timeZone: change.timeZone,
    // Supervision by the office reaches the level that runs the station.
    nextLevelRoles: change.command === 'supervise' ? ['station_head'] : [],
    overdueDays: null,
    level: null,
    keyBase: `${request.id}:${request.version}`,
    data: dataOf(request),
    now: request.updatedAt,
  };
  return outboxRows(setup, tell, index, runtime.newId);
}

/** A reminder or an escalation step that is firing, inside its transaction. */
export interface TimerChange {
  stored: StoredConfig;
  timer: TimerRecord;
  /** The request after the firing (an escalation raised its level). */
  request: ServiceRequest;
  previous: ServiceRequest;
  entries: readonly TimelineEntry[];
  now: Date;
}

/**
 * The outbox rows of a firing reminder (`sla.reminder`) or escalation step
 * (`request.escalate`), read and written through the firing transaction: the worker's caches
 * may be older than the directory, so members are read afresh.
 */
export async function timerOutboxRows(runtime: Runtime, tx: StorageOperations, change: TimerChange): Promise<Row[]> {
  const { request, stored, timer } = change;
  const setup = notifySetup(runtime, stored.config);
  const escalation = timer.kind === 'sla.escalation';
  const event: NotificationEvent = escalation ? 'request.escalate' : 'sla.reminder';
  const events: ChangeEvent[] = [{ event, primary: true }];
  if (setup.channels.size === 0 || !anyRuleApplies(setup, events, request)) return [];
  const office = [{ field: 'officeId', value: request.officeId }] as const;
  const members = (await tx.findMany({ model: 'member', where: office })).map((row) => rowToRecord<Member>(row));
  const index = indexMembers(members);
  const enterprise = request.enterpriseId ? await tx.findOne({ model: 'enterprise', where: [...office, { field: 'id', value: request.enterpriseId }] }) : null;
  const { calendar } = activeConfig(runtime, stored);
  const roles = timer.payload['notify'];
  const tell: ChangeToTell = {
    officeId: request.officeId,
    request,
    previous: change.previous,
    entries: change.entries,
    events,
    actorMemberId: null,
    actorName: null,
    assigneeName: request.assigneeId ? (index.byId.get(request.assigneeId)?.name ?? null) : null,
    enterpriseName: (enterprise?.['name'] as string | undefined) ?? null,
    categoryLabels: categoryLabels(stored.config, request.category),
    timeZone: calendar.timeZone,
    nextLevelRoles: escalation && Array.isArray(roles) ? roles.filter((r): r is string => typeof r === 'string') : [],
    overdueDays: escalation && request.resolveDueAt ? Math.max(0, calendar.workingDaysBetween(request.resolveDueAt, change.now)) : null,
    level: escalation ? request.escalationLevel : null,
    // A reminder changes no version; its timer's key is unique in the office.
    keyBase: escalation ? `${request.id}:${request.version}` : timer.key,
    data: { ...dataOf(request), ...(escalation ? { level: request.escalationLevel } : { share: Number(timer.payload['share'] ?? 1) }) },
    now: change.now,
  };
  return outboxRows(setup, tell, index, runtime.newId);
}
