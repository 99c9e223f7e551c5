/**
 * The dashboard's header controls: the month and the ranking unit (kept in the hash), the live
 * indicator, and the printable report and CSV links for the same selection.
 */
import { formatMonth } from '@kechuang/community/charts';
import { useLocale } from '../../i18n.js';
import { DASHBOARD_UNITS, reportPath, type DashboardUnit } from './month-options.js';
import { useDashboardTexts } from './dashboard-texts.js';
import type { LiveState } from '../../use-live-events.js';

export interface ControlsProps {
  month: string;
  unit: DashboardUnit;
  months: string[];
  live: LiveState;
  onChange(month: string, unit: DashboardUnit): void;
}

export function LiveStatus({ live }: { live: LiveState }) {
  const t = useDashboardTexts();
  // The contract knows two states: anything but an open stream is "reconnecting".
  return (
    <span class={`dash-live dash-live--${live}`} data-testid="live-status" data-live={live === 'open' ? 'open' : 'reconnecting'} role="status">
      <span class="dash-live__dot" aria-hidden="true" />
      {t.live[live]}
    </span>
  );
}

export function DashboardControls({ month, unit, months, live, onChange }: ControlsProps) {
  // The oldest month offered is the office's first: the report's cumulative figures start there.
  const first = months[months.length - 1] ?? month;
  const t = useDashboardTexts();
  const locale = useLocale();
  return (
    <div class="dash-controls">
      <div class="dash-controls__pickers">
        <label class="dash-picker" for="dashboard-month">
          <span>{t.month}</span>
          <select id="dashboard-month" class="input" value={month} onChange={(e) => onChange(e.currentTarget.value, unit)}>
            {months.map((m) => (
              <option key={m} value={m}>
                {formatMonth(m, locale)}
              </option>
            ))}
          </select>
        </label>
        <label class="dash-picker" for="dashboard-unit">
          <span>{t.unit}</span>
          <select id="dashboard-unit" class="input" value={unit} onChange={(e) => onChange(month, e.currentTarget.value as DashboardUnit)}>
            {DASHBOARD_UNITS.map((u) => (
              <option key={u} value={u}>
                {t.units[u]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="dash-controls__actions">
        <LiveStatus live={live} />
        <a class="button button--ghost button--small" data-testid="monthly-report" href={reportPath(month, unit, locale, 'html', first)} target="_blank" rel="noopener" title={t.reportHint}>
          {t.report}
        </a>
        <a class="button button--ghost button--small" data-testid="monthly-report-csv" href={reportPath(month, unit, locale, 'csv', first)} download>
          {t.csv}
        </a>
      </div>
    </div>
  );
}
