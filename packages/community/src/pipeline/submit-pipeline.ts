import type { z } from 'zod';
import { actorRef, type Actor, type ResolvedActor } from '../auth/actor.js';
import type { RequestEvent } from '../events/core-events.js';
import { KechuangError, isKechuangError, type ValidationIssue } from '../errors/kechuang-error.js';
import { parseInput } from '../errors/validation.js';
import type { Building } from '../model/building.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Park } from '../model/park.js';
import { submitRequestInput, type ServiceRequest } from '../model/request.js';
import type { TimelineEntry } from '../model/timeline.js';
import { externalKey, rowToRecord, rowToRequest } from '../storage/records.js';
import { requestToRow } from '../storage/request-row.js';
import type { Row, StorageOperations } from '../storage/types.js';
import { createRows } from '../storage/create-rows.js';
import { commandOutbox } from '../notify/command-outbox.js';
import { publishCommitted, runBeforeHooks, runTransactionHooks } from './hooks-runner.js';
import { partyIdsOf } from './load-request.js';
import { stampEntries, writeEntries } from './request-pipeline.js';
import { officePolicy } from './office-policy.js';
import { throwIfInvalid } from './category-issues.js';
import { directoryRow } from './directory-cache.js';
import type { EntryDraft, PartyDraft } from '../commands/request/command-definition.js';
import type { TimerDraft } from '../timers/timer-record.js';
import { scheduleTimers } from '../timers/timer-store.js';
import { asKechuangError, loadActor, type Runtime } from './runtime.js';

export type SubmitInput = z.output<typeof submitRequestInput>;

/** Directory records read while checking a submission, by id; routing reuses them. */
type KnownRecords = Map<string, Record<string, unknown>>;

async function byId<T>(runtime: Runtime, model: string, officeId: string, id: string, known: KnownRecords): Promise<T | null> {
  const row = await directoryRow(runtime, model, officeId, id);
  if (!row) return null;
  const record = rowToRecord<T & Record<string, unknown>>(row);
  known.set(id, record);
  return record;
}

/**
 * Checks every reference of a submission against the office's directory and fills the park
 * and building from the enterprise when they are left out. Lists every problem at once.
 */
async function resolvePlace(runtime: Runtime, officeId: string, input: SubmitInput, known: KnownRecords): Promise<SubmitInput> {
  const issues: ValidationIssue[] = [];
  const bad = (path: string, message: string): void => {
    issues.push({ path: [path], message, code: 'invalid_reference' });
  };
  const community = await byId<{ archivedAt: Date | null }>(runtime, 'community', officeId, input.communityId, known);
  if (!community) bad('communityId', `no community '${input.communityId}' in your office`);
  else if (community.archivedAt) bad('communityId', 'the community is archived and takes no new requests');
  let { parkId, buildingId } = input;
  // An enterprise's park and building were checked against its community when it was placed,
  // and parks and buildings never move: taken from the enterprise, they need no second read.
  let parkFromEnterprise = false;
  let buildingFromEnterprise = false;
  if (input.enterpriseId !== null) {
    const enterprise = await byId<Enterprise>(runtime, 'enterprise', officeId, input.enterpriseId, known);
    if (!enterprise) bad('enterpriseId', `no enterprise '${input.enterpriseId}' in your office`);
    else {
      if (enterprise.communityId !== input.communityId) bad('enterpriseId', 'the enterprise belongs to another community');
      // The enterprise's own park and building win: naming another park must not move it.
      if (enterprise.parkId !== null && parkId !== null && parkId !== enterprise.parkId) bad('parkId', 'the enterprise is in another park; leave parkId out to use its own');
      if (enterprise.buildingId !== null && buildingId !== null && buildingId !== enterprise.buildingId) {
        bad('buildingId', 'the enterprise is in another building; leave buildingId out to use its own');
      }
      parkFromEnterprise = enterprise.communityId === input.communityId && enterprise.parkId !== null && (parkId ?? enterprise.parkId) === enterprise.parkId;
      buildingFromEnterprise = parkFromEnterprise && enterprise.buildingId !== null && (buildingId ?? enterprise.buildingId) === enterprise.buildingId;
      parkId ??= enterprise.parkId;
      buildingId ??= enterprise.buildingId;
    }
  }
  if (parkId !== null && !parkFromEnterprise) {
    const park = await byId<Park>(runtime, 'park', officeId, parkId, known);
    if (!park) bad('parkId', `no park '${parkId}' in your office`);
    else if (park.communityId !== input.communityId) bad('parkId', 'the park belongs to another community');
  }
  if (buildingId !== null && !buildingFromEnterprise) {
    const building = await byId<Building>(runtime, 'building', officeId, buildingId, known);
    if (!building) bad('buildingId', `no building '${buildingId}' in your office`);
    else if (building.parkId !== parkId) bad('buildingId', 'the building is not in the request\'s park');
  }
  if (issues.length > 0) {
    const list = issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new KechuangError('VALIDATION_FAILED', `Invalid submit input: ${list}. Use ids from your office's directory.`, { issues });
  }
  return { ...input, parkId, buildingId };
}

