/**
 * `POST /api/routing/explain`: where a would-be request would go and why, rule by rule. It
 * files nothing, so screens ask it freely: the intake for what it just filed, the request
 * detail to check a request again, the rules page for a pasted complaint.
 */
import type { RoutingExplanation, ServiceRequest } from '@kechuang/community';
import { api, type Wire } from '../api.js';

export type Explanation = Wire<RoutingExplanation>;
export type RuleTrace = Explanation['rules'][number];
export type ConditionTrace = NonNullable<RuleTrace['condition']>;

/**
 * A stored request's place and content as a submit would carry them. Its priority and tags are
 * left to the caller: routing may have changed both, and each screen says which it asks about.
 */
export function requestFacts(request: Wire<ServiceRequest>): Record<string, unknown> {
  return {
    communityId: request.communityId,
    enterpriseId: request.enterpriseId,
    parkId: request.parkId,
    buildingId: request.buildingId,
    channel: request.channel,
    category: request.category,
    attributes: request.attributes,
    title: request.title,
    description: request.description,
  };
}

export function explainRouting(facts: Record<string, unknown>, signal?: AbortSignal): Promise<Explanation> {
  return api<Explanation>('POST', '/api/routing/explain', facts, { signal });
}
