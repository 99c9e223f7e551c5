import type { Actor } from '../auth/actor.js';
import type { CommunitySession } from '../session.js';

/** The HTTP methods a plugin route may answer. */
export type PluginRouteMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a plugin route's handler gets. */
export interface PluginRouteContext {
  /** The signed-in caller; the server has already authenticated them. */
  actor: Actor;
  /** The SDK as the caller sees it: tenancy and authorization as for every other route. */
  session: CommunitySession;
  /** Path parameters, e.g. `{ id }` for `/requests/:id/chain`. */
  params: Record<string, string>;
}

/**
 * An HTTP route a plugin registers. `@kechuang/server` mounts it under
 * `/api/plugins/<plugin-id><path>`, behind the same sign-in, and turns a thrown
 * KechuangError into the same problem document as the core routes.
 */
export interface PluginRoute {
  /** The HTTP method. */
  method: PluginRouteMethod;
  /** Starts with `/`; `:name` segments are parameters. */
  path: string;
  /** A line for the OpenAPI document. */
  summary: string;
  /** Answers the request; throw a KechuangError to answer with a problem document. */
  handler(request: Request, ctx: PluginRouteContext): Response | Promise<Response>;
}
