/**
 * The month's key figures as big cards: the three rates and the composite score, then the
 * counts. Each card says how its figure is made, with the numbers behind it, so that a rate
 * is never read without its base.
 */
import { formatCount, formatMonth, formatPercent, NO_DATA, scoreNumber, type MonthlyReportData } from '@kechuang/community/charts';
import { monthOf } from '../../format.js';
import { useLocale } from '../../i18n.js';
import { useDashboardTexts } from './dashboard-texts.js';

type FigureKey = 'response' | 'resolution' | 'satisfaction' | 'composite' | 'collected' | 'concluded' | 'resolved' | 'overdue';

/** The weights as shares of 100, as the printed report states them (30/35/35 however they were written). */
function weightShares(weights: MonthlyReportData['settings']['weights']): [string, string, string] {
  const sum = weights.response + weights.resolution + weights.satisfaction;
  const share = (w: number): string => String(Math.round((w / sum) * 1000) / 10);
  return [share(weights.response), share(weights.resolution), share(weights.satisfaction)];
}

function Figure({ name, label, value, note, tone }: { name: FigureKey; label: string; value: string; note: string; tone?: 'rate' | 'score' | 'alert' | 'count' }) {
  return (
    <div class={`dash-figure dash-figure--${tone ?? 'count'}`} data-figure={name}>
      <span class="dash-figure__label">{label}</span>
      <strong class="dash-figure__value" data-value>
        {value}
      </strong>
      <span class="dash-figure__note">{note}</span>
    </div>
  );
}

export function FigureCards({ data }: { data: MonthlyReportData }) {
  const t = useDashboardTexts();
  const locale = useLocale();
  const { counts, rates } = data.total;
  const n = (value: number): string => formatCount(value, locale);
  const rateNote = (text: string, rate: number | null): string => (rate === null ? t.noRate : text);
  const since = formatMonth(data.cumulative.from.slice(0, 7), locale);
  // In the month still running, the backlog is as of now rather than as of the month's end.
  const running = monthOf(new Date(data.asOf), data.period.timeZone) === data.month;
  return (
    <>
      <h2 class="visually-hidden">{t.rates}</h2>
      <div class="dash-figures dash-figures--rates">
        <Figure name="response" tone="rate" label={t.figure.response} value={formatPercent(rates.response)} note={rateNote(t.explain.response(n(counts.signedOnTime), n(counts.responseDue)), rates.response)} />
        <Figure name="resolution" tone="rate" label={t.figure.resolution} value={formatPercent(rates.resolution)} note={rateNote(t.explain.resolution(n(counts.resolved), n(counts.concluded)), rates.resolution)} />
        <Figure
          name="satisfaction"
          tone="rate"
          label={t.figure.satisfaction}
          value={formatPercent(rates.satisfaction)}
          note={rateNote(t.explain.satisfaction(n(counts.satisfied), n(counts.rated), data.settings.basicallySatisfiedCounts), rates.satisfaction)}
        />
        <Figure name="composite" tone="score" label={t.figure.composite} value={scoreNumber(rates.composite) || NO_DATA} note={t.explain.composite(weightShares(data.settings.weights))} />
      </div>
      <h2 class="visually-hidden">{t.counts}</h2>
      <div class="dash-figures dash-figures--counts">
        <Figure name="collected" label={t.figure.collected} value={n(counts.collected)} note={t.explain.collected(n(data.cumulative.collected), since)} />
        <Figure name="concluded" label={t.figure.concluded} value={n(counts.concluded)} note={t.explain.concluded} />
        <Figure name="resolved" label={t.figure.resolved} value={n(counts.resolved)} note={t.explain.resolved} />
        <Figure name="overdue" tone={counts.overdue > 0 ? 'alert' : 'count'} label={t.figure.overdue} value={n(counts.overdue)} note={t.explain.overdue(n(counts.backlog), running)} />
      </div>
    </>
  );
}
