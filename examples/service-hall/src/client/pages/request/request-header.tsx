/**
 * The head of the request detail: its title and state at a glance, who leads and assists,
 * what the enterprise asked, and — once there — the reply and the follow-up rating.
 */
import { LightBadge, StatusBadge } from '../../components/badges.js';
import { lightOf } from '../../format.js';
import { href } from '../../router.js';
import { useShared } from '../../shared-texts.js';
import { AttachmentList } from './attachment-list.js';
import { textOf, type Entry, type Req } from './request-data.js';
import { useRequestTexts } from './request-texts.js';
import { inOrder } from './timeline-list.js';
import { useNamer } from './use-namer.js';

/** The comment of the follow-up in force (the request keeps only the rating). */
function followUpComment(timeline: readonly Entry[]): string | null {
  const last = inOrder(timeline).filter((e) => e.type === 'followed_up').at(-1);
  return last ? textOf(last.data, 'comment') : null;
}

export function RequestHeader({ request, timeline }: { request: Req; timeline: readonly Entry[] }) {
  const t = useRequestTexts();
  const shared = useShared();
  const namer = useNamer();
  const comment = followUpComment(timeline);
  const returnInfo = request.returnInfo;
  return (
    <section class="card rd-request-head" aria-labelledby="request-title">
      <div class="rd-request-head__badges">
        <span data-testid="request-status" data-status={request.status}>
          <StatusBadge status={request.status} />
        </span>
        {lightOf(request) !== 'none' ? <LightBadge request={request} /> : null}
        {request.priority === 'urgent' ? <span class="badge badge--urgent">{shared.priority['urgent']}</span> : null}
        {request.supervision ? <span class="badge badge--supervised">{t.header.supervised}</span> : null}
        {request.redoCount > 0 ? <span class="badge">{t.header.redone(request.redoCount)}</span> : null}
      </div>
      <h1 id="request-title" class="rd-request-head__title">
        {request.title}
      </h1>
      <p class="rd-request-head__meta muted">
        <span>{namer.category(request.category)}</span>
        <span>{namer.channel(request.channel)}</span>
        <span>
          {t.header.submittedAt} {namer.date(request.createdAt)}
        </span>
        {request.submittedById ? (
          <span>
            {t.header.submittedBy} {namer.member(request.submittedById)}
          </span>
        ) : null}
      </p>

      {returnInfo && request.status === 'returned' ? (
        <div class="notice notice--warn rd-request-head__notice" data-testid="return-info">
          <strong>{t.header.returned}</strong>
          <p>
            {t.header.returnReason}
            {t.colon}
            {returnInfo.reason}
          </p>
          {returnInfo.suggestedOwnerId ? <p>{t.header.suggestedOwner(namer.member(returnInfo.suggestedOwnerId))}</p> : null}
        </div>
      ) : null}
      {request.duplicateOfId ? (
        <p class="notice rd-request-head__notice">
          {t.header.mergedInto} <a href={href(`/requests/${request.duplicateOfId}`)}>{t.header.openOriginal}</a>
        </p>
      ) : null}

      <dl class="facts rd-request-head__people">
        <dt>{t.header.lead}</dt>
        <dd data-testid="request-lead">{request.assigneeId ? namer.lead(request.assigneeId, request.assigneeTeamId) : <span class="muted">{t.header.noLead}</span>}</dd>
        {request.assists.length > 0 ? (
          <>
            <dt>{t.header.assists}</dt>
            <dd>
              <ul class="rd-assists">
                {request.assists.map((unit) => (
                  <li key={`${unit.memberId ?? ''}:${unit.teamId ?? ''}`} data-assist-status={unit.status}>
                    {namer.unit(unit.memberId, unit.teamId)} <span class={`badge badge--assist-${unit.status}`}>{t.assistState[unit.status] ?? unit.status}</span>
                    {unit.dueAt && unit.status !== 'contributed' ? <span class="muted"> · {t.assistDue(namer.date(unit.dueAt))}</span> : null}
                    {unit.contribution ? <p class="rd-assists__contribution">{unit.contribution}</p> : null}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
      </dl>

      <h2 class="rd-request-head__section">{t.header.description}</h2>
      {request.description ? <p class="rd-request-head__description">{request.description}</p> : <p class="muted">{t.header.noDescription}</p>}
      {request.attachments.length > 0 ? (
        <>
          <h2 class="rd-request-head__section">{t.header.attachments}</h2>
          <AttachmentList requestId={request.id} attachments={request.attachments} label={t.header.attachments} />
        </>
      ) : null}

      {request.outcome ? (
        <div class="rd-request-head__result" data-testid="request-outcome" data-outcome={request.outcome}>
          <h2 class="rd-request-head__section">
            {t.header.outcome}
            {t.colon}
            <span class={`badge badge--outcome-${request.outcome}`}>{namer.outcome(request.outcome)}</span>
          </h2>
          {request.outcomeNote ? <p>{request.outcomeNote}</p> : null}
        </div>
      ) : null}
      {request.satisfaction ? (
        <div class="rd-request-head__result" data-testid="request-rating" data-rating={request.satisfaction}>
          <h2 class="rd-request-head__section">
            {t.header.rating}
            {t.colon}
            <span class={`badge badge--rating-${request.satisfaction}`}>{namer.rating(request.satisfaction)}</span>
          </h2>
          {comment ? <p>{comment}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
