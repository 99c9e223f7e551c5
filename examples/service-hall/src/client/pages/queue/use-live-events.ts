/**
 * The server's change feed (`GET /events`): calls `onChange` once a burst of request events
 * has settled, since one command commits several events and a reload per event would hammer
 * the list. The browser's EventSource reconnects by itself after a drop.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

export type LiveState = 'connecting' | 'on' | 'off';

const SETTLE_MS = 500;
const RETRY_MS = 5000;

interface RequestEvent {
  requestId?: string;
}

export function useLiveEvents(onChange: (requestIds: string[]) => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const callback = useRef(onChange);
  callback.current = onChange;

  useEffect(() => {
    let source: EventSource | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let pending = new Set<string>();
    const flush = (): void => {
      const ids = [...pending];
      pending = new Set();
      callback.current(ids);
    };
    const connect = (): void => {
      const current = new EventSource('/events');
      source = current;
      current.addEventListener('ready', () => setState('on'));
      current.addEventListener('open', () => setState('on'));
      current.addEventListener('error', () => {
        if (current.readyState !== EventSource.CLOSED) return setState('connecting');
        // The browser gives up on a refused stream (say, a restart mid-handshake); try again.
        setState('off');
        retry = setTimeout(connect, RETRY_MS);
      });
      current.addEventListener('request', (event: MessageEvent<string>) => {
        try {
          const change = JSON.parse(event.data) as RequestEvent;
          if (change.requestId) pending.add(change.requestId);
        } catch {
          // A change we cannot read still means the list may be stale.
        }
        clearTimeout(settle);
        settle = setTimeout(flush, SETTLE_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(settle);
      clearTimeout(retry);
      source?.close();
    };
  }, []);

  return state;
}
