import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import type { MonthlyReport } from '@kechuang/community';
import { monthlyReportInput } from '@kechuang/community/schemas';
import type { ServerEnv } from '../http/server-env.js';
import { contentDisposition } from './content-disposition.js';
import { mediaRoute } from './media-route.js';

/** The policy the HTML report declares for itself; used when it does not (should never happen). */
const REPORT_POLICY_FALLBACK = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const META_POLICY = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i;

/**
 * The HTML report is one self-contained file with inline styles and SVG charts, and declares
 * its own policy in a meta tag. The response carries that same policy as a header, so that a
 * stricter server-wide policy cannot stop it rendering, and a looser one cannot let more in.
 */
export function reportPolicy(html: string): string {
  return META_POLICY.exec(html)?.[1] ?? REPORT_POLICY_FALLBACK;
}

/** The response for a rendered report: its own media type, file name and, for HTML, its policy. */
export function reportResponse(report: MonthlyReport): Response {
  const headers: Record<string, string> = {
    'content-type': report.contentType,
    // HTML is for reading and printing in the browser; the other formats are files to keep.
    'content-disposition': contentDisposition(report.filename, report.format === 'html' ? 'inline' : 'attachment'),
  };
  if (report.format === 'html') headers['content-security-policy'] = reportPolicy(report.body);
  return new Response(report.body, { status: 200, headers });
}

/** 月报: the monthly report in JSON, CSV, Markdown or printable HTML. */
export function registerReportRoutes(app: OpenAPIHono<ServerEnv>): void {
  mediaRoute(app, {
    method: 'get',
    path: '/api/reports/monthly',
    tag: 'Reports',
    summary: 'The monthly report: units ranked on the three rates, the headline, cumulative figures and charts',
    description:
      'Over the requests you may see. `format` picks the body: `json` (the report data), `csv` (UTF-8 with a BOM, for spreadsheets), `markdown`, or `html` (one self-contained printable page). ' +
      '`Content-Disposition` carries the file name.',
    query: monthlyReportInput,
    responseBody: {
      'application/json': z.looseObject({}).openapi('MonthlyReportData'),
      'text/csv': z.string(),
      'text/markdown': z.string(),
      'text/html': z.string(),
    },
    responseHeaders: { 'Content-Disposition': 'The report file name, e.g. `monthly-report-2026-01-park.zh-CN.csv`.' },
    handler: async ({ session, query }) => reportResponse(await session.reports.monthly(query as never)),
  });
}
