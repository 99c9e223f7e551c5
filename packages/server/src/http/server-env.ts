import type { Actor, CommunitySession } from '@kechuang/community';

/** What the middleware puts on each request's context for the handlers after it. */
export interface ServerEnv {
  Variables: {
    /** The caller, as the host's resolver named them. */
    actor: Actor;
    /** The SDK as that actor sees it. */
    session: CommunitySession;
    /** `scope` of idempotency keys and rate limits: `member:<id>`, `system`, `api-key:<id>`. */
    principal: string;
    requestId: string;
  };
}
