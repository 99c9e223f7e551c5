import type { ServiceRequest } from '../model/request.js';
import type { Page } from '../queries/cursor.js';
import type { RequestWithTimeline } from '../queries/request-queries.js';
import type { RequestsApi } from '../requests-api.js';

/** What a request method resolves to, with `R` in place of the plain request. */
type Resolved<O, R> = O extends ServiceRequest
  ? R
  : O extends RequestWithTimeline
    ? { request: R; timeline: O['timeline'] }
    : O extends Page<ServiceRequest>
      ? Page<R>
      : O;

/**
 * {@link RequestsApi} whose requests are `R`, a request with the fields plugins add: every
 * command resolves to `R`, `get` to `R` with its timeline, `list` to a page of `R`. Mapped from
 * `RequestsApi` (each method keeps its input and documentation), so a command added there is
 * covered here without a second list to keep in step.
 *
 * @example
 * ```ts
 * type Audited = RequestsApiOf<ServiceRequest & { auditChainHead: string | null }>;
 * declare const requests: Audited;
 * const { auditChainHead } = await requests.accept({ requestId });
 * ```
 */
export type RequestsApiOf<R extends ServiceRequest> = {
  [K in keyof RequestsApi]: RequestsApi[K] extends (...args: infer A) => Promise<infer O> ? (...args: A) => Promise<Resolved<O, R>> : RequestsApi[K];
};
