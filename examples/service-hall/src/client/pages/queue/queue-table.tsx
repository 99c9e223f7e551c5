/**
 * The rows of a view. The lead's own list is grouped by stage (to sign for first, then in
 * hand, then what waits on others), the most pressing deadline first within each.
 */
import { dueHeading } from './due-heading.js';
import { useQueueTexts } from './queue-texts.js';
import { QueueRow } from './queue-row.js';
import { STAGE_OF, STAGES, type QueueView, type Row } from './queue-views.js';

export interface QueueTableProps {
  rows: readonly Row[];
  view: QueueView;
  teamIds: ReadonlySet<string>;
  names: ReadonlyMap<string, string | null>;
  fresh: ReadonlySet<string>;
  onDone(updated: Row, action: 'accept' | 'sign-assist'): void;
  onStale(): void;
}

const COLUMNS = 6;

function byDeadline(a: Row, b: Row): number {
  const due = (r: Row): number => (r.resolveDueAt ? Date.parse(r.resolveDueAt) : Number.POSITIVE_INFINITY);
  return due(a) - due(b) || a.createdAt.localeCompare(b.createdAt);
}

function groupsOf(rows: readonly Row[]): { stage: string; rows: Row[] }[] {
  return STAGES.map((stage) => ({ stage, rows: rows.filter((r) => (STAGE_OF[r.status] ?? 'work') === stage).sort(byDeadline) })).filter((g) => g.rows.length > 0);
}

export function QueueTable({ rows, view, teamIds, names, fresh, onDone, onStale }: QueueTableProps) {
  const t = useQueueTexts();
  const rowOf = (row: Row) => (
    <QueueRow key={row.id} row={row} view={view} teamIds={teamIds} enterpriseName={row.enterpriseId ? names.get(row.enterpriseId) : null} fresh={fresh.has(row.id)} onDone={onDone} onStale={onStale} />
  );
  return (
    <div class="card queue-card">
      <table class="table queue-table">
        <thead>
          <tr>
            <th scope="col">{t.columns.light}</th>
            <th scope="col">{t.columns.request}</th>
            <th scope="col">{t.columns.status}</th>
            <th scope="col">{t.columns.lead}</th>
            <th scope="col">{dueHeading(view, t.columns)}</th>
            <th scope="col">
              <span class="visually-hidden">{t.columns.actions}</span>
            </th>
          </tr>
        </thead>
        {view.grouped ? (
          groupsOf(rows).map((group) => (
            <tbody key={group.stage} data-stage={group.stage}>
              <tr class="queue-group">
                <th scope="colgroup" colSpan={COLUMNS}>
                  {t.groups[group.stage]}
                  <span class="queue-group__count">{group.rows.length}</span>
                </th>
              </tr>
              {group.rows.map(rowOf)}
            </tbody>
          ))
        ) : (
          <tbody>{rows.map(rowOf)}</tbody>
        )}
      </table>
    </div>
  );
}
