import type { ResolvedActor } from '../auth/actor.js';
import type { OfficeConfig } from '../config/config-schema.js';
import { KechuangError } from '../errors/kechuang-error.js';
import type { Member } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import { directoryRow } from '../pipeline/directory-cache.js';
import { officeRoster } from '../pipeline/office-roster.js';
import type { StoredConfig } from '../pipeline/office-config.js';
import { activeConfig } from '../pipeline/policy-engine.js';
import type { Runtime } from '../pipeline/runtime.js';
import { createRows } from '../storage/create-rows.js';
import { rowToRecord, rowToRequest } from '../storage/records.js';
import type { Row, StorageOperations, Where } from '../storage/types.js';
import type { TimerRecord } from '../timers/timer-record.js';
import type { MessageFacts } from './message-vars.js';
import type { NotificationEvent } from './notification-events.js';
import { commandEvents, outboxRows, type ChangeEvent, type ChangeToTell, type NotifySetup } from './outbox-rows.js';
import { ruleApplies, rulesInForce } from './recipient-rules.js';
import type { PluginNotice } from './plugin-notice.js';
import { indexMembers, type MemberIndex } from './resolve-recipients.js';

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

/** The names a message gives for a change no member made (a timer firing, a plugin's notice). */
type UnattributedNames = Pick<ChangeToTell, 'actorMemberId' | 'actorName' | 'assigneeName' | 'enterpriseName' | 'categoryLabels'>;

/**
 * The office's members and, for a change no member made, the names its messages give (no
 * actor; the request's lead, enterprise and category), read through `tx` (fresher than any cache).
 */
async function readAudience(tx: StorageOperations, request: ServiceRequest, config: OfficeConfig): Promise<{ index: MemberIndex; names: UnattributedNames }> {
  const office = [{ field: 'officeId', value: request.officeId }] as const;
  const members = (await tx.findMany({ model: 'member', where: office })).map((row) => rowToRecord<Member>(row));
  const enterprise = request.enterpriseId ? await tx.findOne({ model: 'enterprise', where: [...office, { field: 'id', value: request.enterpriseId }] }) : null;
  const index = indexMembers(members);
  return {
    index,
    names: {
      actorMemberId: null,
      actorName: null,
      assigneeName: request.assigneeId ? (index.byId.get(request.assigneeId)?.name ?? null) : null,
      enterpriseName: (enterprise?.['name'] as string | undefined) ?? null,
      categoryLabels: categoryLabels(config, request.category),
    },
  };
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
  const { index, names } = await readAudience(tx, request, stored.config);
  const { calendar } = activeConfig(runtime, stored);
  const roles = timer.payload['notify'];
  const tell: ChangeToTell = {
    officeId: request.officeId,
    request,
    previous: change.previous,
    entries: change.entries,
    events,
    ...names,
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

/**
 * The outbox rows of a plugin's notice about a request, read and written through `tx` (the
 * plugin's: a command's transaction hook or a timer's firing). Only rules that name the event
 * apply; templates are the office's, then the plugin's (there is no built-in one). Rows whose
 * idempotency key is already in the outbox are left out, so a notice sent again under the same
 * `key` writes nothing twice. Returns the rows it wrote.
 */
export async function writePluginNotice(runtime: Runtime, tx: StorageOperations, stored: StoredConfig, notice: PluginNotice): Promise<Row[]> {
  const setup = notifySetup(runtime, stored.config);
  const events: ChangeEvent[] = [{ event: notice.event, primary: false }];
  const row = await tx.findOne({ model: 'request', where: [{ field: 'officeId', value: notice.officeId }, { field: 'id', value: notice.requestId }] });
  if (!row) {
    throw new KechuangError('NOT_FOUND', `There is no request '${notice.requestId}' in office '${notice.officeId}' to send '${notice.event}' about; send a notice only about a request of the office, through the transaction that can see it.`, {
      event: notice.event,
      requestId: notice.requestId,
    });
  }
  const request = rowToRequest(row);
  if (setup.channels.size === 0 || !anyRuleApplies(setup, events, request)) return [];
  const { index, names } = await readAudience(tx, request, stored.config);
  const tell: ChangeToTell = {
    officeId: request.officeId,
    request,
    previous: request,
    entries: [],
    events,
    ...names,
    timeZone: activeConfig(runtime, stored).calendar.timeZone,
    nextLevelRoles: [],
    overdueDays: null,
    level: null,
    extra: notice.data,
    keyBase: `${request.id}:${notice.key}`,
    // The core's facts win: an integrator can trust requestId, status and the deadlines.
    data: { ...notice.data, ...dataOf(request) },
    now: notice.now,
  };
  const rows = outboxRows(setup, tell, index, runtime.newId);
  if (rows.length === 0) return rows;
  const where: Where = [
    { field: 'officeId', value: notice.officeId },
    { field: 'idempotencyKey', op: 'in', value: rows.map((r) => r['idempotencyKey'] as string) },
  ];
  // Checked first rather than left to the unique constraint: a failed insert would poison the
  // caller's transaction on PostgreSQL.
  const sent = new Set((await tx.findMany({ model: 'outbox', where })).map((r) => r['idempotencyKey']));
  const fresh = rows.filter((r) => !sent.has(r['idempotencyKey']));
  await createRows(tx, 'outbox', fresh);
  return fresh;
}
