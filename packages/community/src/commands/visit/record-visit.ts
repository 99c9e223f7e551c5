import { actorRef, type Actor, type ResolvedActor } from '../../auth/actor.js';
import { canSeeVisit } from './visit-visibility.js';
import { KechuangError, isKechuangError } from '../../errors/kechuang-error.js';
import { parseInput } from '../../errors/validation.js';
import type { Enterprise } from '../../model/enterprise.js';
import type { ServiceRequest } from '../../model/request.js';
import { recordVisitInput, type Visit } from '../../model/visit.js';
import { asKechuangError, loadActor, type Runtime } from '../../pipeline/runtime.js';
import { officePolicy } from '../../pipeline/office-policy.js';
import { prepareSubmission, publishSubmission, writeSubmission, type PreparedSubmission } from '../../pipeline/submit-pipeline.js';
import { throwIfInvalid } from '../../pipeline/category-issues.js';
import { recordToRow, rowToRecord, rowToRequest } from '../../storage/records.js';
import type { z } from 'zod';

/** What recording a visit created. */
export interface RecordedVisit {
  /** The visit. */
  visit: Visit;
  /** The requests recorded on it, in the order given. */
  requests: ServiceRequest[];
}

/**
 * What `session.visits.record()` takes: the enterprise visited, who went, what was heard, and
 * the requests raised.
 *
 * @useDeclaredType
 */
export type RecordVisitInput = z.input<typeof recordVisitInput>;

function invalid(path: string, message: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `Invalid visit input: ${path}: ${message}.`, { issues: [{ path: [path], message, code: 'invalid_reference' }] });
}

/** The visit recorded earlier with the same key; one the actor may not see is refused without revealing it. */
async function earlierVisit(runtime: Runtime, actor: ResolvedActor, key: string | undefined): Promise<RecordedVisit | null> {
  if (key === undefined) return null;
  const officeId = actor.officeId;
  const row = await runtime.storage.findOne({ model: 'visit', where: [{ field: 'officeId', value: officeId }, { field: 'idempotencyKey', value: key }] });
  if (!row) return null;
  const visit = rowToRecord<Visit>(row);
  if (!(await canSeeVisit(runtime, actor, visit))) {
    throw new KechuangError('DUPLICATE', 'This idempotency key was already used for another visit. Use a new key for a new visit.', { fields: ['idempotencyKey'] });
  }
  const requests = visit.requestIds.length
    ? (await runtime.storage.findMany({ model: 'request', where: [{ field: 'officeId', value: officeId }, { field: 'id', op: 'in', value: visit.requestIds }] })).map(rowToRequest)
    : [];
  return { visit, requests: visit.requestIds.map((id) => requests.find((r) => r.id === id)).filter((r): r is ServiceRequest => r !== undefined) };
}

/**
 * 走访: records a visit and every request heard during it, in one transaction: either the
 * visit and all its requests exist afterwards, or none of them do.
 */
export async function recordVisit(runtime: Runtime, who: Actor, raw: unknown): Promise<RecordedVisit> {
  let input = parseInput(recordVisitInput, raw, 'visit input');
  const actor = await loadActor(runtime, who);
  const earlier = await earlierVisit(runtime, actor, input.idempotencyKey);
  if (earlier) return earlier;
  const entRow = await runtime.storage.findOne({ model: 'enterprise', where: [{ field: 'officeId', value: actor.officeId }, { field: 'id', value: input.enterpriseId }] });
  if (!entRow) throw invalid('enterpriseId', `no enterprise '${input.enterpriseId}' in your office`);
  const enterprise = rowToRecord<Enterprise>(entRow);
  const allowed = runtime.policy.canSubmit(actor, { parkId: enterprise.parkId, enterpriseId: enterprise.id });
  if (allowed !== true) throw new KechuangError('FORBIDDEN', allowed, { command: 'record_visit' });
  // The enterprise was authorized above, so a hook may change what is recorded, not where.
  const run = runtime.hooks.record?.start(runtime, { command: 'visit.record', actor, model: 'visit', previous: null, fixed: ['enterpriseId'] });
  if (run) input = await run.before(input, recordVisitInput);
  // Every row's category problems at once, each at its row's path, rather than the first row's alone.
  const policy = await officePolicy(runtime, actor.officeId);
  if (policy) throwIfInvalid(input.requests.flatMap((r, i) => policy.submissionIssues(r.category, r.attributes, ['requests', i])), 'visit input');

  const visitorIds = input.visitorIds.length > 0 ? [...new Set(input.visitorIds)] : actor.member ? [actor.member.id] : [];
  if (visitorIds.length > 0) {
    const found = await runtime.storage.findMany({ model: 'member', where: [{ field: 'officeId', value: actor.officeId }, { field: 'id', op: 'in', value: visitorIds }] });
    const missing = visitorIds.filter((id) => !found.some((r) => r['id'] === id));
    if (missing.length > 0) throw invalid('visitorIds', `no member ${missing.map((m) => `'${m}'`).join(', ')} in your office`);
  }

  const now = runtime.clock.now();
  const visitId = runtime.newId();
  const prepared: PreparedSubmission[] = [];
  for (const request of input.requests) {
    prepared.push(
      await prepareSubmission(
        runtime,
        actor,
        { ...request, channel: 'visit', communityId: enterprise.communityId, enterpriseId: enterprise.id, parkId: enterprise.parkId, buildingId: enterprise.buildingId },
        now,
        { visitId },
      ),
    );
  }
  const visit: Visit = {
    id: visitId,
    officeId: actor.officeId,
    communityId: enterprise.communityId,
    enterpriseId: enterprise.id,
    visitedAt: input.visitedAt ?? now,
    visitorIds,
    summary: input.summary,
    requestIds: prepared.map((p) => p.request.id),
    recordedById: actor.member?.id ?? null,
    idempotencyKey: input.idempotencyKey ?? null,
    createdAt: now,
  };
  try {
    await runtime.storage.transaction(async (tx) => {
      await tx.create({ model: 'visit', data: recordToRow(visit) });
      for (const p of prepared) await writeSubmission(runtime, tx, actor, p);
      await run?.transaction(tx, visit);
    });
  } catch (error) {
    if (isKechuangError(error, 'UNIQUE_VIOLATION')) {
      const winner = await earlierVisit(runtime, actor, input.idempotencyKey);
      if (winner) return winner;
    }
    throw asKechuangError(error, 'recording the visit');
  }
  for (const p of prepared) await publishSubmission(runtime, actor, p);
  try {
    runtime.emit('visit.recorded', { visit, requests: prepared.map((p) => p.request), actor: actorRef(actor) });
  } catch (error) {
    runtime.reportError(error, 'visit.recorded');
  }
  await run?.after();
  return { visit, requests: prepared.map((p) => p.request) };
}
