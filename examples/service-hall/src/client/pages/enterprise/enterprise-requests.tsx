/**
 * Every request of the enterprise the member may see, newest first, with how each ended: its
 * outcome, the enterprise's rating and the deadline light. On a phone each row is a card.
 */
import type { ServiceRequest } from '@kechuang/community';
import type { Wire } from '../../api.js';
import { LightBadge, StatusBadge } from '../../components/badges.js';
import { ProblemNote } from '../../components/problem-note.js';
import { formatDate } from '../../format.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import { CONCLUDED_STATES } from './lifecycle-events.js';
import type { RequestPages } from './use-request-pages.js';

/**
 * A working request shows its deadline light; a concluded one whether it was answered by its
 * resolve deadline (an approved extension has already moved that deadline).
 */
function Timeliness({ request: r }: { request: Wire<ServiceRequest> }) {
  const t = useEnterpriseTexts();
  const answeredAt = r.repliedAt ?? r.closedAt;
  if (r.status === 'closed' && answeredAt && r.resolveDueAt) {
    const late = Date.parse(answeredAt) > Date.parse(r.resolveDueAt);
    return (
      <span class={late ? 'light light--overdue' : 'light light--on_time'} data-light="none" data-timeliness={late ? 'late' : 'on_time'}>
        <span class="light__dot" aria-hidden="true" />
        {late ? t.requests.late : t.requests.onTime}
      </span>
    );
  }
  // Withdrawn and merged requests, and concluded ones without a deadline, had no time limit to keep.
  if (CONCLUDED_STATES.has(r.status)) return <span class="muted" data-light="none">{t.requests.noOutcome}</span>;
  return <LightBadge request={r} />;
}

/** `emptyText` says why the list is empty: none filed, none the member may see, or no right to see any. */
export function EnterpriseRequests({ pages, total, emptyText }: { pages: RequestPages; total: number; emptyText: string }) {
  const t = useEnterpriseTexts();
  const shared = useShared();
  const locale = useLocale();
  const { office, config } = useSession();
  const categoryOf = (id: string): string => pickLabel(config.categories.find((c) => c.id === id)?.labels, locale, id);
  const { items } = pages;
  return (
    <section class="card" data-testid="enterprise-requests" aria-labelledby="enterprise-requests-title" aria-busy={pages.loading}>
      <div class="ent-results-bar">
        <h2 id="enterprise-requests-title">{t.requests.title}</h2>
        {items.length ? <span class="muted">{t.requests.shown(items.length, Math.max(total, items.length))}</span> : null}
      </div>
      <ProblemNote problem={pages.problem} onRetry={pages.retry} />
      {items.length ? (
        <div class="table-wrap ent-requests">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t.requests.date}</th>
                <th scope="col">{t.requests.request}</th>
                <th scope="col">{t.requests.category}</th>
                <th scope="col">{t.requests.status}</th>
                <th scope="col">{t.requests.outcome}</th>
                <th scope="col">{t.requests.satisfaction}</th>
                <th scope="col">{t.requests.light}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-request-id={r.id}>
                  <td class="ent-requests__date" data-label={t.requests.date}>
                    <time dateTime={r.createdAt}>{formatDate(r.createdAt, locale, office.timeZone)}</time>
                  </td>
                  <td class="ent-requests__title" data-label={t.requests.request}>
                    <a href={href(`/requests/${encodeURIComponent(r.id)}`)}>{r.title}</a>
                    {r.channel ? <small class="muted">{shared.channel[r.channel] ?? r.channel}</small> : null}
                  </td>
                  <td data-label={t.requests.category}>{categoryOf(r.category)}</td>
                  <td data-label={t.requests.status}>
                    <StatusBadge status={r.status} />
                  </td>
                  <td data-label={t.requests.outcome} data-outcome={r.outcome ?? ''}>
                    {r.outcome ? (shared.outcome[r.outcome] ?? r.outcome) : <span class="muted">{t.requests.noOutcome}</span>}
                  </td>
                  <td data-label={t.requests.satisfaction} data-satisfaction={r.satisfaction ?? ''}>
                    {r.satisfaction ? <span class={`ent-rating ent-rating--${r.satisfaction}`}>{shared.satisfaction[r.satisfaction] ?? r.satisfaction}</span> : <span class="muted">{t.requests.noOutcome}</span>}
                  </td>
                  <td data-label={t.requests.light}>
                    <Timeliness request={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : pages.loaded && !pages.problem ? (
        <p class="empty">{emptyText}</p>
      ) : !pages.loaded ? (
        <p class="empty">{shared.common.loading}</p>
      ) : null}
      {pages.more ? (
        <div class="form-actions ent-more">
          <button type="button" class="button button--ghost" disabled={pages.loading} onClick={pages.loadMore} data-testid="enterprise-requests-more">
            {pages.loading ? shared.common.loading : shared.common.more}
          </button>
        </div>
      ) : null}
    </section>
  );
}
