import { configInForce } from './office-config.js';
import type { Placeable, RoutingResult } from './routing-step.js';
import type { Runtime } from './runtime.js';

/** Options of {@link maybeRoute}. */
export interface RouteOptions {
  /** Members routing must pass over (e.g. the one who just returned the request). */
  exclude?: readonly string[];
  /** Trace every rule and condition as well. */
  explain?: boolean;
}

/**
 * Routes a request with its office's config in force, or returns null when the office has
 * none. The routing engine is loaded on first use, so embeddings without a config never load it.
 */
export async function maybeRoute(runtime: Runtime, request: Placeable, options: RouteOptions = {}): Promise<RoutingResult | null> {
  const stored = await configInForce(runtime, request.officeId);
  if (!stored) return null;
  const { routeRequest } = await import('./routing-step.js');
  return routeRequest(runtime, stored, request, options);
}
