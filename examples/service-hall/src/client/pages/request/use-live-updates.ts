/**
 * Live changes of one request from the server's event stream (`GET /events`): calls back
 * with the version a change brought, a little after the last of a burst (a command writes
 * several timeline entries, each its own event), so that one command costs one reload.
 */
import { useEffect, useRef } from 'preact/hooks';

const SETTLE_MS = 250;

export function useLiveUpdates(requestId: string, onChange: (version: number) => void): void {
  const handler = useRef(onChange);
  handler.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    const source = new EventSource('/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    let newest = 0;
    const listener = (event: MessageEvent<string>): void => {
      let change: { requestId?: unknown; version?: unknown };
      try {
        change = JSON.parse(event.data) as typeof change;
      } catch {
        return;
      }
      if (change.requestId !== requestId) return;
      newest = Math.max(newest, typeof change.version === 'number' ? change.version : 0);
      clearTimeout(timer);
      timer = setTimeout(() => handler.current(newest), SETTLE_MS);
    };
    source.addEventListener('request', listener);
    return () => {
      clearTimeout(timer);
      source.removeEventListener('request', listener);
      source.close();
    };
  }, [requestId]);
}
