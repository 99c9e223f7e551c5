import type { Actor } from '@kechuang/community';

/**
 * Who is calling: the host authenticates the HTTP request its own way (session cookie, OIDC,
 * mTLS …) and names the actor, or returns null to answer 401. The SDK decides everything
 * else (what the actor may see and do) from its directory.
 *
 * @example
 * ```ts
 * const resolveActor: ActorResolver = async (request) => {
 *   const user = await mySessions.verify(request.headers.get('authorization'));
 *   return user ? { kind: 'member', officeId: user.officeId, memberId: user.memberId } : null;
 * };
 * ```
 */
export type ActorResolver = (request: Request) => Actor | null | Promise<Actor | null>;

/**
 * Tries each resolver in turn and takes the first actor found, e.g. an API key for Open311
 * clients, then the host's own sign-in.
 *
 * @example
 * ```ts
 * createServer({ community, resolveActor: firstActor(apiKeys.resolve, mySignIn) });
 * ```
 */
export function firstActor(...resolvers: ActorResolver[]): ActorResolver {
  return async (request) => {
    for (const resolve of resolvers) {
      const actor = await resolve(request);
      if (actor) return actor;
    }
    return null;
  };
}
