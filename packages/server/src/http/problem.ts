import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isKechuangError, type KechuangError, type PluginErrorCode, type ValidationIssue } from '@kechuang/community';
import { PROBLEM_STATUS, PROBLEM_TITLES, type ProblemCode, type ServerErrorCode } from './problem-codes.js';

/** The media type of RFC 9457 problem details. */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * An RFC 9457 problem details body. `code` is the SDK's (or the HTTP layer's) stable error
 * code; `issues` lists every invalid field for VALIDATION_FAILED.
 */
export interface ProblemDetails {
  /** A URI naming the kind of problem. */
  type: string;
  /** A short, fixed summary of the kind of problem. */
  title: string;
  /** The HTTP status. */
  status: number;
  /** What went wrong with this request and what to do, from the error's message. */
  detail: string;
  /** The path of the request that failed, where known. */
  instance: string;
  /** A code of {@link ProblemCode}, or a plugin's own (`<plugin-id>:<CODE>`). */
  code: ProblemCode | PluginErrorCode;
  /** For VALIDATION_FAILED: every invalid field, with its path. */
  issues?: ValidationIssue[];
  /** Structured facts about the error, e.g. `expectedVersion`/`actualVersion` of a CONFLICT. */
  details?: Record<string, unknown>;
}

/** An error the HTTP layer raises itself (authentication, limits, idempotency …). */
export class HttpProblem extends Error {
  constructor(
    readonly code: ServerErrorCode | ProblemCode,
    message: string,
    readonly extra: { issues?: ValidationIssue[]; headers?: Record<string, string>; details?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/** `urn:kechuang:problem:not-found` for NOT_FOUND: a stable URI per code. */
export function problemType(code: ProblemCode): string {
  return `urn:kechuang:problem:${code.toLowerCase().replace(/_/g, '-')}`;
}

// Details the SDK puts on errors that a client can act on; anything else (causes, internal
// ids of other offices) stays on the server.
const SAFE_DETAILS = ['expectedVersion', 'actualVersion', 'allowed', 'state', 'command', 'model', 'fields', 'retryAfterMs', 'plugin'];

type Scalar = string | number | boolean | null;
const isScalar = (value: unknown): value is Scalar => value === null || ['string', 'number', 'boolean'].includes(typeof value);

/** `urn:kechuang:problem:plugin:duplicates:repeated-request` for `duplicates:REPEATED_REQUEST`. */
export function pluginProblemType(code: PluginErrorCode): string {
  return `urn:kechuang:problem:plugin:${code.toLowerCase().replace(/_/g, '-')}`;
}

/**
 * A plugin's own error (`<plugin-id>:<CODE>`), answered with the status its plugin declared. The
 * plugin wrote the message and details for the caller (`ctx.error(code, message, details)`), so
 * both are sent; of the details only plain values and lists of them, never nested records.
 */
function pluginProblem(error: KechuangError, instance: string, report: (error: unknown) => void): ProblemResponse {
  const code = error.code as PluginErrorCode;
  const declared = error.details['status'];
  const status = typeof declared === 'number' && Number.isInteger(declared) && declared >= 400 && declared <= 599 ? declared : 422;
  if (status >= 500) report(error);
  const plugin = typeof error.details['plugin'] === 'string' ? error.details['plugin'] : code.slice(0, code.indexOf(':'));
  const details: Record<string, unknown> = { plugin };
  for (const [key, value] of Object.entries(error.details)) {
    if (key === 'status' || key === 'issues' || key === 'plugin') continue;
    if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) details[key] = value;
  }
  return {
    body: {
      type: pluginProblemType(code),
      title: `Refused by the plugin '${plugin}'`,
      status,
      detail: error.message,
      instance,
      code,
      ...(error.details.issues?.length ? { issues: error.details.issues } : {}),
      details,
    },
    headers: {},
  };
}

/** A problem and the headers to send with it. */
export interface ProblemResponse {
  body: ProblemDetails;
  headers: Record<string, string>;
}

/**
 * Turns anything thrown while serving `instance` into a problem. SDK errors keep their code and
 * message (they say what to fix); anything unrecognised becomes a bare INTERNAL problem so that
 * no stack trace or driver message reaches the client. `report` sees what the client does not.
 */
export function toProblem(error: unknown, instance: string, report: (error: unknown) => void): ProblemResponse {
  if (error instanceof HttpProblem) {
    return {
      body: build(error.code, error.message, instance, error.extra.issues, error.extra.details),
      headers: error.extra.headers ?? {},
    };
  }
  if (isKechuangError(error) && error.code.includes(':')) return pluginProblem(error, instance, report);
  if (isKechuangError(error, 'PLUGIN_TIMEOUT')) {
    // The operator must hear of a slow plugin; the client only that nothing was written and when to retry.
    report(error);
    const timeoutMs = typeof error.details['timeoutMs'] === 'number' ? error.details['timeoutMs'] : 5000;
    const seconds = Math.min(60, Math.max(1, Math.ceil(timeoutMs / 1000)));
    const plugin = typeof error.details['plugin'] === 'string' ? { plugin: error.details['plugin'] } : undefined;
    const detail = `A plugin of the server did not finish in time, so the request was stopped and nothing was written. Try again in ${seconds} s; if it keeps happening, tell the operator.`;
    return { body: build('PLUGIN_TIMEOUT', detail, instance, undefined, plugin), headers: { 'retry-after': String(seconds) } };
  }
  if (isKechuangError(error)) {
    const code = error.code as ProblemCode;
    const status = PROBLEM_STATUS[code] ?? 500;
    if (status >= 500) {
      report(error);
      return { body: build(code, 'The server could not complete the request. Try again later; if it keeps failing, tell the operator.', instance), headers: {} };
    }
    const details: Record<string, unknown> = {};
    for (const key of SAFE_DETAILS) if (error.details[key] !== undefined) details[key] = error.details[key];
    return { body: build(code, error.message, instance, error.details.issues, Object.keys(details).length ? details : undefined), headers: {} };
  }
  report(error);
  return { body: build('INTERNAL', 'The server could not complete the request. Try again later; if it keeps failing, tell the operator.', instance), headers: {} };
}

function build(code: ProblemCode, detail: string, instance: string, issues?: ValidationIssue[], details?: Record<string, unknown>): ProblemDetails {
  return {
    type: problemType(code),
    title: PROBLEM_TITLES[code],
    status: PROBLEM_STATUS[code],
    detail,
    instance,
    code,
    ...(issues?.length ? { issues } : {}),
    ...(details ? { details } : {}),
  };
}

/**
 * A `Response` carrying `problem`, with the problem+json media type. Given the request's
 * context, it keeps the headers middleware already set (request id, security headers).
 */
export function problemResponse(problem: ProblemResponse, c?: Context): Response {
  const headers = { 'content-type': PROBLEM_JSON, ...problem.headers };
  if (c) return c.body(JSON.stringify(problem.body), problem.body.status as ContentfulStatusCode, headers);
  return new Response(JSON.stringify(problem.body), { status: problem.body.status, headers });
}
