import type { AnyCommunity } from '../community.js';
import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
import { runtimeOf } from '../pipeline/runtime-registry.js';
import type { Runtime } from '../pipeline/runtime.js';
import type { JsonValue, Row } from '../storage/types.js';

/** What {@link IdempotencyKeys.claim} needs. */
export interface IdempotencyClaimInput {
  /** The office the call acts in; keys of different offices never collide. */
  officeId: string;
  /** Whose key it is (e.g. `member:<id>`, `api-key:<id>`): two callers' keys never collide. */
  scope: string;
  /** The caller's key: 1–255 visible ASCII characters. */
  key: string;
  /** A digest of the call (method, path, body): the same key with another call is refused. */
  fingerprint: string;
  /** How long a claim may run before another caller may take it over. @default 60_000 */
  leaseMs?: number;
  /** How long a completed call's response is replayed. @default 86_400_000 (24 h) */
  ttlMs?: number;
}

/** A claimed key: run the call, then store its response, or release the key if it failed. */
export interface ClaimedKey {
  /** Always `claimed`: the call may run. */
  status: 'claimed';
  /** Stores the response (not null), which later calls with the key get back. */
  complete(response: JsonValue): Promise<void>;
  /** Forgets the key (the call failed in a way worth retrying), so a retry runs again. */
  release(): Promise<void>;
}

/** The outcome of a claim. */
export type IdempotencyClaim =
  | ClaimedKey
  /** The call already ran: here is its stored response. */
  | {
      /** The call already ran. */
      status: 'replay';
      /** The response stored by {@link ClaimedKey.complete}. */
      response: JsonValue;
    }
  /** The key was used with a different call. */
  | {
      /** The key's fingerprint differs: refuse the call. */
      status: 'mismatch';
    }
  /** A call with the key is still running; try again after `retryAfterMs`. */
  | {
      /** Another call holds the key. */
      status: 'in_progress';
      /** How long to wait before trying again, in milliseconds. */
      retryAfterMs: number;
    };

/** Idempotency keys kept in the community's storage, shared by every instance. */
export interface IdempotencyKeys {
  /** Claims `key` for one call, or tells why the call must not run now. */
  claim(input: IdempotencyClaimInput): Promise<IdempotencyClaim>;
  /** Deletes keys whose replay window has passed; returns how many. Run it from a scheduled job. */
  purgeExpired(): Promise<number>;
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const MODEL = 'idempotency_key';

/**
 * Idempotency keys for calls made at a host's edge, such as HTTP `Idempotency-Key`: the first
 * call with a key claims it; a retry gets the stored response, a different call with the same
 * key is refused, and a call whose first attempt crashed mid-way may run again once its lease
 * expires. Keys live in storage, so every instance of the host sees them.
 *
 * @example
 * ```ts
 * const keys = idempotencyKeys(community);
 * const claim = await keys.claim({ officeId, scope: `member:${memberId}`, key, fingerprint });
 * if (claim.status === 'replay') return claim.response;
 * if (claim.status === 'claimed') {
 *   try {
 *     const response = await run();
 *     await claim.complete(response);
 *     return response;
 *   } catch (error) {
 *     await claim.release();
 *     throw error;
 *   }
 * }
 * ```
 */
export function idempotencyKeys(community: AnyCommunity): IdempotencyKeys {
  const runtime = runtimeOf(community);
  return {
    claim: (input) => claim(runtime, input),
    async purgeExpired() {
      await runtime.ready();
      return runtime.storage.delete({ model: MODEL, where: [{ field: 'expiresAt', op: 'lt', value: runtime.clock.now() }] });
    },
  };
}

async function claim(runtime: Runtime, input: IdempotencyClaimInput): Promise<IdempotencyClaim> {
  if (!KEY_PATTERN.test(input.key)) {
    throw new KechuangError('VALIDATION_FAILED', 'Invalid idempotency key: use 1–255 visible ASCII characters, e.g. a UUID.', {
      issues: [{ path: ['idempotencyKey'], message: 'Use 1–255 visible ASCII characters.', code: 'invalid_format' }],
    });
  }
  await runtime.ready();
  const { storage, clock } = runtime;
  const leaseMs = input.leaseMs ?? 60_000;
  const ttlMs = input.ttlMs ?? 86_400_000;
  const selector = [
    { field: 'officeId', value: input.officeId },
    { field: 'scope', value: input.scope },
    { field: 'key', value: input.key },
  ];
  // Two tries: a key found expired is deleted and claimed afresh once.
  for (let attempt = 0; attempt < 2; attempt++) {
    const now = clock.now();
    const fresh: Row = {
      id: runtime.newId(),
      officeId: input.officeId,
      scope: input.scope,
      key: input.key,
      fingerprint: input.fingerprint,
      response: null,
      leaseUntil: new Date(now.getTime() + leaseMs),
      expiresAt: new Date(now.getTime() + ttlMs),
      version: 1,
    };
    try {
      return claimed(runtime, await storage.create({ model: MODEL, data: fresh }), ttlMs);
    } catch (error) {
      if (!isKechuangError(error) || error.code !== 'UNIQUE_VIOLATION') throw error;
    }
    const held = await storage.findOne({ model: MODEL, where: selector });
    if (!held) continue; // completed and purged, or released, in between
    if ((held['expiresAt'] as Date).getTime() <= now.getTime()) {
      await storage.delete({ model: MODEL, where: [{ field: 'id', value: held['id'] as string }, { field: 'version', value: held['version'] as number }] });
      continue;
    }
    if (held['fingerprint'] !== input.fingerprint) return { status: 'mismatch' };
    // A stored response marks a completed call (complete() never stores null).
    if (held['response'] !== null) return { status: 'replay', response: held['response'] as JsonValue };
    const leaseLeft = (held['leaseUntil'] as Date).getTime() - now.getTime();
    if (leaseLeft > 0) return { status: 'in_progress', retryAfterMs: leaseLeft };
    // The first attempt died mid-way: take its key over, guarded so only one caller does.
    const taken = await storage.update({
      model: MODEL,
      where: [{ field: 'id', value: held['id'] as string }, { field: 'version', value: held['version'] as number }],
      data: { leaseUntil: new Date(now.getTime() + leaseMs), version: (held['version'] as number) + 1 },
    });
    if (taken) return claimed(runtime, taken, ttlMs);
    return { status: 'in_progress', retryAfterMs: leaseMs };
  }
  return { status: 'in_progress', retryAfterMs: 1000 };
}

function claimed(runtime: Runtime, row: Row, ttlMs: number): ClaimedKey {
  const guard = [{ field: 'id', value: row['id'] as string }, { field: 'version', value: row['version'] as number }];
  return {
    status: 'claimed',
    async complete(response) {
      if (response === null) throw new TypeError('complete(response): store a value, not null (wrap it, e.g. { body: null }).');
      const now = runtime.clock.now();
      // A lost guard means the lease ran out and another caller took the key over; its response wins.
      await runtime.storage.update({
        model: MODEL,
        where: guard,
        data: { response, expiresAt: new Date(now.getTime() + ttlMs), version: (row['version'] as number) + 1 },
      });
    },
    async release() {
      await runtime.storage.delete({ model: MODEL, where: guard });
    },
  };
}