/** A submission checked and decided, ready to be written. */
export interface PreparedSubmission {
  request: ServiceRequest;
  entries: TimelineEntry[];
  parties: PartyDraft[];
  timers: TimerDraft[];
  /** Notifications of the submission, written in its transaction. */
  outbox: Row[];
  /** The input as the `before` hooks left it, for the later hooks. */
  input: Readonly<Record<string, unknown>>;
}

/** Validates, authorizes, runs before hooks and decides a submission (no writes). */
export async function prepareSubmission(
  runtime: Runtime,
  actor: ResolvedActor,
  parsed: SubmitInput,
  now: Date,
  extras: { visitId?: string | null } = {},
): Promise<PreparedSubmission> {
  const known: KnownRecords = new Map();
  const placed = await resolvePlace(runtime, actor.officeId, parsed, known);
  const allowed = runtime.policy.canSubmit(actor, { parkId: placed.parkId, enterpriseId: placed.enterpriseId });
  if (allowed !== true) throw new KechuangError('FORBIDDEN', allowed, { command: 'submit' });
  const input = (await runBeforeHooks(runtime, { command: 'submit', actor, officeId: actor.officeId, input: placed, request: null })) as SubmitInput;
  const initial = runtime.workflow.initial;
  const request: ServiceRequest = {
    id: runtime.newId(),
    officeId: actor.officeId,
    communityId: input.communityId,
    enterpriseId: input.enterpriseId,
    parkId: input.parkId,
    buildingId: input.buildingId,
    visitId: extras.visitId ?? null,
    channel: input.channel,
    category: input.category,
    attributes: input.attributes,
    title: input.title,
    description: input.description,
    priority: input.priority,
    contact: input.contact,
    externalRef: input.externalRef,
    attachments: input.attachments,
    tags: input.tags,
    status: initial,
    assigneeId: null,
    assigneeTeamId: null,
    assignedAt: null,
    assists: [],
    returnInfo: null,
    outcome: null,
    outcomeNote: null,
    satisfaction: null,
    redoCount: 0,
    duplicateOfId: null,
    submittedById: actor.member?.id ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    watchers: [],
    slaPolicy: null,
    routing: null,
    slaStartedAt: null,
    respondDueAt: null,
    resolveDueAt: null,
    dueSoonAt: null,
    respondedAt: null,
    pausedAt: null,
    escalationLevel: 0,
    supervision: null,
    extension: null,
    portfolio: null,
    repliedAt: null,
    firstReturnedAt: null,
    extendedAt: null,
    supervisedAt: null,
    respondWorkMs: null,
    concludeWorkMs: null,
    version: 1,
  };
  const drafts: EntryDraft[] = [{ type: 'submitted', toStatus: initial, data: { channel: input.channel, category: input.category, visitId: request.visitId } }];
  let routedRequest = request;
  let parties: PartyDraft[] = [];
  let timers: TimerDraft[] = [];
  const policy = await officePolicy(runtime, request.officeId);
  if (policy) throwIfInvalid(policy.submissionIssues(request.category, request.attributes), 'submit input');
  if (policy) request.portfolio = policy.portfolioOf(request.category);
  const routed = policy ? await policy.route(request, { known }) : null;
  if (routed) {
    // Routing assigns only where the workflow lets a new request be assigned.
    const assignTo = runtime.workflow.transitions.find((t) => t.name === 'assign' && t.from.includes(initial))?.to ?? null;
    const applied = routed.apply(request, now, assignTo);
    routedRequest = applied.request;
    drafts.push(...applied.entries);
    parties = applied.parties;
  }
  // The SLA clock starts at submission, with the policy routing or the category chose.
  const sla = policy?.sla(routedRequest.slaPolicy) ?? null;
  if (sla) {
    const started = sla.start(routedRequest, now, 'submitted');
    const assistDueAt = sla.assistDueAt(now);
    routedRequest = { ...started.request, assists: started.request.assists.map((a) => ({ ...a, dueAt: a.dueAt ?? assistDueAt })) };
    if (routedRequest.assignedAt) routedRequest = sla.assigned(routedRequest, now);
    drafts.push(...started.entries);
    timers = started.timers;
  }
  const entries = stampEntries(runtime, actor, routedRequest, drafts, now);
  const outbox = await commandOutbox(runtime, policy, { command: 'submit', actor, request: routedRequest, previous: null, entries });
  return { request: routedRequest, entries, parties, timers, outbox, input };
}

