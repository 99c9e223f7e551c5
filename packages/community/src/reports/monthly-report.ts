import type { parseInput } from '../errors/validation.js';
import type { Clock } from '../ports/clock.js';
import type { CommunitySession } from '../session.js';
import { gatherMonthlyReport } from './gather-report.js';
import { lookUpSubject } from './report-subject.js';
import { monthlyReportInput, type ReportFormat } from './report-input.js';
import type { MonthlyReport, MonthlyReportData } from './report-types.js';
import { renderCsv } from './render-csv.js';
import { renderHtml } from './render-html.js';
import { renderJson } from './render-json.js';
import { renderMarkdown } from './render-markdown.js';

const renderers: Record<ReportFormat, { render: (data: MonthlyReportData) => string; contentType: string; extension: string }> = {
  json: { render: renderJson, contentType: 'application/json; charset=utf-8', extension: 'json' },
  csv: { render: renderCsv, contentType: 'text/csv; charset=utf-8; header=present', extension: 'csv' },
  markdown: { render: renderMarkdown, contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { render: renderHtml, contentType: 'text/html; charset=utf-8', extension: 'html' },
};

/**
 * Renders gathered report data in a format: what {@link ReportsApi.monthly} returns. Useful
 * to render data kept from an earlier report (its `data`) in another format.
 *
 * @example
 * ```ts
 * const html = renderMonthlyReport(jsonReport.data, 'html');
 * ```
 */
export function renderMonthlyReport(data: MonthlyReportData, format: ReportFormat): MonthlyReport {
  const renderer = renderers[format];
  return {
    format,
    contentType: renderer.contentType,
    filename: `monthly-report-${data.month}-${data.unit}.${data.locale}.${renderer.extension}`,
    body: renderer.render(data),
    data,
  };
}

/**
 * What the report module gets from the core instead of importing it: a lazy chunk that
 * imports part of the start bundle splits it into more chunks, which costs the start bundle.
 */
export interface ReportHelpers {
  parseInput: typeof parseInput;
}

/** What a report reads from the session. */
export type ReportSession = Pick<CommunitySession, 'metrics' | 'office' | 'communities'>;

/**
 * `reports.monthly`: validates the input (VALIDATION_FAILED naming each bad field), gathers
 * the figures through the session's own metrics and directory, and renders them.
 *
 * @example
 * ```ts
 * const report = await monthlyReport(session, clock, { month: '2026-01', format: 'csv' }, { parseInput });
 * ```
 */
export async function monthlyReport(session: ReportSession, clock: Clock, raw: unknown, helpers: ReportHelpers): Promise<MonthlyReport> {
  const options = helpers.parseInput(monthlyReportInput, raw, 'monthly report input');
  const data = await gatherMonthlyReport(
    {
      metrics: (input) => session.metrics.query(input),
      subject: () => lookUpSubject({ office: () => session.office.get(), communities: async () => (await session.communities.list({ limit: 2 })).items }),
      now: () => clock.now(),
    },
    options,
  );
  return renderMonthlyReport(data, options.format);
}
