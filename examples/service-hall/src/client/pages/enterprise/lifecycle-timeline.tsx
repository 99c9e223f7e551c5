/**
 * The enterprise's life cycle as a vertical timeline: joined the directory, each visit and
 * request with how it ended, and where it stands now (or when it left).
 */
import { useState } from 'preact/hooks';
import { StatusBadge } from '../../components/badges.js';
import { formatDate } from '../../format.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import { lifeEvents, type LifeEvent, type WireLifecycle } from './lifecycle-events.js';

/** Service events shown before the older ones fold away behind a button. */
const SHOWN_SERVICE_EVENTS = 8;

function EventBody({ event }: { event: LifeEvent }) {
  const t = useEnterpriseTexts();
  const shared = useShared();
  const locale = useLocale();
  const { office, config, memberNames, parkNames } = useSession();
  const date = (iso: string | null) => formatDate(iso, locale, office.timeZone);
  switch (event.kind) {
    case 'listed':
      return (
        <>
          <strong class="life__title">{t.lifecycle.listed}</strong>
          <span class="muted">{event.parkId && parkNames.has(event.parkId) ? t.lifecycle.listedNote(parkNames.get(event.parkId) ?? '') : t.lifecycle.listedNoteNoPark}</span>
        </>
      );
    case 'visit': {
      const names = event.visit.visitorIds.map((id) => memberNames.get(id) ?? shared.common.unknown).join('、');
      return (
        <>
          <strong class="life__title">
            {t.lifecycle.visit}
            {event.first ? <span class="life__flag">{t.lifecycle.firstContact}</span> : null}
          </strong>
          {event.visit.summary ? <p class="life__text">{event.visit.summary}</p> : null}
          <span class="muted">
            {names ? t.lifecycle.visitBy(names) : null}
            {names && event.visit.requestIds.length ? ' · ' : null}
            {event.visit.requestIds.length ? t.lifecycle.visitRequests(event.visit.requestIds.length) : null}
          </span>
        </>
      );
    }
    case 'request': {
      const r = event.request;
      const category = pickLabel(config.categories.find((c) => c.id === r.category)?.labels, locale, r.category);
      const ended = r.status === 'closed' ? t.lifecycle.concluded : r.status === 'withdrawn' ? t.lifecycle.withdrawn : r.status === 'merged' ? t.lifecycle.merged : null;
      return (
        <>
          <strong class="life__title">
            {t.lifecycle.filed} · {category}
            {event.first ? <span class="life__flag">{t.lifecycle.firstContact}</span> : null}
          </strong>
          <a class="life__link" href={href(`/requests/${encodeURIComponent(r.id)}`)}>
            {r.title}
          </a>
          <span class="life__meta">
            <StatusBadge status={r.status} />
            {ended && r.closedAt ? <span class="muted">{`${ended} ${date(r.closedAt)}`}</span> : null}
            {r.outcome ? <span>{shared.outcome[r.outcome] ?? r.outcome}</span> : null}
            {r.satisfaction ? <span class={`ent-rating ent-rating--${r.satisfaction}`}>{shared.satisfaction[r.satisfaction] ?? r.satisfaction}</span> : null}
          </span>
        </>
      );
    }
    case 'archived':
      return (
        <>
          <strong class="life__title">{t.lifecycle.archived}</strong>
          <span class="muted">{t.lifecycle.archivedNote}</span>
        </>
      );
    case 'now':
      return (
        <>
          <strong class="life__title">{t.lifecycle.today}</strong>
          <span class="muted">{event.open > 0 ? t.lifecycle.todayOpen(event.open) : event.total > 0 ? t.lifecycle.todayClear : t.lifecycle.todayNone}</span>
        </>
      );
  }
}

const STAGE_LABEL = { joined: 'stageStart', service: 'stageService', now: 'stageNow', left: 'stageOut' } as const;

function EventItem({ event, stageShown }: { event: LifeEvent; stageShown: boolean }) {
  const t = useEnterpriseTexts();
  const locale = useLocale();
  const { office } = useSession();
  return (
    <li class={`life__event life__event--${event.kind}`} data-life-event={event.kind} data-stage={event.stage}>
      <span class="life__when">
        {stageShown ? <span class="life__stage">{t.lifecycle[STAGE_LABEL[event.stage]]}</span> : null}
        {event.at ? <time dateTime={event.at}>{formatDate(event.at, locale, office.timeZone)}</time> : null}
      </span>
      <span class="life__dot" aria-hidden="true" />
      <div class="life__body">
        <EventBody event={event} />
      </div>
    </li>
  );
}

/** `restricted`: the member may not see the enterprise's service, so only its joining shows. */
export function LifecycleTimeline({ lifecycle, restricted }: { lifecycle: WireLifecycle; restricted: boolean }) {
  const t = useEnterpriseTexts();
  const [unfolded, setUnfolded] = useState(false);
  const all = lifeEvents(lifecycle);
  const events = restricted ? all.filter((e) => e.kind === 'listed' || e.kind === 'archived') : all;
  const service = events.filter((e) => e.stage === 'service');
  const hidden = unfolded ? 0 : Math.max(0, service.length - SHOWN_SERVICE_EVENTS);
  // The oldest service events fold away; joining and the present stay in view.
  const folded = new Set(service.slice(0, hidden).map((e) => e.key));
  const [joined, ...rest] = events;
  return (
    <section class="card" data-testid="lifecycle" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t.lifecycle.title}</h2>
      <p class="muted">{t.lifecycle.lead}</p>
      <ol class="life">
        {joined ? <EventItem event={joined} stageShown /> : null}
        {hidden > 0 ? (
          <li class="life__fold">
            <button type="button" class="button button--ghost button--small" onClick={() => setUnfolded(true)}>
              {t.lifecycle.more(hidden)}
            </button>
          </li>
        ) : null}
        {service.length === 0 ? (
          <li class="life__event life__event--empty">
            <span class="life__when" />
            <span class="life__dot" aria-hidden="true" />
            <div class="life__body muted">{restricted ? t.lifecycle.restricted : t.lifecycle.noService}</div>
          </li>
        ) : null}
        {rest
          .filter((e) => !folded.has(e.key))
          .map((e, i, shown) => (
            // A stage is named at its first event only, so the column reads as stages.
            <EventItem key={e.key} event={e} stageShown={i === 0 || shown[i - 1]?.stage !== e.stage} />
          ))}
      </ol>
      {unfolded && service.length > SHOWN_SERVICE_EVENTS ? (
        <button type="button" class="button button--ghost button--small" onClick={() => setUnfolded(false)}>
          {t.lifecycle.less}
        </button>
      ) : null}
    </section>
  );
}
