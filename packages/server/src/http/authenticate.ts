import type { Actor, Community } from '@kechuang/community';
import type { MiddlewareHandler } from 'hono';
import type { ActorResolver } from '../auth/actor-resolver.js';
import { HttpProblem } from './problem.js';
import type { ServerEnv } from './server-env.js';

/** `member:<id>` or `system:<office>`: whose idempotency keys and rate limits these are. */
export function principalOf(actor: Actor): string {
  return actor.kind === 'member' ? `member:${actor.memberId}` : `system:${actor.officeId}`;
}

/**
 * Resolves the caller with the host's resolver and opens the SDK session as them; no actor is
 * a 401 with a hint at how to sign in.
 */
export function authenticate(community: Community, resolve: ActorResolver, hint: string): MiddlewareHandler<ServerEnv> {
  return async (c, next) => {
    const actor = await resolve(c.req.raw);
    if (!actor) throw new HttpProblem('UNAUTHENTICATED', `Sign in first: ${hint}`, { headers: { 'www-authenticate': 'Bearer' } });
    c.set('actor', actor);
    c.set('principal', principalOf(actor));
    c.set('session', community.as(actor));
    await next();
  };
}
