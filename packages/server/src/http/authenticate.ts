import type { Actor, AnyCommunity, CommunitySession } from '@kechuang/community';
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
export function authenticate(community: AnyCommunity, resolve: ActorResolver, hint: string): MiddlewareHandler<ServerEnv> {
  // A session holds no state of its own (every call reads the actor's roles afresh), so one per
  // actor serves all their requests; building one per request was a measurable share of a submit.
  const sessions = new Map<string, CommunitySession>();
  return async (c, next) => {
    const actor = await resolve(c.req.raw);
    if (!actor) throw new HttpProblem('UNAUTHENTICATED', `Sign in first: ${hint}`, { headers: { 'www-authenticate': 'Bearer' } });
    const principal = principalOf(actor);
    const key = `${actor.officeId}/${principal}`;
    let session = sessions.get(key);
    if (!session) {
      if (sessions.size >= 10_000) sessions.clear();
      session = community.as(actor);
      sessions.set(key, session);
    }
    c.set('actor', actor);
    c.set('principal', principal);
    c.set('session', session);
    await next();
  };
}
