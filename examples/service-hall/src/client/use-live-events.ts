/**
 * The server's change feed (`GET /events`, server-sent events) for a screen that shows
 * requests live. One command writes several timeline entries, each its own `request` event,
 * so the changes of a burst are handed over together once it has settled: one reload per
 * command, not per entry. The stream closes when the screen goes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

/** `connecting` only before the first open; afterwards a drop shows as `reconnecting`. */
export type LiveState = 'connecting' | 'open' | 'reconnecting';

/** What a `request` event says; only `requestId` is always there. */
export interface RequestChange {
  requestId: string;
  type?: string;
  toStatus?: string;
  version?: number;
}

export interface LiveOptions {
  /** Only this request's changes count. */
  requestId?: string;
  /** How long a burst must stay quiet before it is handed over. */
  settleMs?: number;
}

const SETTLE_MS = 500;
// A steady trickle of changes still refreshes the screen this often.
const MAX_WAIT_MS = 2000;
// EventSource gives up for good on a refused stream (e.g. 401 after a restart); try again later.
const REOPEN_MS = 5000;

function parse(data: string): RequestChange | null {
  try {
    const change = JSON.parse(data) as Partial<RequestChange>;
    return typeof change.requestId === 'string' ? { ...change, requestId: change.requestId } : null;
  } catch {
    return null;
  }
}

/**
 * Calls `onChanges` with the changes of each settled burst. After the stream was down it is
 * called with none: what happened meanwhile was missed, so the screen should catch up.
 */
export function useLiveEvents(onChanges: (changes: RequestChange[]) => void, { requestId, settleMs = SETTLE_MS }: LiveOptions = {}): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const callback = useRef(onChanges);
  callback.current = onChanges;

  useEffect(() => {
    if (typeof EventSource === 'undefined') return undefined;
    let source: EventSource | null = null;
    let settle: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let pending: RequestChange[] = [];
    let opened = false;

    const flush = (): void => {
      clearTimeout(settle);
      clearTimeout(deadline);
      settle = deadline = undefined;
      const changes = pending;
      pending = [];
      callback.current(changes);
    };
    const changed = (): void => {
      clearTimeout(settle);
      settle = setTimeout(flush, settleMs);
      deadline ??= setTimeout(flush, MAX_WAIT_MS);
    };
    const onRequest = (event: MessageEvent<string>): void => {
      const change = parse(event.data);
      if (requestId !== undefined && change?.requestId !== requestId) return;
      // Without a filter, even a change we cannot read means the screen may be stale.
      if (change) pending.push(change);
      changed();
    };
    const open = (): void => {
      const current = new EventSource('/events');
      source = current;
      current.addEventListener('open', () => {
        if (opened) changed();
        opened = true;
        setState('open');
      });
      current.addEventListener('request', onRequest);
      current.addEventListener('error', () => {
        setState(opened ? 'reconnecting' : 'connecting');
        if (current.readyState !== EventSource.CLOSED) return;
        source = null;
        reopen = setTimeout(open, REOPEN_MS);
      });
    };
    open();

    return () => {
      clearTimeout(settle);
      clearTimeout(deadline);
      clearTimeout(reopen);
      source?.close();
    };
  }, [requestId, settleMs]);

  return state;
}
