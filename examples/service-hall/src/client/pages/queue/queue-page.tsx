/**
 * 我的待办: each role's working list with its deadline lights. The view, the light filter
 * and a captain's park live in the hash (`#/queue?view=returned&light=overdue`), so a link or
 * a reload opens the same list; the change feed keeps it current.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { query } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { navigate, useRoute } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useLiveEvents, type LiveState, type RequestChange } from '../../use-live-events.js';
import { LightChips } from './light-chips.js';
import { COUNTED, type CountedLight } from './queue-fetch.js';
import { QueueTable } from './queue-table.js';
import { QueueTabs } from './queue-tabs.js';
import { useQueueTexts } from './queue-texts.js';
import { captainParksOf, portfolioOf, teamIdsOf, viewsFor, type Row } from './queue-views.js';
import { useEnterpriseNames } from './use-enterprise-names.js';
import { useQueue } from './use-queue.js';
import { useTabCounts } from './use-tab-counts.js';
import './queue.css';

const FRESH_MS = 6000;
/** The queue's own names for the stream's state, kept in `data-live` and its texts. */
const LIVE: Record<LiveState, 'on' | 'connecting' | 'off'> = { open: 'on', connecting: 'connecting', reconnecting: 'off' };
const NOTICE_MS = 6000;

function isCounted(value: string | null): value is CountedLight {
  return (COUNTED as readonly string[]).includes(value ?? '');
}

interface Notice {
  kind: 'ok' | 'warn';
  text: string;
}

