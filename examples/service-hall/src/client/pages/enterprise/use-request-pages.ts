/** An enterprise's requests, newest first, a page at a time (the list follows `nextCursor`). */
import type { ServiceRequest } from '@kechuang/community';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, asProblem, query, type ApiProblem, type Page, type Wire } from '../../api.js';

const PAGE_SIZE = 20;

export interface RequestPages {
  items: Wire<ServiceRequest>[];
  /** Whether the first page has arrived (or failed). */
  loaded: boolean;
  loading: boolean;
  more: boolean;
  problem: ApiProblem | null;
  loadMore(): void;
  retry(): void;
}

function pageOf(enterpriseId: string, cursor: string | null, signal: AbortSignal): Promise<Page<Wire<ServiceRequest>>> {
  return api<Page<Wire<ServiceRequest>>>('GET', `/api/requests${query({ enterpriseId, order: 'newest', limit: PAGE_SIZE, cursor })}`, undefined, { signal });
}

export function useRequestPages(enterpriseId: string): RequestPages {
  const [items, setItems] = useState<Wire<ServiceRequest>[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [round, setRound] = useState(0);
  const controller = useRef<AbortController | null>(null);

  const fetchPage = useCallback(
    (from: string | null) => {
      controller.current?.abort();
      const mine = new AbortController();
      controller.current = mine;
      setLoading(true);
      setProblem(null);
      pageOf(enterpriseId, from, mine.signal).then(
        (page) => {
          if (mine.signal.aborted) return;
          setItems((old) => (from === null ? page.items : [...old, ...page.items]));
          setCursor(page.nextCursor);
          setLoaded(true);
          setLoading(false);
        },
        (error: unknown) => {
          if (mine.signal.aborted) return;
          setProblem(asProblem(error));
          setLoaded(true);
          setLoading(false);
        },
      );
    },
    [enterpriseId],
  );

  useEffect(() => {
    setItems([]);
    setCursor(null);
    setLoaded(false);
    fetchPage(null);
    return () => controller.current?.abort();
  }, [fetchPage, round]);

  return {
    items,
    loaded,
    loading,
    more: cursor !== null,
    problem,
    loadMore: () => {
      if (cursor !== null && !loading) fetchPage(cursor);
    },
    // A failed later page is tried again from where it stopped; a failed first page from the top.
    retry: () => (items.length && cursor !== null ? fetchPage(cursor) : setRound((r) => r + 1)),
  };
}
