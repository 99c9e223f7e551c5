/**
 * 看板: the station head's home. The month's monthly report as figures, charts and a ranking,
 * refreshed from the server's change feed while it is open.
 */
import type { MonthlyReportData } from '@kechuang/community/charts';
import { useCallback } from 'preact/hooks';
import { api } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { formatDateTime } from '../../format.js';
import { useLocale } from '../../i18n.js';
import { navigate, useRoute } from '../../router.js';
import { useSession } from '../../session.js';
import { useLiveEvents } from '../../use-live-events.js';
import { useLoad } from '../../use-load.js';
import { AuditChainCard, useAuditChain } from './audit-chain-card.js';
import { DashboardControls } from './dashboard-controls.js';
import { useDashboardTexts } from './dashboard-texts.js';
import { FigureCards } from './figure-cards.js';
import { firstMonthOf, reportPath, selectionOf, type DashboardUnit } from './month-options.js';
import { ReportCharts } from './report-charts.js';
import { UnitTable } from './unit-table.js';
import './dashboard.css';

function isEmpty(data: MonthlyReportData): boolean {
  const c = data.total.counts;
  return c.collected === 0 && c.concluded === 0 && c.backlog === 0 && c.responseDue === 0 && c.rated === 0;
}

export function DashboardPage() {
  const t = useDashboardTexts();
  const locale = useLocale();
  const session = useSession();
  const { query } = useRoute();
  const timeZone = session.office.timeZone;
  const first = firstMonthOf(session.office, timeZone);
  const { month, unit, months } = selectionOf(query, first, timeZone);

  const report = useLoad((signal) => api<MonthlyReportData>('GET', reportPath(month, unit, locale, 'json', first), undefined, { signal }), [month, unit, locale, first]);
  const chain = useAuditChain();
  // The report is heavy to build: however many requests change, at most about one reload a second.
  // Each change is a command, so the audit chain has a new entry to check as well.
  const live = useLiveEvents(
    () => {
      report.reload();
      chain.reload();
    },
    { settleMs: 1000 },
  );
  const choose = useCallback((m: string, u: DashboardUnit) => navigate(`/dashboard?month=${m}&unit=${u}`), []);

  const data = report.data;
  // Figures of another month or unit stay on screen, dimmed, until the asked-for ones arrive.
  const current = data !== undefined && data.month === month && data.unit === unit && data.locale === locale;

  return (
    <section class="dash" data-screen="dashboard" data-ready={current ? 'true' : undefined} data-loading={report.loading ? 'true' : undefined} aria-busy={report.loading}>
      <div class="page-head dash-head">
        <div>
          <h1>{t.title}</h1>
          <p class="lead dash-lead">{t.lead}</p>
        </div>
      </div>
      <DashboardControls month={month} unit={unit} months={months} live={live} onChange={choose} />
      <AuditChainCard check={chain} />

      <ProblemNote problem={report.problem} onRetry={report.reload} />

      {data === undefined ? (
        report.problem ? null : <p class="splash">{t.loading}</p>
      ) : (
        // A live refresh of the same month keeps the figures bright; only another month's are dimmed.
        <div class={current ? 'dash-body' : 'dash-body dash-body--stale'}>
          <div class="dash-status">
            <p class="dash-headline">{data.texts.headline}</p>
            <p class="dash-asof muted">
              {report.loading ? <span class="dash-refreshing">{t.refreshing}</span> : null}
              {t.asOf(formatDateTime(data.asOf, locale, timeZone))}
            </p>
          </div>
          {isEmpty(data) ? <p class="notice dash-empty">{t.empty}</p> : null}
          <FigureCards data={data} />
          <details class="dash-definitions">
            <summary>{t.definitions}</summary>
            <p>{data.texts.definitions}</p>
          </details>
          <ReportCharts data={data} />
          <UnitTable data={data} />
        </div>
      )}
    </section>
  );
}
