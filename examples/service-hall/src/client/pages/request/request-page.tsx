/**
 * 诉求详情: one request with everything about it — its state and facts, why it went where it
 * went, its deadlines, its timeline — and the commands the signed-in member may take now.
 * Changes made elsewhere arrive over the event stream and reload it, unless a form is open.
 */
import { useRef, useState } from 'preact/hooks';
import { api } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { href } from '../../router.js';
import { useLiveEvents } from '../../use-live-events.js';
import { useLoad } from '../../use-load.js';
import { ActionPanel } from './action-panel.js';
import { DuplicatesPanel } from './duplicates-panel.js';
import { RequestFacts } from './request-facts.js';
import { RequestHeader } from './request-header.js';
import type { RequestDetail } from './request-data.js';
import { useRequestTexts } from './request-texts.js';
import { RoutingExplanation } from './routing-explanation.js';
import { SlaHistory } from './sla-history.js';
import { TimelineList } from './timeline-list.js';
import './request-page.css';

export function RequestPage({ id }: { id: string }) {
  const t = useRequestTexts();
  const loaded = useLoad((signal) => api<RequestDetail>('GET', `/api/requests/${encodeURIComponent(id)}`, undefined, { signal }), [id]);
  const [stale, setStale] = useState(false);
  const formOpen = useRef(false);
  // A slower load of the previous request must not show under this one's address.
  const detail = loaded.data?.request.id === id ? loaded.data : undefined;
  const version = useRef(0);
  version.current = detail?.request.version ?? 0;

  const staleNow = useRef(false);
  const markStale = (value: boolean): void => {
    staleNow.current = value;
    setStale(value);
  };

  useLiveEvents(
    (changes) => {
      // A change this page already shows (its own command's) needs no reload; a catch-up (no changes) does.
      const newest = Math.max(0, ...changes.map((change) => change.version ?? 0));
      if (newest !== 0 && newest <= version.current) return;
      if (formOpen.current) markStale(true);
      else loaded.reload();
    },
    { requestId: id, settleMs: 250 },
  );
  const refresh = (): void => {
    markStale(false);
    loaded.reload();
  };
  const formToggled = (open: boolean): void => {
    formOpen.current = open;
    // Changes that waited for the form to close are loaded now.
    if (!open && staleNow.current) refresh();
  };

  if (!detail) {
    return (
      <section class="request-page" data-screen="request" data-request-id={id}>
        {loaded.problem ? <ProblemNote problem={loaded.problem} onRetry={loaded.reload} /> : <p class="splash">{t.loading}</p>}
      </section>
    );
  }
  const { request, timeline } = detail;
  return (
    <section class="request-page" data-screen="request" data-ready={loaded.loading ? undefined : 'true'} data-request-id={id} data-version={request.version}>
      <p class="rd-request-page__back">
        <a href={href('/queue')}>← {t.back}</a>
      </p>
      {stale ? (
        <div class="notice rd-live-notice" role="status" data-testid="live-update-notice">
          <span>{t.live.changed}</span>
          <button type="button" class="button button--small" onClick={refresh}>
            {t.live.refresh}
          </button>
        </div>
      ) : null}
      <ProblemNote problem={loaded.problem} onRetry={loaded.reload} />
      <div class="rd-request-layout">
        <div class="rd-request-layout__main">
          <RequestHeader request={request} timeline={timeline} />
          <DuplicatesPanel request={request} timeline={timeline} />
          <ActionPanel
            request={request}
            onChanged={refresh}
            onFormOpen={formToggled}
          />
          <TimelineList requestId={request.id} timeline={timeline} />
        </div>
        <aside class="rd-request-layout__side">
          <RoutingExplanation request={request} timeline={timeline} />
          <SlaHistory request={request} timeline={timeline} />
          <RequestFacts request={request} />
        </aside>
      </div>
    </section>
  );
}
