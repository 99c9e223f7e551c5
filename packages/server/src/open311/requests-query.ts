import { z } from '@hono/zod-openapi';
import { KechuangError, type RequestListInput, type ValidationIssue } from '@kechuang/community';
import { parseW3c } from './w3c-datetime.js';

/** The spec's window: a query spans at most 90 days, and the default is the last 90. */
export const MAX_SPAN_MS = 90 * 86_400_000;
/** The spec's volume limit: at most 1000 requests per answer. */
export const MAX_REQUESTS = 1000;

/** The query of `GET requests`, as documented; values are checked by {@link readRequestsQuery}. */
export const open311RequestsQuery = z.object({
  jurisdiction_id: z.string().optional().openapi({ description: 'A community code; may be left out when the office has one community.' }),
  service_request_id: z.string().optional().openapi({ description: 'Comma-separated request ids; overrides the other filters.' }),
  service_code: z.string().optional().openapi({ description: 'Comma-separated service codes (category ids).' }),
  start_date: z.string().optional().openapi({ description: 'W3C date-time with a zone, e.g. 2026-01-01T00:00:00+08:00: requested at or after it.' }),
  end_date: z.string().optional().openapi({ description: 'W3C date-time with a zone: requested at or before it. At most 90 days after start_date.' }),
  status: z.string().optional().openapi({ description: '`open`, `closed` or both, comma-separated.' }),
  locale: z.string().optional().openapi({ description: '`zh-CN` (default) or `en`; otherwise Accept-Language decides.' }),
  api_key: z.string().optional().openapi({ description: 'An API key; or sign in as for the REST API.' }),
});

/** What a `GET requests` query asks for, checked. */
export type RequestsQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'filter'; filter: Omit<RequestListInput, 'limit' | 'cursor' | 'order'>; states: readonly string[] | null };

const list = (value: string | undefined): string[] => [...new Set((value ?? '').split(',').map((s) => s.trim()).filter((s) => s.length > 0))];

/**
 * Checks a `GET requests` query against the spec: `service_request_id` overrides the rest;
 * otherwise the date range (W3C date-times with a zone, at most 90 days, the last 90 by
 * default), `status` (open, closed) and `service_code` filter. `open` is every state of the
 * workflow but the terminal ones, `closed` the terminal ones.
 */
export function readRequestsQuery(query: Record<string, string>, states: readonly string[], terminal: readonly string[], now: Date): RequestsQuery {
  const issues: ValidationIssue[] = [];
  const bad = (field: string, message: string): void => {
    issues.push({ path: [field], message, code: 'invalid_value' });
  };
  const ids = list(query['service_request_id']);
  if (ids.length > MAX_REQUESTS) bad('service_request_id', `at most ${MAX_REQUESTS} ids at a time`);
  if (ids.some((id) => id.length > 64)) bad('service_request_id', 'an id has at most 64 characters');
  if (ids.length > 0 && issues.length === 0) return { kind: 'ids', ids };

  const date = (field: 'start_date' | 'end_date'): Date | null => {
    const text = query[field];
    if (!text) return null;
    const parsed = parseW3c(text);
    if (!parsed) bad(field, `'${text}' is not a W3C date-time with a zone; use e.g. 2026-01-01T00:00:00+08:00 or 2026-01-01T00:00:00Z`);
    return parsed;
  };
  let start = date('start_date');
  let end = date('end_date');
  if (start && end) {
    if (end < start) bad('end_date', 'must not be before start_date');
    else if (end.getTime() - start.getTime() > MAX_SPAN_MS) bad('end_date', 'a query may span at most 90 days; split it into several');
  }
  if (start && !end) end = new Date(start.getTime() + MAX_SPAN_MS);
  if (end && !start) start = new Date(end.getTime() - MAX_SPAN_MS);
  if (!start || !end) {
    end = now;
    start = new Date(now.getTime() - MAX_SPAN_MS);
  }

  const statuses = list(query['status']);
  for (const s of statuses) if (s !== 'open' && s !== 'closed') bad('status', `'${s}' is not a status; use open, closed or both`);
  const codes = list(query['service_code']);
  if (codes.length > 500) bad('service_code', 'at most 500 service codes at a time');
  if (issues.length > 0) {
    throw new KechuangError('VALIDATION_FAILED', `Invalid query: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}. Fix it and ask again.`, { issues });
  }

  const wanted = new Set(statuses);
  const stateFilter = wanted.size === 1 ? (wanted.has('closed') ? terminal : states.filter((s) => !terminal.includes(s))) : null;
  return {
    kind: 'filter',
    filter: {
      createdFrom: start,
      // end_date is inclusive; the SDK's createdTo is not.
      createdTo: new Date(end.getTime() + 1),
      ...(codes.length ? { category: codes } : {}),
    },
    states: stateFilter,
  };
}
