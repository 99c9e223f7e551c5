import type { z } from 'zod';
import { actorRef, type Actor, type ResolvedActor } from '../auth/actor.js';
import type { EntryDraft, PartyDraft, References, RequestCommand, Snapshot } from '../commands/request/command-definition.js';
import type { RequestEvent, TransitionEvent } from '../events/core-events.js';
import { parseInput } from '../errors/validation.js';
import type { Member } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';
import type { Team } from '../model/team.js';
import type { TimelineEntry } from '../model/timeline.js';
import { entryToRow, rowToRecord } from '../storage/records.js';
import { requestToRow } from '../storage/request-row.js';
import type { StorageOperations } from '../storage/types.js';
import { createRows } from '../storage/create-rows.js';
import { authorizeTransition } from './authorize-transition.js';
import { officePolicy } from './office-policy.js';
import { SLA_TIMER_KINDS } from '../sla/sla-kinds.js';
import { cancelTimers, scheduleTimers } from '../timers/timer-store.js';
import { publishCommitted, runBeforeHooks, runTransactionHooks } from './hooks-runner.js';
import { conflict, findVisibleRequest, loadVisibleRequest } from './load-request.js';
import { asKechuangError, loadActor, type Runtime } from './runtime.js';
import { commandOutbox } from '../notify/command-outbox.js';
import { needsMetricFacts, recordMetricFacts } from '../metrics/metric-facts.js';
import { lazy } from '../internal/lazy.js';
import { pluginTransition } from '../commands/request/index.js';

// An office without a config still measures working time, in the default mainland calendar.
const defaultCalendar = lazy(async () => (await import('../metrics/default-calendar.js')).defaultCalendar());

const present = (ids: (string | null | undefined)[] | undefined): string[] =>
  [...new Set((ids ?? []).filter((id): id is string => typeof id === 'string'))];

/** Loads the records `refs` names, scoped to the actor's office (requests also to visibility). */
async function loadSnapshot(runtime: Runtime, actor: ResolvedActor, refs: References | undefined): Promise<Snapshot> {
  const byId = async <T extends { id: string }>(model: string, ids: string[]): Promise<Map<string, T>> => {
    if (ids.length === 0) return new Map();
    const rows = await runtime.storage.findMany({
      model,
      where: [
        { field: 'officeId', value: actor.officeId },
        { field: 'id', op: 'in', value: ids },
      ],
    });
    return new Map(rows.map((row) => [row['id'] as string, rowToRecord<T>(row)]));
  };
  const requests = new Map<string, ServiceRequest>();
  for (const id of present(refs?.requests)) {
    const found = await findVisibleRequest(runtime, actor, id);
    if (found) requests.set(id, found);
  }
  return {
    members: await byId<Member>('member', present(refs?.members)),
    teams: await byId<Team>('team', present(refs?.teams)),
    requests,
  };
}

/** Numbers and stamps a command's entry drafts: all share `seq`, `index` orders them. */
export function stampEntries(runtime: Runtime, actor: ResolvedActor, request: ServiceRequest, drafts: EntryDraft[], now: Date): TimelineEntry[] {
  const who = actorRef(actor);
  return drafts.map((draft, index) => ({
    id: runtime.newId(),
    officeId: request.officeId,
    requestId: request.id,
    seq: request.version,
    index,
    type: draft.type,
    actor: who,
    at: now,
    fromStatus: draft.fromStatus ?? null,
    toStatus: draft.toStatus ?? null,
    data: draft.data,
  }));
}

/** Writes a command's timeline entries and party rows through `tx`. */
export async function writeEntries(runtime: Runtime, tx: StorageOperations, request: ServiceRequest, entries: TimelineEntry[], parties: PartyDraft[] = []): Promise<void> {
  await createRows(tx, 'timeline_entry', entries.map(entryToRow));
  await createRows(
    tx,
    'request_party',
    parties.map((party) => ({ id: runtime.newId(), officeId: request.officeId, requestId: request.id, ...party, createdAt: request.updatedAt })),
  );
}

