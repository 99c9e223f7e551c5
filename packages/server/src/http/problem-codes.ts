import type { ErrorCode } from '@kechuang/community';

/**
 * Error codes the HTTP layer adds to the SDK's own (`ERROR_CODES`): what can go wrong before
 * or around a command. Clients match on `code` in the problem body; a code never changes
 * meaning once published.
 */
export const SERVER_ERROR_CODES = {
  /** No credentials, or credentials the host did not accept. */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** No such route. */
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  /** The route exists, but not for this method. */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** The body is larger than the route allows. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The body is not in a media type the route accepts, or is not what it claims to be. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** The body is not well-formed JSON. */
  MALFORMED_BODY: 'MALFORMED_BODY',
  /** Too many requests from this client; `Retry-After` says when to try again. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The same `Idempotency-Key` was sent with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** A request with this `Idempotency-Key` is still running. */
  IDEMPOTENCY_IN_PROGRESS: 'IDEMPOTENCY_IN_PROGRESS',
  /** The request took longer than the server allows. */
  TIMEOUT: 'TIMEOUT',
  /** Something failed that the client cannot fix; the server logged it. */
  INTERNAL: 'INTERNAL',
} as const;

/** A code of the HTTP layer, as in {@link SERVER_ERROR_CODES}. */
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[keyof typeof SERVER_ERROR_CODES];

/** Every code a problem body may carry: the SDK's and the HTTP layer's. */
export type ProblemCode = ErrorCode | ServerErrorCode;

/** The HTTP status of each code. */
export const PROBLEM_STATUS: Record<ProblemCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  DUPLICATE: 409,
  UNIQUE_VIOLATION: 409,
  PLUGIN_ERROR: 422,
  PLUGIN_TIMEOUT: 503,
  UNSUPPORTED_ADAPTER: 500,
  INVALID_WORKFLOW: 500,
  STORAGE_ERROR: 500,
  NOTIFY_RETRYABLE: 502,
  NOTIFY_PERMANENT: 502,
  UNAUTHENTICATED: 401,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MALFORMED_BODY: 400,
  RATE_LIMITED: 429,
  IDEMPOTENCY_KEY_REUSED: 422,
  IDEMPOTENCY_IN_PROGRESS: 409,
  TIMEOUT: 503,
  INTERNAL: 500,
};

/** Short, fixed titles (RFC 9457 `title`): the same for every occurrence of a code. */
export const PROBLEM_TITLES: Record<ProblemCode, string> = {
  VALIDATION_FAILED: 'The input is not valid',
  INVALID_CURSOR: 'The cursor is not valid for this list',
  NOT_FOUND: 'Not found',
  FORBIDDEN: 'Not allowed for this actor',
  INVALID_TRANSITION: 'Not allowed in the current state',
  CONFLICT: 'The record changed since it was read',
  DUPLICATE: 'Already exists',
  UNIQUE_VIOLATION: 'Already exists',
  PLUGIN_ERROR: 'Refused by a plugin',
  PLUGIN_TIMEOUT: 'A plugin took too long',
  UNSUPPORTED_ADAPTER: 'Server misconfigured',
  INVALID_WORKFLOW: 'Server misconfigured',
  STORAGE_ERROR: 'Storage failed',
  NOTIFY_RETRYABLE: 'Notification channel failed',
  NOTIFY_PERMANENT: 'Notification channel failed',
  UNAUTHENTICATED: 'Sign-in required',
  ROUTE_NOT_FOUND: 'No such route',
  METHOD_NOT_ALLOWED: 'Method not allowed',
  PAYLOAD_TOO_LARGE: 'Body too large',
  UNSUPPORTED_MEDIA_TYPE: 'Unsupported media type',
  MALFORMED_BODY: 'Malformed body',
  RATE_LIMITED: 'Too many requests',
  IDEMPOTENCY_KEY_REUSED: 'Idempotency key reused',
  IDEMPOTENCY_IN_PROGRESS: 'Request with this idempotency key in progress',
  TIMEOUT: 'Request timed out',
  INTERNAL: 'Internal server error',
};
