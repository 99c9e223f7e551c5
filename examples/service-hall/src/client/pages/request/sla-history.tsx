/**
 * The request's time limits (时限) and what moved them: the policy, the respond and resolve
 * deadlines against when it was signed for and replied to, pauses, extensions, escalation and
 * supervision (督办), with the timeline's deadline entries in order.
 */
import { useSession } from '../../session.js';
import { LightBadge } from '../../components/badges.js';
import { lightOf } from '../../format.js';
import type { Entry, Req } from './request-data.js';
import { useRequestTexts } from './request-texts.js';
import { inOrder } from './timeline-list.js';
import { useTimelineTexts } from './timeline-texts.js';
import { useNamer } from './use-namer.js';

/** Timeline entries that start, move or watch the clock. */
const SLA_TYPES = new Set(['sla_scheduled', 'sla_rescheduled', 'paused', 'resumed', 'extension_requested', 'extension_approved', 'extension_refused', 'escalated', 'supervised', 'redone']);

function Kept({ at, due, onTime, late }: { at: string | null; due: string | null; onTime: string; late: string }) {
  if (!at || !due) return null;
  const inTime = Date.parse(at) <= Date.parse(due);
  return <span class={inTime ? 'rd-sla__kept rd-sla__kept--ok' : 'rd-sla__kept rd-sla__kept--late'}>{inTime ? onTime : late}</span>;
}

export function SlaHistory({ request, timeline }: { request: Req; timeline: readonly Entry[] }) {
  const t = useRequestTexts();
  const words = useTimelineTexts();
  const namer = useNamer();
  const { config } = useSession();
  const policy = config.slaPolicies.find((p) => p.id === request.slaPolicy);
  const history = inOrder(timeline).filter((e) => SLA_TYPES.has(e.type));
  const extension = request.extension;
  const supervision = request.supervision;
  /** A moment of the clock, shown only once it is set. */
  const moment = (label: string, at: string | null, testId?: string) =>
    at ? (
      <>
        <dt>{label}</dt>
        <dd data-testid={testId}>{namer.date(at)}</dd>
      </>
    ) : null;
  /** When a deadline was met (or not yet), and whether in time. */
  const kept = (label: string, at: string | null, due: string | null) => (
    <>
      <dt>{label}</dt>
      <dd>
        {at ? namer.date(at) : <span class="muted">{t.sla.notYet}</span>}
        <Kept at={at} due={due} onTime={t.sla.onTime} late={t.sla.late} />
      </dd>
    </>
  );
  return (
    <section class="card" data-testid="sla-history" aria-labelledby="sla-title">
      <div class="rd-card-head">
        <h2 id="sla-title">{t.sla.title}</h2>
        {lightOf(request) !== 'none' ? <LightBadge request={request} /> : null}
      </div>
      {request.slaPolicy === null ? (
        <p class="muted">{t.sla.noPolicy}</p>
      ) : (
        <dl class="facts facts--side">
          <dt>{t.sla.policy}</dt>
          <dd data-sla-policy={request.slaPolicy}>
            {namer.policy(request.slaPolicy)}
            {policy ? <span class="muted rd-sla__limits">{t.sla.limits(policy.respond ? t.limit(policy.respond) : null, policy.resolve ? t.limit(policy.resolve) : null)}</span> : null}
          </dd>
          {moment(t.sla.started, request.slaStartedAt)}
          {moment(t.sla.respondBy, request.respondDueAt)}
          {kept(t.sla.signedAt, request.respondedAt, request.respondDueAt)}
          {moment(t.sla.dueSoon, request.dueSoonAt)}
          {moment(t.sla.resolveBy, request.resolveDueAt, 'resolve-due')}
          {kept(t.sla.repliedAt, request.repliedAt, request.resolveDueAt)}
          {moment(t.sla.closedAt, request.closedAt)}
          {moment(t.sla.pausedSince, request.pausedAt)}
          {request.escalationLevel > 0 ? (
            <>
              <dt>{t.sla.escalation}</dt>
              <dd class="rd-sla__alert">{t.sla.escalationLevel(request.escalationLevel)}</dd>
            </>
          ) : null}
          {extension ? (
            <>
              <dt>{t.sla.extension}</dt>
              <dd data-extension-status={extension.status}>
                {t.sla.extensionDays(extension.workingDays)} · {t.sla.extensionState[extension.status] ?? extension.status}
                {extension.previousDueAt && extension.newDueAt ? (
                  <span class="rd-sla__move">
                    {namer.date(extension.previousDueAt)} → {namer.date(extension.newDueAt)}
                  </span>
                ) : null}
              </dd>
            </>
          ) : null}
          {supervision ? (
            <>
              <dt>{t.sla.supervision}</dt>
              <dd>
                {t.sla.supervisedBy(namer.member(supervision.byId), namer.date(supervision.at))}
                {supervision.note ? <span class="rd-sla__note">{supervision.note}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
      )}
      <h3 class="rd-sla__history-title">{t.sla.history}</h3>
      {history.length === 0 ? (
        <p class="muted">{t.sla.noHistory}</p>
      ) : (
        <ol class="rd-sla__history">
          {history.map((entry) => {
            const sentence = words.sentences[entry.type];
            return (
              <li key={entry.id} data-sla-entry={entry.type}>
                <time dateTime={entry.at}>{namer.date(entry.at)}</time>
                <span>{sentence ? sentence(entry.data, namer) : words.unknown(entry.type)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
