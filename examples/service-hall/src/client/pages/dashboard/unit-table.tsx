/**
 * The units of the month, ranked by composite score as the report ranks them. On a phone each
 * row becomes a small card whose cells carry their own labels.
 */
import { formatCount, formatPercent, NO_DATA, scoreNumber, type MonthlyReportData, type ReportUnitRow } from '@kechuang/community/charts';
import { useLocale } from '../../i18n.js';
import { useDashboardTexts } from './dashboard-texts.js';

function Row({ unit }: { unit: ReportUnitRow }) {
  const t = useDashboardTexts();
  const locale = useLocale();
  const c = t.columns;
  const name = unit.name[locale];
  return (
    <tr data-unit={unit.code ?? unit.id ?? ''}>
      <td class="dash-rank" data-label={c.rank}>
        {unit.rank === null ? <span class="muted">{t.unranked}</span> : <span class={unit.rank <= 3 ? 'dash-rank__badge dash-rank__badge--top' : 'dash-rank__badge'}>{unit.rank}</span>}
      </td>
      <td class="dash-name" data-label={c.name}>
        {name}
        {unit.code && unit.code !== name ? <small class="muted"> {unit.code}</small> : null}
      </td>
      <td class="num" data-label={c.collected}>{formatCount(unit.counts.collected, locale)}</td>
      <td class="num" data-label={c.resolved}>{formatCount(unit.counts.resolved, locale)}</td>
      <td class="num" data-label={c.response}>{formatPercent(unit.rates.response)}</td>
      <td class="num" data-label={c.resolution}>{formatPercent(unit.rates.resolution)}</td>
      <td class="num" data-label={c.satisfaction}>{formatPercent(unit.rates.satisfaction)}</td>
      <td class="num dash-score" data-label={c.composite}>{scoreNumber(unit.rates.composite) || NO_DATA}</td>
      <td class={unit.counts.overdue > 0 ? 'num dash-overdue' : 'num'} data-label={c.overdue}>{formatCount(unit.counts.overdue, locale)}</td>
    </tr>
  );
}

export function UnitTable({ data }: { data: MonthlyReportData }) {
  const t = useDashboardTexts();
  const c = t.columns;
  return (
    <section class="card" aria-labelledby="dashboard-ranking">
      <h2 id="dashboard-ranking">
        {t.ranking[data.unit] ?? data.unit}
      </h2>
      {data.units.length === 0 ? (
        <p class="empty">{t.noUnits}</p>
      ) : (
        <div class="table-wrap dash-table-wrap">
          <table class="table dash-table" data-testid="unit-ranking">
            <thead>
              <tr>
                <th scope="col">{c.rank}</th>
                <th scope="col">{c.name}</th>
                <th scope="col" class="num">{c.collected}</th>
                <th scope="col" class="num">{c.resolved}</th>
                <th scope="col" class="num">{c.response}</th>
                <th scope="col" class="num">{c.resolution}</th>
                <th scope="col" class="num">{c.satisfaction}</th>
                <th scope="col" class="num">{c.composite}</th>
                <th scope="col" class="num">{c.overdue}</th>
              </tr>
            </thead>
            <tbody>
              {data.units.map((unit) => (
                <Row key={`${unit.id ?? ''}|${unit.code ?? ''}`} unit={unit} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
