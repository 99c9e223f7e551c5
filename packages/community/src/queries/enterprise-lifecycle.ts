import type { Actor } from '../auth/actor.js';
import type { Enterprise } from '../model/enterprise.js';
import type { Outcome, Satisfaction, ServiceRequest } from '../model/request.js';
import type { Visit } from '../model/visit.js';
import { notFound } from '../pipeline/load-request.js';
import { loadActor, type Runtime } from '../pipeline/runtime.js';
import { rowToRecord, rowToRequest } from '../storage/records.js';
import { scopeToWhere } from '../auth/authorization-policy.js';
import { assistedRequestIds } from './request-queries.js';
import { canSeeVisit } from '../commands/visit/visit-visibility.js';
import { directoryReader } from '../commands/directory/directory-reader.js';

/** Everything the community has done with one enterprise (全生命周期服务). */
export interface EnterpriseLifecycle {
  /** The enterprise. */
  enterprise: Enterprise;
  /** Every visible request of the enterprise, oldest first. */
  requests: ServiceRequest[];
  /** Every visit to the enterprise, oldest first. */
  visits: Visit[];
  /** Counts over the requests and visits above. */
  summary: {
    /** How many requests. */
    requests: number;
    /** How many are not concluded yet. */
    open: number;
    /** Requests by state. */
    byStatus: Record<string, number>;
    /** Replied requests by outcome. */
    byOutcome: Partial<Record<Outcome, number>>;
    /** Rated requests by follow-up rating. */
    bySatisfaction: Partial<Record<Satisfaction, number>>;
    /** How many visits. */
    visits: number;
    /** The earliest request submitted or visit made, or null when there is none. */
    firstContactAt: Date | null;
    /** The latest request submitted or visit made, or null when there is none. */
    lastContactAt: Date | null;
  };
}

const CONCLUDED = new Set(['closed', 'withdrawn', 'merged']);

/**
 * The enterprise's life-cycle view. Requests are those the actor may see; visits are shown to
 * those who see every request in the office, the enterprise's contacts and its park's captain.
 * An enterprise the policy's `directoryAccess` does not let the actor read is NOT_FOUND.
 */
export async function enterpriseLifecycle(runtime: Runtime, who: Actor, enterpriseId: string, terminal: readonly string[]): Promise<EnterpriseLifecycle> {
  const actor = await loadActor(runtime, who, 'read');
  const officeScope = { field: 'officeId', value: actor.officeId } as const;
  const reader = await directoryReader(runtime, actor, 'enterprise');
  const entRow = await runtime.storage.findOne({ model: 'enterprise', where: [officeScope, { field: 'id', value: enterpriseId }, ...reader.where] });
  if (!entRow) throw notFound('enterprise', enterpriseId);
  const stored = rowToRecord<Enterprise>(entRow);
  const scope = runtime.policy.scope(actor, await assistedRequestIds(runtime, actor));
  const requests = (
    await runtime.storage.findMany({
      model: 'request',
      where: [officeScope, { field: 'enterpriseId', value: enterpriseId }, ...scopeToWhere(scope)],
      orderBy: [{ field: 'createdAt' }, { field: 'id' }],
    })
  ).map(rowToRequest);
  const allVisits = (
    await runtime.storage.findMany({
      model: 'visit',
      where: [officeScope, { field: 'enterpriseId', value: enterpriseId }],
      orderBy: [{ field: 'visitedAt' }, { field: 'id' }],
    })
  ).map((r) => rowToRecord<Visit>(r));
  const visits: Visit[] = [];
  for (const visit of allVisits) if (await canSeeVisit(runtime, actor, visit, stored)) visits.push(visit);
  const byStatus: Record<string, number> = {};
  const byOutcome: Partial<Record<Outcome, number>> = {};
  const bySatisfaction: Partial<Record<Satisfaction, number>> = {};
  for (const r of requests) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    if (r.outcome) byOutcome[r.outcome] = (byOutcome[r.outcome] ?? 0) + 1;
    if (r.satisfaction) bySatisfaction[r.satisfaction] = (bySatisfaction[r.satisfaction] ?? 0) + 1;
  }
  const contacts = [...requests.map((r) => r.createdAt.getTime()), ...visits.map((v) => v.visitedAt.getTime())];
  const done = new Set([...CONCLUDED, ...terminal]);
  return {
    enterprise: reader.show(stored),
    requests,
    visits,
    summary: {
      requests: requests.length,
      open: requests.filter((r) => !done.has(r.status)).length,
      byStatus,
      byOutcome,
      bySatisfaction,
      visits: visits.length,
      firstContactAt: contacts.length ? new Date(Math.min(...contacts)) : null,
      lastContactAt: contacts.length ? new Date(Math.max(...contacts)) : null,
    },
  };
}
