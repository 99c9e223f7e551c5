/**
 * One request in a queue: a table row on a desk, a card on a phone (the sheet lays the same
 * cells out as a card, each with its caption), so there is one markup to keep right.
 */
import { LightBadge, StatusBadge } from '../../components/badges.js';
import { formatDateTime } from '../../format.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { dueHint } from './due-hint.js';
import { QuickAction } from './quick-action.js';
import { dueHeading } from './due-heading.js';
import { useQueueTexts } from './queue-texts.js';
import { OPEN, ownAssist, WORKING, type QueueView, type Row } from './queue-views.js';

export interface QueueRowProps {
  row: Row;
  view: QueueView;
  teamIds: ReadonlySet<string>;
  enterpriseName: string | null | undefined;
  /** Changed by someone a moment ago (a live event): marked for a few seconds. */
  fresh: boolean;
  onDone(updated: Row, action: 'accept' | 'sign-assist'): void;
  onStale(): void;
}

const WORKING_STATES: ReadonlySet<string> = new Set(WORKING);
const OPEN_STATES: ReadonlySet<string> = new Set(OPEN);

function DueCell({ row }: { row: Row }) {
  const t = useQueueTexts();
  const locale = useLocale();
  const { office } = useSession();
  const at = (iso: string | null): string => formatDateTime(iso, locale, office.timeZone);
  if (row.status === 'replied' && row.repliedAt) return <span class="muted">{t.row.repliedAt(at(row.repliedAt))}</span>;
  if (row.status === 'closed' && row.closedAt) return <span class="muted">{t.row.closedAt(at(row.closedAt))}</span>;
  if (row.status === 'withdrawn' || row.status === 'merged' || row.status === 'replied' || row.status === 'closed') return <span class="muted">—</span>;
  if (!row.resolveDueAt) return <span class="muted">{t.row.noDue}</span>;
  const hint = row.pausedAt ? null : dueHint(row.resolveDueAt, office.timeZone, t.relative);
  return (
    <>
      <time dateTime={row.resolveDueAt}>{at(row.resolveDueAt)}</time>
      {hint ? <span class={hint.overdue ? 'queue-due__hint queue-due__hint--overdue' : 'queue-due__hint'}>{hint.text}</span> : <span class="queue-due__hint">{t.row.pausedClock}</span>}
      {row.status === 'assigned' && row.respondDueAt && !row.respondedAt ? <span class="queue-due__hint">{t.row.respondBy(at(row.respondDueAt))}</span> : null}
    </>
  );
}

export function QueueRow({ row, view, teamIds, enterpriseName, fresh, onDone, onStale }: QueueRowProps) {
  const t = useQueueTexts();
  const locale = useLocale();
  const session = useSession();
  const shared = useShared();
  const me = session.member.id;
  const at = (iso: string | null): string => formatDateTime(iso, locale, session.office.timeZone);
  const category = session.config.categories.find((c) => c.id === row.category);
  const park = row.parkId && row.parkId !== view.source.params.parkId ? session.parkNames.get(row.parkId) : undefined;
  const where = [enterpriseName, park].filter((part): part is string => Boolean(part));
  const lead = row.assigneeId ? (session.memberNames.get(row.assigneeId) ?? shared.common.unknown) : null;
  const team = row.assigneeTeamId ? session.teamNames.get(row.assigneeTeamId) : undefined;
  const assist = view.name === 'assist' ? ownAssist(row, me, teamIds) : undefined;
  const suggested = row.returnInfo?.suggestedOwnerId ? session.memberNames.get(row.returnInfo.suggestedOwnerId) : undefined;
  const canAccept = row.status === 'assigned' && row.assigneeId === me;
  const canSignAssist = assist?.status === 'pending' && WORKING_STATES.has(row.status);
  // Once replied or returned the lead has nothing to do on it but look.
  const detail = (row.status === 'replied' || row.status === 'returned') && view.detail === 'handle' ? 'view' : view.detail;

  return (
    <tr class={fresh ? 'queue-row queue-row--fresh' : 'queue-row'} data-request-id={row.id} data-status={row.status}>
      <td class="queue-row__light" data-label={t.columns.light}>
        {OPEN_STATES.has(row.status) ? (
          <LightBadge request={row} />
        ) : (
          // The shared badge calls this "no deadline"; a replied or concluded request had one, its clock just stopped.
          <span class="light light--none" data-light="none">
            <span class="light__dot" aria-hidden="true" />
            {t.row.clockStopped}
          </span>
        )}
      </td>
      <td class="queue-row__main">
        <a class="queue-row__title" href={href(`/requests/${row.id}`)}>
          {row.title}
        </a>
        {row.priority === 'urgent' ? <span class="badge queue-tag queue-tag--urgent">{t.row.urgent}</span> : null}
        {row.supervision ? <span class="badge queue-tag queue-tag--supervised">{t.row.supervised}</span> : null}
        {fresh ? <span class="badge queue-tag queue-tag--fresh">{t.row.fresh}</span> : null}
        <p class="queue-row__meta">
          {[...where, pickLabel(category?.labels, locale, row.category)].join(' · ')}
        </p>
        {row.status === 'returned' && row.returnInfo ? (
          <p class="queue-row__note">
            {t.row.returnedBecause(row.returnInfo.reason)}
            {suggested ? ` · ${t.row.suggestedOwner(suggested)}` : null}
          </p>
        ) : null}
        {row.extension?.status === 'requested' ? <p class="queue-row__note">{t.row.extensionAsked(row.extension.workingDays, row.extension.reason)}</p> : null}
        {assist ? (
          <p class="queue-row__note">
            {t.row.assistPart[assist.status] ?? assist.status}
            {assist.dueAt && assist.status !== 'contributed' ? ` · ${t.row.assistDue(at(assist.dueAt))}` : null}
          </p>
        ) : null}
      </td>
      <td class="queue-row__status" data-label={t.columns.status}>
        <StatusBadge status={row.status} />
      </td>
      <td class="queue-row__lead" data-label={t.columns.lead}>
        {lead ?? <span class="muted">{t.row.noLead}</span>}
        {team ? <span class="queue-row__sub">{t.row.team(team)}</span> : null}
      </td>
      <td class="queue-row__due" data-label={dueHeading(view, t.columns)}>
        <DueCell row={row} />
      </td>
      <td class="queue-row__actions">
        {canAccept ? <QuickAction row={row} action="accept" label={t.actions.accept} busyLabel={t.actions.accepting} onDone={(r) => onDone(r, 'accept')} onStale={onStale} /> : null}
        {canSignAssist ? <QuickAction row={row} action="sign-assist" label={t.actions.signAssist} busyLabel={t.actions.signingAssist} onDone={(r) => onDone(r, 'sign-assist')} onStale={onStale} /> : null}
        <a class="button button--ghost button--small" href={href(`/requests/${row.id}`)} aria-label={`${t.actions[detail]} · ${row.title}`}>
          {t.actions[detail]}
        </a>
      </td>
    </tr>
  );
}
