import { sha256Hex, type Actor } from '@kechuang/community';
import type { ActorResolver } from './actor-resolver.js';

/** One API key: who it acts as. */
export interface ApiKeyEntry {
  /** A label for logs and rate limits, e.g. the client's name. Not secret. */
  id: string;
  /** The SHA-256 (lower-case hex) of the key, so the secret itself need not be kept in config. */
  sha256: string;
  /** The actor requests with this key act as; usually a member with the office_staff role, or the system. */
  actor: Actor;
}

/** API keys, and the resolver that reads them from a request. */
export interface ApiKeys {
  /** Reads `X-API-Key`, or `api_key` in the query or a form body (Open311), and names its actor. */
  resolve: ActorResolver;
  /** The key's id for a request, when it carries a known key (for rate limits and logs). */
  idOf(request: Request): Promise<string | null>;
}

/**
 * An API-key resolver, for Open311 clients and other machine callers. Keys are compared by
 * their SHA-256, so only digests need to be configured.
 *
 * @example
 * ```ts
 * const keys = apiKeys([{ id: 'city-311', sha256: process.env.CITY_311_KEY_SHA256!, actor: { kind: 'system', officeId } }]);
 * createServer({ community, resolveActor: firstActor(keys.resolve, mySignIn), apiKeys: keys });
 * ```
 */
export function apiKeys(entries: readonly ApiKeyEntry[]): ApiKeys {
  const byDigest = new Map<string, ApiKeyEntry>();
  for (const entry of entries) {
    if (!/^[0-9a-f]{64}$/.test(entry.sha256)) throw new TypeError(`API key '${entry.id}': sha256 must be 64 lower-case hex characters (the SHA-256 of the key).`);
    if (byDigest.has(entry.sha256)) throw new TypeError(`API key '${entry.id}' has the same key as another entry; give each client its own key.`);
    byDigest.set(entry.sha256, entry);
  }
  const find = async (request: Request): Promise<ApiKeyEntry | null> => {
    const key = await presentedKey(request);
    return key ? (byDigest.get(await sha256Hex(new TextEncoder().encode(key))) ?? null) : null;
  };
  return {
    resolve: async (request) => (await find(request))?.actor ?? null,
    idOf: async (request) => (await find(request))?.id ?? null,
  };
}

async function presentedKey(request: Request): Promise<string | null> {
  const header = request.headers.get('x-api-key');
  if (header) return header;
  const fromQuery = new URL(request.url).searchParams.get('api_key');
  if (fromQuery) return fromQuery;
  // Open311 POSTs send api_key as a form field. Read a clone, so the handler can still read the body.
  if (request.method === 'POST' && /^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? '')) {
    const value = new URLSearchParams(await request.clone().text()).get('api_key');
    if (value) return value;
  }
  return null;
}
