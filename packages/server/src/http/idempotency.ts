import { idempotencyKeys, sha256Hex, type AnyCommunity } from '@kechuang/community';
import type { MiddlewareHandler } from 'hono';
import { HttpProblem } from './problem.js';
import type { ServerEnv } from './server-env.js';

/** What is stored for a completed call and sent again on a replay. */
interface StoredResponse {
  status: number;
  contentType: string | null;
  location: string | null;
  body: string;
}

/** Statuses of refusals made before a command ran: nothing happened that a retry could repeat. */
const NOTHING_RAN = new Set([400, 401, 403, 413, 415, 429]);

/**
 * Honours `Idempotency-Key` on POST: the first request with a key runs and its response is
 * stored (in the community's storage, so every instance replays it); a retry with the same
 * key gets that response again with `Idempotency-Replayed: true`, the same key with a
 * different method, path or body is 422, and one arriving while the first still runs is 409
 * with `Retry-After`. A 5xx is not stored, so a retry runs again; neither is a refusal made
 * before anything ran (invalid input, no sign-in or permission, too large, rate-limited), so
 * that the corrected call — a form fixed after its errors were shown — goes through under the
 * same key instead of being told the key was used for something else.
 */
export function idempotency(community: AnyCommunity, ttlMs: number): MiddlewareHandler<ServerEnv> {
  const keys = idempotencyKeys(community);
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    if (c.req.method !== 'POST' || key === undefined) return next();
    const body = new Uint8Array(await c.req.arrayBuffer());
    const head = new TextEncoder().encode(`${c.req.method} ${new URL(c.req.url).pathname}\n`);
    const fingerprint = await sha256Hex(concat(head, body));
    const actor = c.get('actor');
    const claim = await keys.claim({ officeId: actor.officeId, scope: c.get('principal'), key, fingerprint, ttlMs });
    if (claim.status === 'mismatch') {
      throw new HttpProblem('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was already used with a different request. Use a new key for a new request.');
    }
    if (claim.status === 'in_progress') {
      const seconds = Math.max(1, Math.ceil(claim.retryAfterMs / 1000));
      throw new HttpProblem('IDEMPOTENCY_IN_PROGRESS', `A request with this Idempotency-Key is still running. Retry in ${seconds} s to get its response.`, {
        headers: { 'retry-after': String(seconds) },
      });
    }
    if (claim.status === 'replay') {
      const stored = claim.response as unknown as StoredResponse;
      const headers: Record<string, string> = { 'idempotency-replayed': 'true' };
      if (stored.contentType) headers['content-type'] = stored.contentType;
      if (stored.location) headers['location'] = stored.location;
      return new Response(stored.body, { status: stored.status, headers });
    }
    try {
      await next();
    } catch (error) {
      await claim.release();
      throw error;
    }
    if (c.res.status >= 500 || NOTHING_RAN.has(c.res.status)) {
      await claim.release();
      return;
    }
    const stored: StoredResponse = {
      status: c.res.status,
      contentType: c.res.headers.get('content-type'),
      location: c.res.headers.get('location'),
      body: await c.res.clone().text(),
    };
    await claim.complete(stored as unknown as Parameters<typeof claim.complete>[0]);
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