export function QueuePage() {
  const session = useSession();
  const t = useQueueTexts();
  const shared = useShared();
  const locale = useLocale();
  const route = useRoute();

  const parks = useMemo(() => captainParksOf(session), [session]);
  const parkParam = route.query.get('park');
  const park = parkParam && parks.includes(parkParam) ? parkParam : (parks[0] ?? null);
  const views = useMemo(() => viewsFor(session, park), [session, park]);
  const view = views.find((v) => v.name === route.query.get('view')) ?? views[0];
  const lightParam = route.query.get('light');
  const light = view?.lights && isCounted(lightParam) ? lightParam : null;
  const teamIds = useMemo(() => teamIdsOf(session), [session]);

  const queue = useQueue(view, light);
  const tabs = useTabCounts(views);
  const names = useEnterpriseNames(queue.rows.map((r) => r.enterpriseId));

  const go = (next: { view?: string; light?: string | null; park?: string | null }): void => {
    const merged = { view: view?.name, light, park: parks.length > 1 ? park : null, ...next };
    navigate(`/queue${query({ view: merged.view, light: merged.light, park: merged.park })}`);
  };

  // Rows someone else changed a moment ago are marked; the member's own quick actions are not news.
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const own = useRef(new Set<string>());
  const freshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const liveState = useLiveEvents(
    useCallback(
      (changes: RequestChange[]) => {
        queue.reload();
        tabs.reload();
        const others = [...new Set(changes.map((change) => change.requestId))].filter((id) => !own.current.has(id));
        if (others.length === 0) return;
        setFresh(new Set(others));
        clearTimeout(freshTimer.current);
        freshTimer.current = setTimeout(() => setFresh(new Set()), FRESH_MS);
      },
      [queue.reload, tabs.reload],
    ),
  );
  const live = LIVE[liveState];

  const [notice, setNotice] = useState<Notice | null>(null);
  const noticeTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const say = (next: Notice): void => {
    setNotice(next);
    clearTimeout(noticeTimer.current);
    noticeTimer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  };
  useEffect(
    () => () => {
      clearTimeout(freshTimer.current);
      clearTimeout(noticeTimer.current);
    },
    [],
  );

  const onDone = (updated: Row, action: 'accept' | 'sign-assist'): void => {
    own.current.add(updated.id);
    setTimeout(() => own.current.delete(updated.id), FRESH_MS);
    queue.replaceRow(updated);
    refresh();
    say({ kind: 'ok', text: action === 'accept' ? t.actions.accepted(updated.title) : t.actions.assistSigned(updated.title) });
  };
  const refresh = (): void => {
    queue.reload();
    tabs.reload();
  };
  const onStale = (): void => {
    refresh();
    say({ kind: 'warn', text: t.actions.conflict });
  };

  const dispatches = session.is('station_head') || session.is('dispatcher') || session.is('office_staff');
  const intro = dispatches ? t.lead.dispatch : session.is('commissioner') || session.is('provider') ? t.lead.work : session.is('captain') ? t.lead.captain : t.lead.enterprise;
  const portfolio = portfolioOf(session);
  const portfolioLabel = portfolio ? pickLabel(session.config.portfolios.find((p) => p.id === portfolio.id)?.labels, locale, portfolio.id) : '';

  return (
    <section class="queue" data-screen="queue" data-ready={queue.ready || !view ? 'true' : undefined} data-view-active={view?.name} aria-busy={queue.loading}>
      <header class="page-head">
        <div>
          <h1>{t.title}</h1>
          <p class="lead queue-intro">{intro}</p>
        </div>
        <div class="row queue-head-tools">
          <span class={`queue-live queue-live--${live}`} role="status" data-live={live}>
            <span class="queue-live__dot" aria-hidden="true" />
            {t.live[live]}
          </span>
          <button type="button" class="button button--ghost button--small" onClick={refresh} disabled={queue.loading}>
            {t.refresh}
          </button>
        </div>
      </header>

      {views.length > 1 ? (
        <QueueTabs views={views} active={view?.name} tallies={tabs.tallies} onPick={(name) => go({ view: name, light: null })} />
      ) : null}

      {parks.length > 1 ? (
        <div class="queue-parks" role="group" aria-label={t.parksLabel}>
          {parks.map((id) => (
            <button key={id} type="button" class="queue-park" aria-pressed={id === park} data-park={id} onClick={() => go({ park: id, light: null })}>
              {session.parkNames.get(id) ?? id}
            </button>
          ))}
        </div>
      ) : null}

      <div id="queue-panel" role={views.length > 1 ? 'tabpanel' : undefined} aria-labelledby={views.length > 1 && view ? `queue-tab-${view.name}` : undefined}>
        {view?.lights ? <LightChips counts={queue.counts} active={light} onPick={(next) => go({ light: next })} /> : null}
        {view?.scopeNote === 'followUpScope' ? <p class="muted queue-scope">{t.followUpScope(portfolioLabel)}</p> : null}
        {notice ? (
          <p class={`notice notice--${notice.kind} queue-notice`} role="status">
            {notice.text}
          </p>
        ) : null}
        <ProblemNote problem={queue.problem} onRetry={queue.reload} />
        {queue.capped ? <p class="notice notice--warn queue-notice">{t.scanCapped}</p> : null}

        {!view ? (
          <div class="card empty queue-empty" data-empty="none">
            <p>{t.empty['none']}</p>
          </div>
        ) : !queue.ready && !queue.problem ? (
          <p class="empty">{shared.common.loading}</p>
        ) : queue.rows.length === 0 && queue.ready ? (
          <div class="card empty queue-empty" data-empty={view.name}>
            <p>{light ? t.empty['filtered'] : t.empty[view.name]}</p>
            {light ? (
              <button type="button" class="button button--ghost button--small" onClick={() => go({ light: null })}>
                {t.lights.clear}
              </button>
            ) : null}
          </div>
        ) : queue.rows.length > 0 ? (
          <QueueTable rows={queue.rows} view={view} teamIds={teamIds} names={names} fresh={fresh} onDone={onDone} onStale={onStale} />
        ) : null}

        {queue.rows.length > 0 ? (
          <footer class="queue-foot">
            <span class="muted">{t.loaded(queue.rows.length)}</span>
            {queue.nextCursor ? (
              <button type="button" class="button button--ghost" data-action="load-more" onClick={queue.loadMore} disabled={queue.loadingMore}>
                {queue.loadingMore ? shared.common.loading : shared.common.more}
              </button>
            ) : null}
          </footer>
        ) : null}
        {view?.lights && queue.rows.length > 0 ? <p class="muted queue-footnote">{t.footnote}</p> : null}
      </div>
    </section>
  );
}
