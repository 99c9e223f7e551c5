/**
 * The report's three charts, drawn by `@kechuang/community/charts` exactly as the printed
 * monthly report draws them. The SVG strings come from the SDK's escaping SVG kit (names and
 * labels are escaped; there is no script in them), so they are inserted as they are.
 */
import { chartByMonth, chartOverdueByUnit, chartRatesByUnit, reportTexts, type MonthlyReportData } from '@kechuang/community/charts';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import { useDashboardTexts } from './dashboard-texts.js';

type ChartName = 'by-month' | 'overdue-by-unit' | 'rates-by-unit';

/** `note` stands in for a chart with nothing to draw: on a phone only (`narrow`), or everywhere (`always`). */
function Chart({ name, title, svg, note, noteWhen = 'narrow', scrollToEnd }: { name: ChartName; title: string; svg: string; note?: string | undefined; noteWhen?: 'narrow' | 'always'; scrollToEnd?: boolean }) {
  const box = useRef<HTMLDivElement>(null);
  // On a phone the chart scrolls sideways; the newest months are the ones worth seeing first.
  useLayoutEffect(() => {
    if (scrollToEnd && box.current) box.current.scrollLeft = box.current.scrollWidth;
  }, [svg, scrollToEnd]);
  return (
    <figure class="card dash-chart-card">
      <figcaption>
        <h3>{title}</h3>
      </figcaption>
      <div ref={box} class={note ? `dash-chart dash-chart--note-${noteWhen}` : 'dash-chart'} data-chart={name} dangerouslySetInnerHTML={{ __html: svg }} />
      {note ? <p class={`dash-chart__note dash-chart__note--${noteWhen}`}>{note}</p> : null}
    </figure>
  );
}

export function ReportCharts({ data }: { data: MonthlyReportData }) {
  const t = useDashboardTexts();
  const charts = useMemo(() => {
    const texts = reportTexts(data.locale);
    return {
      byMonth: chartByMonth(data, texts),
      overdue: chartOverdueByUnit(data, texts),
      rates: chartRatesByUnit(data, texts),
      // Without overdue requests the chart is one line of text, too small to read on a phone once scaled down.
      noOverdue: data.units.some((u) => u.counts.overdue > 0) ? undefined : texts.charts.noOverdue(data.unit),
      // Without a ranked unit the rates chart prints its note across its own axis labels; words alone read better.
      noRates: data.units.some((u) => u.rank !== null) ? undefined : texts.charts.noUnits(data.unit),
    };
  }, [data]);
  return (
    <section class="dash-charts" aria-label={t.trends}>
      <Chart name="by-month" title={t.chartByMonth} svg={charts.byMonth} scrollToEnd />
      <div class="dash-charts__pair">
        <Chart name="rates-by-unit" title={t.chartRates} svg={charts.rates} note={charts.noRates} noteWhen="always" />
        <Chart name="overdue-by-unit" title={t.chartOverdue} svg={charts.overdue} note={charts.noOverdue} />
      </div>
      <p class="dash-swipe muted">{t.swipe}</p>
    </section>
  );
}
