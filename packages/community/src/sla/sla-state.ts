import type { ServiceRequest } from '../model/request.js';

/** The green, yellow and red lights, plus paused, done (replied or concluded) and none (no SLA). */
export type SlaState = 'on_time' | 'due_soon' | 'overdue' | 'paused' | 'done' | 'none';

/**
 * The request's light at `now`. `active` tells whether the request is still being worked on
 * (not replied, not concluded).
 *
 * @example
 * ```ts
 * const light = slaState(request, new Date(), !['replied', 'closed', 'withdrawn', 'merged'].includes(request.status));
 * ```
 */
export function slaState(request: Pick<ServiceRequest, 'resolveDueAt' | 'dueSoonAt' | 'pausedAt'>, now: Date, active: boolean): SlaState {
  if (!request.resolveDueAt) return 'none';
  if (!active) return 'done';
  if (request.pausedAt) return 'paused';
  if (now.getTime() > request.resolveDueAt.getTime()) return 'overdue';
  if (request.dueSoonAt && now.getTime() >= request.dueSoonAt.getTime()) return 'due_soon';
  return 'on_time';
}
