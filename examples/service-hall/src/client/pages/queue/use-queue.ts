/**
 * A view's rows, counts and paging. A reload (after a live event or a quick action) fetches
 * as many rows as are on screen, so "load more" is not undone by the next change elsewhere.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { asProblem, type ApiProblem } from '../../api.js';
import { fetchMore, fetchView, type CountedLight, type LightCounts } from './queue-fetch.js';
import { viewKey, type QueueView, type Row } from './queue-views.js';

export interface QueueState {
  rows: Row[];
  counts: LightCounts | null;
  nextCursor: string | null;
  capped: boolean;
  /** The first load of this view is done (a later reload keeps the rows on screen). */
  ready: boolean;
  loading: boolean;
  loadingMore: boolean;
  problem: ApiProblem | null;
  reload(): void;
  loadMore(): void;
  /** Puts a request the server just answered with in place of its row. */
  replaceRow(row: Row): void;
}


const aborted = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

export function useQueue(view: QueueView | undefined, light: CountedLight | null): QueueState {
  const key = view ? viewKey(view, light) : '';
  const [rows, setRows] = useState<Row[]>([]);
  const [counts, setCounts] = useState<LightCounts | null>(null);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [capped, setCapped] = useState(false);
  const [readyKey, setReadyKey] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [round, setRound] = useState(0);
  const shown = useRef(0);
  const generation = useRef(0);
  const viewRef = useRef(view);
  viewRef.current = view;
  shown.current = rows.length;

  // A new question starts from an empty list; a reload of the same one keeps its rows meanwhile.
  const lastKey = useRef(key);
  useEffect(() => {
    if (!view) return;
    const fresh = lastKey.current !== key;
    lastKey.current = key;
    const id = ++generation.current;
    const controller = new AbortController();
    if (fresh) {
      setRows([]);
      setCounts(null);
      setNextCursor(null);
      shown.current = 0;
    }
    setLoading(true);
    fetchView(view, light, fresh ? 0 : shown.current, controller.signal).then(
      (found) => {
        if (id !== generation.current) return;
        setRows(found.rows);
        setCounts(found.counts);
        setNextCursor(found.nextCursor);
        setCapped(found.capped);
        setProblem(null);
        setLoading(false);
        setReadyKey(key);
      },
      (error: unknown) => {
        if (id !== generation.current || aborted(error)) return;
        setProblem(asProblem(error));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // The key stands for the view and the light.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);

  const reload = useCallback(() => setRound((r) => r + 1), []);

  const loadMore = useCallback(() => {
    const current = viewRef.current;
    if (!current || !nextCursor) return;
    const id = generation.current;
    setLoadingMore(true);
    fetchMore(current, light, nextCursor).then(
      (page) => {
        setLoadingMore(false);
        // A reload in between answered for the whole list already.
        if (id !== generation.current) return;
        setRows((before) => {
          const seen = new Set(before.map((r) => r.id));
          return [...before, ...page.items.filter((r) => !seen.has(r.id))];
        });
        setNextCursor(page.nextCursor);
      },
      (error: unknown) => {
        setLoadingMore(false);
        if (id === generation.current) setProblem(asProblem(error));
      },
    );
  }, [nextCursor, light]);

  const replaceRow = useCallback((row: Row) => setRows((before) => before.map((r) => (r.id === row.id ? row : r))), []);

  return { rows, counts, nextCursor, capped, ready: readyKey === key && key !== '', loading, loadingMore, problem, reload, loadMore, replaceRow };
}
