/**
 * The server's change feed (`GET /events`, server-sent events) for a screen that shows live
 * figures: it calls `onChange` at most about once a second however many requests change, and
 * says whether the stream is up.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** `connecting` only before the first open; afterwards a drop shows as `reconnecting`. */
export type LiveState = 'connecting' | 'open' | 'reconnecting';

const DEBOUNCE_MS = 1000;
// EventSource gives up for good on a refused stream (e.g. 401 after a restart); try again later.
const REOPEN_MS = 5000;

export function useLiveEvents(onChange: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    let source: EventSource | null = null;
    let pending: ReturnType<typeof setTimeout> | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    let stopped = false;

    const changed = (): void => {
      // Coalesce a burst (a visit files several requests) into one reload, at most a second late.
      if (pending !== null) return;
      pending = setTimeout(() => {
        pending = null;
        callback.current();
      }, DEBOUNCE_MS);
    };

    const open = (): void => {
      if (stopped) return;
      source = new EventSource('/events');
      source.onopen = () => {
        // A stream opened anew (after giving up) starts from now, so catch up on what it missed.
        if (opened) changed();
        opened = true;
        setState('open');
      };
      source.addEventListener('request', changed);
      source.onerror = () => {
        setState(opened ? 'reconnecting' : 'connecting');
        if (source?.readyState === EventSource.CLOSED) {
          source = null;
          reopen = setTimeout(open, REOPEN_MS);
        }
      };
    };
    open();

    return () => {
      stopped = true;
      source?.close();
      if (pending !== null) clearTimeout(pending);
      if (reopen !== null) clearTimeout(reopen);
    };
  }, []);

  return state;
}
