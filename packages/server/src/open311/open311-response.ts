import { isKechuangError } from '@kechuang/community';
import { HttpProblem, toProblem } from '../http/problem.js';
import { PROBLEM_STATUS } from '../http/problem-codes.js';
import { toXml, type XmlValue } from './xml.js';

/** The two formats GeoReport v2 defines, chosen by the resource's extension (`services.xml`). */
export type Open311Format = 'json' | 'xml';

/** The root elements of GeoReport v2 documents. */
export type Open311Root = 'services' | 'service_definition' | 'service_requests' | 'errors';

/** One entry of a GeoReport v2 error response. */
export type Open311ErrorEntry = {
  /** The HTTP status, as the spec's examples give it. */
  code: number;
  /** What went wrong, for the person using the client. */
  description: string;
};

// The repeated element inside each list, as the spec's XML examples name them.
const ITEMS: Record<string, string> = { services: 'service', service_requests: 'request', errors: 'error', attributes: 'attribute', values: 'value' };
const itemName = (list: string): string => ITEMS[list] ?? 'item';

const CONTENT_TYPES: Record<Open311Format, string> = { json: 'application/json; charset=utf-8', xml: 'text/xml; charset=utf-8' };

/** The format a path asks for: `.xml` is XML, anything else is answered in JSON. */
export function formatOfPath(path: string): Open311Format {
  return path.toLowerCase().endsWith('.xml') ? 'xml' : 'json';
}

/** A GeoReport v2 document in `format`: JSON as is, XML under `root` with the spec's element names. */
export function open311Response(format: Open311Format, root: Open311Root, body: XmlValue, status = 200, headers: Record<string, string> = {}): Response {
  const text = format === 'xml' ? toXml(root, body, itemName) : JSON.stringify(body);
  return new Response(text, { status, headers: { 'content-type': CONTENT_TYPES[format], ...headers } });
}

/** The HTTP status of an error under the spec's rules: 404 missing, 403 key, 400 anything the client can fix. */
function statusOf(code: string, status: number = PROBLEM_STATUS[code as keyof typeof PROBLEM_STATUS] ?? 500): number {
  // Open311 has no 401: a missing or wrong api_key is a 403.
  if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || status === 401 || status === 403) return 403;
  // Kept apart from 400 because clients act on them: 404 gone, 413 too big, 429 back off, 5xx retry.
  if ([404, 413, 429].includes(status) || status >= 500) return status;
  return 400;
}

const FAILED = 'The server could not complete the request. Try again later; if it keeps failing, tell the street office.';

/**
 * Turns anything thrown while serving an Open311 request into the spec's error document: SDK
 * and HTTP-layer errors keep their message (it says what to fix), one entry per invalid field;
 * anything else is a bare 500 that `report` sees in full.
 */
export function open311ErrorResponse(error: unknown, format: Open311Format, report: (error: unknown) => void): Response {
  let status = 500;
  let entries: string[] = [FAILED];
  let headers: Record<string, string> = {};
  if (isKechuangError(error) && (error.code === 'PLUGIN_TIMEOUT' || error.code.includes(':'))) {
    // As in the REST API: a plugin's own refusal keeps its status and words; a slow plugin is a
    // 503 with Retry-After whose message does not name the hook or its settings.
    const problem = toProblem(error, '', report);
    status = statusOf(error.code, problem.body.status);
    entries = [problem.body.detail];
    headers = problem.headers;
  } else if (error instanceof HttpProblem || isKechuangError(error)) {
    status = statusOf(error.code);
    const issues = error instanceof HttpProblem ? error.extra.issues : error.details.issues;
    if (error instanceof HttpProblem) headers = error.extra.headers ?? {};
    if (status >= 500 && status !== 503) report(error);
    else if (issues?.length) entries = issues.map((i) => (i.path.length ? `${fieldName(i.path)}: ${i.message}` : i.message));
    else entries = [error.message];
  } else {
    report(error);
  }
  const body: Open311ErrorEntry[] = entries.map((description) => ({ code: status, description }));
  return open311Response(format, 'errors', body, status, headers);
}

/** `['attribute', 'kind']` → `attribute[kind]`: the name the client sent the field by. */
function fieldName(path: readonly (string | number)[]): string {
  const [head, ...rest] = path;
  return `${String(head)}${rest.map((p) => `[${String(p)}]`).join('')}`;
}
