/**
 * The stages of an enterprise's life with the community, from what the SDK's life-cycle view
 * holds: when it joined the directory (入驻), every visit and request while it is served
 * (服务), where it stands now (现状), and its leaving the directory if it did (迁出). The SDK
 * keeps no other stage (an incubation phase, say), so none is invented here.
 */
import type { EnterpriseLifecycle, ServiceRequest, Visit } from '@kechuang/community';
import type { Wire } from '../../api.js';

export type WireLifecycle = Wire<EnterpriseLifecycle>;

export type LifeStage = 'joined' | 'service' | 'now' | 'left';

export type LifeEvent =
  | { kind: 'listed'; stage: 'joined'; at: string; key: string; parkId: string | null }
  | { kind: 'visit'; stage: 'service'; at: string; key: string; visit: Wire<Visit>; first: boolean }
  | { kind: 'request'; stage: 'service'; at: string; key: string; request: Wire<ServiceRequest>; first: boolean }
  | { kind: 'archived'; stage: 'left'; at: string; key: string }
  | { kind: 'now'; stage: 'now'; at: null; key: string; open: number; total: number };

/** The enterprise's life cycle as dated events, oldest first, ending with where it stands. */
export function lifeEvents(lifecycle: WireLifecycle): LifeEvent[] {
  const { enterprise } = lifecycle;
  const service: LifeEvent[] = [
    ...lifecycle.visits.map((visit): LifeEvent => ({ kind: 'visit', stage: 'service', at: visit.visitedAt, key: `v-${visit.id}`, visit, first: false })),
    ...lifecycle.requests.map((request): LifeEvent => ({ kind: 'request', stage: 'service', at: request.createdAt, key: `r-${request.id}`, request, first: false })),
  ].sort((a, b) => Date.parse(a.at ?? '') - Date.parse(b.at ?? ''));
  const [earliest] = service;
  if (earliest && (earliest.kind === 'visit' || earliest.kind === 'request')) earliest.first = true;
  const events: LifeEvent[] = [{ kind: 'listed', stage: 'joined', at: enterprise.createdAt, key: 'listed', parkId: enterprise.parkId }, ...service];
  if (enterprise.archivedAt) events.push({ kind: 'archived', stage: 'left', at: enterprise.archivedAt, key: 'archived' });
  else events.push({ kind: 'now', stage: 'now', at: null, key: 'now', open: lifecycle.summary.open, total: lifecycle.summary.requests });
  return events;
}

/** The request states after which nothing more happens to it. */
export const CONCLUDED_STATES = new Set(['closed', 'withdrawn', 'merged']);
