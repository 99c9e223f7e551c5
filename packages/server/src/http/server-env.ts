import type { Actor, CommunitySession } from '@kechuang/community';

/** What the middleware puts on each request's context for the handlers after it. */
export interface ServerEnv {
  /** The context variables, read in a handler with `c.get('session')` and the like. */
  Variables: {
    /** The caller, as the host's resolver named them. */
    actor: Actor;
    /** The SDK as that actor sees it. */
    session: CommunitySession;
    /** `scope` of idempotency keys and rate limits: `member:<id>`, `system`, `api-key:<id>`. */
    principal: string;
    /** The request's id: the client's `X-Request-Id` when usable, else a new UUID; sent back in that header. */
    requestId: string;
  };
}
