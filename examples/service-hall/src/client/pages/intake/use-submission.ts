/**
 * Sending a creating form: one idempotency key per form fill, the sending flag and the
 * problem the server (or the form's own checks) found.
 *
 * The key survives a failure the server may not have seen the end of (no connection, a 5xx,
 * a call still running), so that the retry cannot file the request twice. It is renewed after
 * any other refusal: the server keeps its answer to a key, and would refuse the corrected
 * form as "key reused with a different request".
 */
import { useCallback, useRef, useState } from 'preact/hooks';
import { ApiProblem, asProblem } from '../../api.js';

export interface Submission<T> {
  sending: boolean;
  problem: ApiProblem | null;
  /** Runs `call` with the form's key; the value, or null when it failed (see `problem`). */
  send(call: (idempotencyKey: string) => Promise<T>): Promise<T | null>;
  /** Forgets the problem (a field the server named is gone, e.g. a removed row). */
  clear(): void;
  /** A new form fill: a new key, no problem. */
  reset(): void;
}

function mayHaveLanded(problem: ApiProblem): boolean {
  return problem.status === 0 || problem.status >= 500 || problem.code === 'IDEMPOTENCY_IN_PROGRESS';
}

export function useSubmission<T>(): Submission<T> {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const key = useRef<string>(crypto.randomUUID());

  const send = useCallback(async (call: (idempotencyKey: string) => Promise<T>): Promise<T | null> => {
    setSending(true);
    setProblem(null);
    try {
      return await call(key.current);
    } catch (error) {
      const found = asProblem(error);
      if (!mayHaveLanded(found)) key.current = crypto.randomUUID();
      setProblem(found);
      return null;
    } finally {
      setSending(false);
    }
  }, []);

  const clear = useCallback(() => setProblem(null), []);

  const reset = useCallback(() => {
    key.current = crypto.randomUUID();
    setProblem(null);
  }, []);

  return { sending, problem, send, clear, reset };
}

/**
 * The problems a form found itself (keyed by path, shown beside their fields), together with
 * the fields the server refused in a dry run, as one problem.
 */
export function formProblem(fields: Record<string, string>, server?: unknown): ApiProblem {
  const refused = server instanceof ApiProblem && server.code === 'VALIDATION_FAILED' ? server : null;
  // The server's own summary when it refused something too; the fields say the rest.
  return new ApiProblem(400, 'VALIDATION_FAILED', refused?.message ?? '', { ...refused?.fields, ...fields });
}

/**
 * The problem as the form-level note shows it: the fields the form shows beside themselves
 * need no repeating there (the server's summary is one long English line), so the note keeps
 * only what no field on screen shows, such as `communityId`.
 */
export function noteProblem(problem: ApiProblem | null, shown: (path: string) => boolean): ApiProblem | null {
  if (!problem || Object.keys(problem.fields).length === 0) return problem;
  const unshown = Object.entries(problem.fields).filter(([path]) => !shown(path));
  return new ApiProblem(problem.status, problem.code, unshown.map(([path, message]) => `${path}: ${message}`).join('; '), problem.fields);
}
