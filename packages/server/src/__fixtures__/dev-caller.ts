import type { KechuangServer } from '../create-server.js';

/** A request as a test sends it: who, what, and optional body and headers. */
export interface Call {
  (who: string | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/**
 * Calls `server` as a member of office `officeId`, signed in through the dev sign-in header
 * (`who` = member id; null: no credentials). A body that is not a string is sent as JSON.
 *
 * @example
 * ```ts
 * const call = devCaller(server, office.id);
 * const response = await call(headId, 'GET', '/api/requests');
 * ```
 */
export function devCaller(server: KechuangServer, officeId: string): Call {
  return (who, method, path, body, headers = {}) =>
    server.fetch(
      new Request(`http://kechuang.test${path}`, {
        method,
        headers: {
          ...(who ? { 'x-kechuang-dev-member': `${officeId}/${who}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      }),
    );
}
