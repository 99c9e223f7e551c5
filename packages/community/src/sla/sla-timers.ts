import type { Member } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import type { RequestEvent, SlaReminderEvent } from '../events/core-events.js';
import type { Runtime } from '../pipeline/runtime.js';
import { entryToRow, rowToRecord, rowToRequest } from '../storage/records.js';
import { requestToRow } from '../storage/request-row.js';
import { createRows } from '../storage/create-rows.js';
import { timerOutbox } from '../notify/timer-outbox.js';
import type { CoreTimerFireResult, TimerFireContext, TimerFireResult } from '../timers/timer-handlers.js';
import { resolveActor } from '../auth/actor.js';
import type { EscalationChange } from '../plugins/hooks.js';
import { publishCommitted, runTransactionHooks } from '../pipeline/hooks-runner.js';

/** Whether the SLA clock still runs for the request: not replied, not concluded, not paused. */
function running(runtime: Runtime, request: ServiceRequest): boolean {
  return request.status !== 'replied' && !runtime.workflow.terminal.includes(request.status) && request.pausedAt === null;
}

async function loadRequest(ctx: TimerFireContext): Promise<ServiceRequest | null> {
  if (!ctx.timer.requestId) return null;
  const row = await ctx.tx.findOne({ model: 'request', where: [{ field: 'officeId', value: ctx.timer.officeId }, { field: 'id', value: ctx.timer.requestId }] });
  return row ? rowToRequest(row) : null;
}

/**
 * 催办: publishes `sla.reminder` while the request is still being worked on, and writes its
 * notifications with the firing.
 */
export async function fireReminder(ctx: TimerFireContext, runtime: Runtime): Promise<TimerFireResult | void> {
  const request = await loadRequest(ctx);
  if (!request || !running(runtime, request) || !request.resolveDueAt) return;
  await createRows(ctx.tx, 'outbox', await timerOutbox(runtime, ctx.tx, { timer: ctx.timer, request, previous: request, entries: [], now: ctx.now }));
  const payload: SlaReminderEvent = { request, share: Number(ctx.timer.payload['share'] ?? 1), resolveDueAt: request.resolveDueAt };
  return { events: [{ type: 'sla.reminder', payload }] };
}

/**
 * An escalation step: raises the request's escalation level and adds the members holding the
 * step's roles to its watchers, as one guarded command by the system (version + 1, timeline
 * entry `escalated`), with its notifications. It is the request command `escalate` to
 * plugins: its `transaction` hooks run in the firing's transaction, its `after` hooks once it
 * has committed (no `before` hooks: there is no caller's input to veto or replace, and they
 * read outside the transaction this firing holds). A request changed meanwhile, or a
 * `transaction` hook that throws or hangs, makes the firing fail and retry.
 */
export async function fireEscalation(ctx: TimerFireContext, runtime: Runtime): Promise<CoreTimerFireResult | void> {
  const request = await loadRequest(ctx);
  const level = Number(ctx.timer.payload['level'] ?? 1);
  if (!request || !running(runtime, request) || request.escalationLevel >= level) return;
  const roles = (ctx.timer.payload['notify'] as string[] | undefined) ?? [];
  const members = (await ctx.tx.findMany({ model: 'member', where: [{ field: 'officeId', value: request.officeId }, { field: 'status', value: 'active' }, { field: 'archivedAt', op: 'is_null' }] }))
    .map((r) => rowToRecord<Member>(r))
    .filter((m) => m.roles.some((r) => roles.includes(r.role)));
  const watchers = [...new Set([...request.watchers, ...members.map((m) => m.id)])];
  const next: ServiceRequest = { ...request, escalationLevel: level, watchers, version: request.version + 1, updatedAt: ctx.now };
  const entry: TimelineEntry = {
    id: runtime.newId(),
    officeId: request.officeId,
    requestId: request.id,
    seq: next.version,
    index: 0,
    type: 'escalated',
    actor: { kind: 'system', id: null },
    at: ctx.now,
    fromStatus: null,
    toStatus: null,
    data: { level, notify: roles, watcherIds: members.map((m) => m.id), resolveDueAt: request.resolveDueAt?.toISOString() ?? null },
  };
  const change: EscalationChange = {
    command: 'escalate',
    actor: resolveActor(request.officeId, null),
    officeId: request.officeId,
    input: { requestId: request.id, level, notify: roles, policy: (ctx.timer.payload['policy'] as string | undefined) ?? null, timerKey: ctx.timer.key },
    request: next,
    previous: request,
    entries: [entry],
  };
  const updated = await ctx.tx.update({
    model: 'request',
    where: [{ field: 'officeId', value: request.officeId }, { field: 'id', value: request.id }, { field: 'version', value: request.version }],
    data: requestToRow(next, runtime.plugins.fields['request']),
  });
  if (!updated) throw new Error(`request ${request.id} changed while escalating; the escalation will be retried`);
  await ctx.tx.create({ model: 'timeline_entry', data: entryToRow(entry) });
  await createRows(ctx.tx, 'outbox', await timerOutbox(runtime, ctx.tx, { timer: ctx.timer, request: next, previous: request, entries: [entry], now: ctx.now }));
  // Completes `next` with the plugin fields the hooks wrote, so the event carries them.
  await runTransactionHooks(runtime, { ...change, tx: ctx.tx });
  const event: RequestEvent = { command: 'escalate', request: next, entries: [entry], actor: entry.actor };
  return { committed: () => publishCommitted(runtime, change, 'request.escalate', event) };
}
