/** Loading data for a screen: the value, the problem if it failed, and a way to load again. */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { asProblem, type ApiProblem } from './api.js';

export interface Loaded<T> {
  data: T | undefined;
  problem: ApiProblem | null;
  loading: boolean;
  /** Loads again, keeping the current value on screen until the new one arrives. */
  reload(): void;
}

/**
 * Runs `load` when `deps` change; a newer load wins over a slower older one.
 *
 * @example
 * ```ts
 * const queue = useLoad(() => api<Page<Req>>('GET', '/api/requests?assigneeId=' + id), [id]);
 * ```
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const [round, setRound] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const id = ++latest.current;
    const controller = new AbortController();
    setLoading(true);
    load(controller.signal).then(
      (value) => {
        if (id !== latest.current) return;
        setData(value);
        setProblem(null);
        setLoading(false);
      },
      (error: unknown) => {
        if (id !== latest.current || controller.signal.aborted) return;
        setProblem(asProblem(error));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, problem, loading, reload };
}