/** Writes a prepared submission and runs the transaction hooks, through `tx`. */
export async function writeSubmission(runtime: Runtime, tx: StorageOperations, actor: ResolvedActor, prepared: PreparedSubmission): Promise<void> {
  await tx.create({ model: 'request', data: requestToRow(prepared.request) });
  await writeEntries(runtime, tx, prepared.request, prepared.entries, prepared.parties);
  if (prepared.timers.length) await scheduleTimers(runtime, tx, prepared.request.officeId, prepared.request.id, prepared.timers, prepared.request.createdAt, { freshKeys: true });
  await createRows(tx, 'outbox', prepared.outbox);
  await runTransactionHooks(runtime, { command: 'submit', actor, officeId: actor.officeId, input: prepared.input, request: prepared.request, previous: null, entries: prepared.entries, tx });
}

/** Publishes a committed submission. */
export async function publishSubmission(runtime: Runtime, actor: ResolvedActor, prepared: PreparedSubmission): Promise<void> {
  const event: RequestEvent = { command: 'submit', request: prepared.request, entries: prepared.entries, actor: actorRef(actor) };
  await publishCommitted(runtime, { command: 'submit', actor, officeId: actor.officeId, input: prepared.input, request: prepared.request, previous: null, entries: prepared.entries }, 'request.submit', event);
}

/**
 * An earlier submission with the same idempotency key, if any. A key that was used for a
 * request the actor may not see is refused without revealing that request.
 */
async function findEarlier(runtime: Runtime, actor: ResolvedActor, input: SubmitInput): Promise<ServiceRequest | null> {
  if (input.idempotencyKey === undefined) return null;
  const row = await runtime.storage.findOne({ model: 'request', where: [{ field: 'officeId', value: actor.officeId }, { field: 'idempotencyKey', value: input.idempotencyKey }] });
  if (!row) return null;
  const request = rowToRequest(row);
  if (!runtime.policy.canSee(actor, request, partyIdsOf(request))) {
    throw new KechuangError('DUPLICATE', 'This idempotency key was already used for another request. Use a new key for a new request.', { fields: ['idempotencyKey'] });
  }
  return request;
}

async function rejectKnownExternalRef(runtime: Runtime, officeId: string, input: SubmitInput): Promise<void> {
  const key = externalKey(input.externalRef);
  if (key === null) return;
  const row = await runtime.storage.findOne({ model: 'request', where: [{ field: 'officeId', value: officeId }, { field: 'externalKey', value: key }] });
  if (row) {
    throw new KechuangError(
      'DUPLICATE',
      `A request for ${input.externalRef?.source} ticket '${input.externalRef?.id}' already exists (${row['id'] as string}). Add to that request instead of submitting it again.`,
      { id: row['id'] as string, fields: ['externalRef'] },
    );
  }
}

/**
 * `submit`: creates a request in the workflow's initial state. With an idempotency key, a
 * retried submit returns the request the first one created, even when both race.
 */
export async function submitRequest(runtime: Runtime, who: Actor, rawInput: unknown): Promise<ServiceRequest> {
  const parsed = parseInput(submitRequestInput, rawInput, 'submit input');
  const actor = await loadActor(runtime, who);
  const earlier = await findEarlier(runtime, actor, parsed);
  if (earlier) return earlier;
  await rejectKnownExternalRef(runtime, actor.officeId, parsed);
  const prepared = await prepareSubmission(runtime, actor, parsed, runtime.clock.now());
  try {
    await runtime.storage.transaction((tx) => writeSubmission(runtime, tx, actor, prepared));
  } catch (error) {
    if (isKechuangError(error, 'UNIQUE_VIOLATION')) {
      // Lost a race with an identical retry (same key) or the same external ticket.
      const winner = await findEarlier(runtime, actor, parsed);
      if (winner) return winner;
      await rejectKnownExternalRef(runtime, actor.officeId, parsed);
    }
    throw asKechuangError(error, 'submit');
  }
  await publishSubmission(runtime, actor, prepared);
  return prepared.request;
}