/**
 * Runs one request command through the pipeline: validate → load → authorize → before hooks
 * → pure decide → one guarded transaction (with transaction hooks) → events and after hooks.
 * A core command publishes `request.<command>`; a plugin transition `request.transition`.
 */
export async function runRequestCommand<S extends z.ZodType>(
  runtime: Runtime,
  who: Actor,
  command: RequestCommand<S>,
  rawInput: unknown,
): Promise<ServiceRequest> {
  const parsed = parseInput(command.input, rawInput, `${command.name} input`) as z.output<S> & { requestId: string; version?: number };
  const actor = await loadActor(runtime, who);
  const request = await loadVisibleRequest(runtime, actor, parsed.requestId);
  if (parsed.version !== undefined && parsed.version !== request.version) {
    throw conflict('request', request.id, parsed.version, request.version);
  }
  const to = authorizeTransition(runtime, actor, request, command.transition(parsed), command.name);
  const input = (await runBeforeHooks(runtime, {
    command: command.name,
    actor,
    officeId: actor.officeId,
    input: parsed,
    request,
  })) as z.output<S>;
  const snapshot = await loadSnapshot(runtime, actor, command.references?.(input, request));
  const policy = await officePolicy(runtime, request.officeId);
  const routeOptions = command.routes?.(input, request) ?? null;
  const routing = routeOptions && policy ? await policy.route(request, routeOptions) : null;
  const now = runtime.clock.now();
  const sla = policy?.sla(request.slaPolicy) ?? null;
  const decision = command.decide({ request, input, snapshot, actor, now, to, routing, sla });
  const decided: ServiceRequest = { ...decision.request, version: request.version + 1, updatedAt: now };
  const next = needsMetricFacts(request, decided) ? recordMetricFacts(request, decided, policy?.calendar ?? (await defaultCalendar()), now) : decided;
  const entries = stampEntries(runtime, actor, next, decision.entries, now);
  const change = { command: command.name, actor, officeId: actor.officeId, input: input as Record<string, unknown>, request: next, previous: request, entries };
  const outbox = await commandOutbox(runtime, policy, change);

  try {
    await runtime.storage.transaction(async (tx) => {
      const updated = await tx.update({
        model: 'request',
        where: [
          { field: 'officeId', value: request.officeId },
          { field: 'id', value: request.id },
          { field: 'version', value: request.version },
        ],
        data: requestToRow(next, runtime.plugins.fields['request']),
      });
      if (!updated) throw conflict('request', request.id, request.version);
      await writeEntries(runtime, tx, next, entries, decision.parties);
      if (decision.cancelTimers) await cancelTimers(tx, next.officeId, next.id, SLA_TIMER_KINDS);
      if (decision.timers?.length) await scheduleTimers(runtime, tx, next.officeId, next.id, decision.timers, now, { freshKeys: true });
      await createRows(tx, 'outbox', outbox);
      await runTransactionHooks(runtime, { ...change, tx });
    });
  } catch (error) {
    throw asKechuangError(error, `${command.name} of request '${request.id}'`);
  }
  const event: RequestEvent = { command: command.name, request: next, entries, actor: actorRef(actor) };
  if (command.plugin === undefined) {
    await publishCommitted(runtime, change, `request.${command.name}`, event);
  } else {
    // Plugin transitions share one event, so a listener needs no list of every plugin's names.
    const transition: TransitionEvent = { ...event, transition: command.name };
    await publishCommitted(runtime, change, 'request.transition', transition);
  }
  return next;
}

/**
 * Fires the plugin transition `raw.name` names (`requests.transition`) through
 * {@link runRequestCommand}; a core command's name is refused with a pointer to its method.
 */
export async function runPluginTransition(runtime: Runtime, who: Actor, raw: unknown): Promise<ServiceRequest> {
  return runRequestCommand(runtime, who, pluginTransition(runtime.workflow, runtime.plugins.workflow, raw), raw);
}
