/**
 * What a successful intake created: each new request with its status, who it went to, its
 * deadlines in the office's time zone and why routing chose them, and a way to take in the
 * next one.
 */
import type { ServiceRequest, Visit } from '@kechuang/community';
import { useEffect, useRef } from 'preact/hooks';
import type { Wire } from '../../api.js';
import { StatusBadge } from '../../components/badges.js';
import type { EnterpriseLite } from '../../directory/enterprise-directory.js';
import { formatDateTime } from '../../format.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import type { IntakeChannel } from './intake-channels.js';
import { fill, useIntakeTexts } from './intake-texts.js';
import { DuplicateNote, useDuplicateCheck } from './duplicate-check.js';
import { RoutingExplanation } from './routing-explanation.js';

export interface IntakeOutcome {
  channel: IntakeChannel;
  requests: Wire<ServiceRequest>[];
  enterprise: EnterpriseLite | null;
  visit: Wire<Visit> | null;
  /** The priority as submitted, for explaining the routing. */
  priority: string;
}

export function IntakeResult({ outcome, onAnother }: { outcome: IntakeOutcome; onAnother(): void }) {
  const t = useIntakeTexts();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form the person was looking at is gone: move them (and a screen reader) to the answer.
  useEffect(() => heading.current?.focus(), []);
  const visit = outcome.channel === 'visit';
  const title = visit ? t.result.titleVisit : outcome.channel === 'captain_report' ? t.result.titleCaptain : t.result.title;
  const lead = visit ? (outcome.requests.length > 0 ? fill(t.result.leadVisit, { n: outcome.requests.length }) : t.result.leadVisitNone) : t.result.lead;
  const another = visit ? t.result.anotherVisit : outcome.channel === 'captain_report' ? t.result.anotherCaptain : t.result.another;
  return (
    <section class="card intake-result" data-testid="intake-result" aria-labelledby="intake-result-title">
      <div class="intake-result__head">
        <span class="intake-result__tick" aria-hidden="true">✓</span>
        <div>
          <h2 id="intake-result-title" tabIndex={-1} ref={heading}>
            {title}
          </h2>
          <p class="muted">
            {outcome.enterprise ? <strong class="intake-result__enterprise">{outcome.enterprise.name}</strong> : null}
            {lead}
          </p>
        </div>
      </div>
      {visit && outcome.visit?.summary ? <p class="intake-result__summary">{outcome.visit.summary}</p> : null}
      <div class="intake-result__list">
        {outcome.requests.map((request) => (
          <CreatedRequest key={request.id} request={request} priority={outcome.priority} />
        ))}
      </div>
      <div class="form-actions">
        <button type="button" class="button" data-testid="intake-another" onClick={onAnother}>
          {another}
        </button>
      </div>
    </section>
  );
}

function CreatedRequest({ request, priority }: { request: Wire<ServiceRequest>; priority: string }) {
  const t = useIntakeTexts();
  const shared = useShared();
  const locale = useLocale();
  const session = useSession();
  const zone = session.office.timeZone;
  const category = session.config.categories.find((c) => c.id === request.category);
  const assignee = request.assigneeId ? (session.memberNames.get(request.assigneeId) ?? shared.common.unknown) : null;
  const team = request.assigneeTeamId ? session.teamNames.get(request.assigneeTeamId) : undefined;
  const duplicate = useDuplicateCheck(request);
  return (
    <article class="intake-created" data-request-id={request.id}>
      <header class="intake-created__head">
        <h3>{request.title}</h3>
        <span class="row">
          <StatusBadge status={duplicate?.status ?? request.status} />
          {request.priority === 'urgent' ? <span class="badge intake-urgent">{shared.priority['urgent']}</span> : null}
        </span>
      </header>
      <div class="intake-created__body">
        <dl class="facts">
          <dt>{t.result.assignee}</dt>
          <dd data-testid="intake-assignee">{assignee ?? t.result.awaiting}</dd>
          {team ? (
            <>
              <dt>{t.result.team}</dt>
              <dd data-testid="intake-team">{team}</dd>
            </>
          ) : null}
          <dt>{t.result.category}</dt>
          <dd>{category ? pickLabel(category.labels, locale, category.id) : request.category}</dd>
          {request.parkId ? (
            <>
              <dt>{t.result.park}</dt>
              <dd>{session.parkNames.get(request.parkId) ?? shared.common.unknown}</dd>
            </>
          ) : null}
          <dt>{t.result.respondDue}</dt>
          <dd data-testid="intake-respond-due">{formatDateTime(request.respondDueAt, locale, zone)}</dd>
          <dt>{t.result.resolveDue}</dt>
          <dd data-testid="intake-resolve-due">{formatDateTime(request.resolveDueAt, locale, zone)}</dd>
        </dl>
        <RoutingExplanation request={request} priority={priority} />
      </div>
      <DuplicateNote check={duplicate} />
      <a class="button button--ghost button--small intake-created__open" data-testid="open-request" href={href(`/requests/${request.id}`)}>
        {t.result.open}
      </a>
    </article>
  );
}
