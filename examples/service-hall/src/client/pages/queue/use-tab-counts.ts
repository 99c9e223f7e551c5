/**
 * The number on each tab, so a station head sees where work waits without opening every
 * list. Lists of history (a park's or an enterprise's requests) have no number: they are
 * not work waiting.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fetchTally, type ScanShare, type Tally } from './queue-fetch.js';
import type { QueueView, ViewName } from './queue-views.js';

const UNCOUNTED: ReadonlySet<ViewName> = new Set(['park', 'enterprise']);

export interface TabCounts {
  tallies: Partial<Record<ViewName, Tally>>;
  reload(): void;
}

export function useTabCounts(views: readonly QueueView[]): TabCounts {
  const [tallies, setTallies] = useState<Partial<Record<ViewName, Tally>>>({});
  const [round, setRound] = useState(0);
  const generation = useRef(0);
  const key = views.map((v) => JSON.stringify([v.name, v.source.params])).join('|');
  useEffect(() => {
    const id = ++generation.current;
    const controller = new AbortController();
    const counted = views.filter((v) => !UNCOUNTED.has(v.name));
    const share: ScanShare = new Map();
    // Each tab's number arrives when it is ready; a failed count just leaves its tab bare.
    for (const view of counted) {
      fetchTally(view, controller.signal, share).then(
        (tally) => {
          if (id === generation.current) setTallies((before) => ({ ...before, [view.name]: tally }));
        },
        () => undefined,
      );
    }
    return () => controller.abort();
    // `key` stands for the views' questions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { tallies, reload };
}
