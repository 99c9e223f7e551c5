import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { isKechuangError, type PluginErrorCode, type ValidationIssue } from '@kechuang/community';
import { PROBLEM_STATUS, PROBLEM_TITLES, type ProblemCode, type ServerErrorCode } from './problem-codes.js';

/** The media type of RFC 9457 problem details. */
export const PROBLEM_JSON = 'application/problem+json';

/**
 * An RFC 9457 problem details body. `code` is the SDK's (or the HTTP layer's) stable error
 * code; `issues` lists every invalid field for VALIDATION_FAILED.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  /** A code of {@link ProblemCode}, or a plugin's own (`<plugin-id>:<CODE>`). */
  code: ProblemCode | PluginErrorCode;
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
const SAFE_DETAILS = ['expectedVersion', 'actualVersion', 'allowed', 'state', 'command', 'model', 'fields', 'retryAfterMs'];

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
  if (isKechuangError(error) && error.code.includes(':')) {
    // A plugin's own code (`<plugin-id>:<CODE>`) carries the status its plugin declared.
    const status = typeof error.details['status'] === 'number' ? error.details['status'] : 422;
    const plugin = typeof error.details['plugin'] === 'string' ? error.details['plugin'] : error.code.split(':')[0];
    return {
      body: {
        type: `urn:kechuang:problem:plugin:${error.code.toLowerCase().replace(/_/g, '-')}`,
        title: `Refused by the plugin '${plugin ?? ''}'`,
        status,
        detail: error.message,
        instance,
        code: error.code,
        ...(error.details.issues?.length ? { issues: error.details.issues } : {}),
      },
      headers: {},
    };
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
