/**
 * Sending a command on a request, and the idempotency key for it: one key per body, so that
 * a retry of the same fill (after a network failure) cannot apply it twice, while a corrected
 * fill gets a key of its own (the server keeps each key's answer, refusals included).
 */
import { useRef } from 'preact/hooks';
import { api, asProblem, type ApiProblem } from '../../api.js';
import { bodyOf, type ActionValues } from './action-body.js';
import { segmentOf, type ActionName } from './allowed-actions.js';
import type { Req } from './request-data.js';

function sendAction(requestId: string, action: ActionName, body: Record<string, unknown>, idempotencyKey: string): Promise<Req> {
  return api<Req>('POST', `/api/requests/${encodeURIComponent(requestId)}/${segmentOf(action)}`, body, { idempotencyKey });
}

/** The key for a body: the same body again gets the same key. */
function useIdempotencyKeys(): (body: unknown) => string {
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

/** How a command went: sent, refused (with the server's problem), or overtaken by someone else's change. */
export type Sent = 'sent' | 'conflict' | ApiProblem;

/** Sends commands on `request` as it was loaded (its version), each body with its own key. */
export function useSendAction(request: Req): (action: ActionName, values: ActionValues) => Promise<Sent> {
  const keyFor = useIdempotencyKeys();
  return async (action, values) => {
    const body = bodyOf(action, values, request.version);
    try {
      await sendAction(request.id, action, body, keyFor(body));
      return 'sent';
    } catch (error) {
      const problem = asProblem(error);
      return problem.code === 'CONFLICT' ? 'conflict' : problem;
    }
  };
}
