/**
 * `@kechuang/server`: the HTTP API of `@kechuang/community` — REST for every command with an
 * OpenAPI 3.1 document, Open311 GeoReport v2, and a live event stream — as a web-standard
 * fetch handler built with Hono.
 *
 * @module @kechuang/server
 */
export { createServer, type KechuangServer } from './create-server.js';
export type { ServerEnv } from './http/server-env.js';
export type { ServerOptions, ServerLimits, RateLimitOptions, EventStreamOptions } from './server-options.js';
export { firstActor, type ActorResolver } from './auth/actor-resolver.js';
export { devSignIn, type DevSignIn, type DevSignInOptions } from './auth/dev-sign-in.js';
export { apiKeys, type ApiKeys, type ApiKeyEntry } from './auth/api-keys.js';
export type { WakeSource } from './events/wake-source.js';
export { SERVER_ERROR_CODES, type ServerErrorCode, type ProblemCode } from './http/problem-codes.js';
export { PROBLEM_JSON, problemType, type ProblemDetails } from './http/problem.js';
export { OPEN311_ATTRIBUTES, OPEN311_SOURCE } from './open311/stored-fields.js';
export type { Open311Service, Open311ServiceDefinition, Open311Attribute, Open311Datatype } from './open311/service-catalog.js';
export type { Open311Request } from './open311/request-presenter.js';
export type { Open311ErrorEntry } from './open311/open311-response.js';
