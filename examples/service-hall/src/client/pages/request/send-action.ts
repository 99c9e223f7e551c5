/**
 * Sending a command on a request, and the idempotency key for it: one key per body, so that
 * a retry of the same fill (after a network failure) cannot apply it twice, while a corrected
 * fill gets a key of its own (the server keeps each key's answer, refusals included).
 */
import { useRef } from 'preact/hooks';
import { api, ApiProblem } from '../../api.js';
import { segmentOf, type ActionName } from './allowed-actions.js';
import type { Req } from './request-data.js';

export function sendAction(requestId: string, action: ActionName, body: Record<string, unknown>, idempotencyKey: string): Promise<Req> {
  return api<Req>('POST', `/api/requests/${encodeURIComponent(requestId)}/${segmentOf(action)}`, body, { idempotencyKey });
}

/** The key for a body: the same body again gets the same key. */
export function useIdempotencyKeys(): (body: unknown) => string {
  const keys = useRef(new Map<string, string>());
  return (body) => {
    const text = JSON.stringify(body);
    let key = keys.current.get(text);
    if (key === undefined) {
      key = crypto.randomUUID();
      keys.current.set(text, key);
    }
    return key;
  };
}

/** Whatever was thrown, as a problem the page can show. */
export function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(0, 'CLIENT', error instanceof Error ? error.message : String(error));
}

/** Someone else changed the request since it was loaded. */
export function isConflict(problem: ApiProblem): boolean {
  return problem.code === 'CONFLICT';
}
