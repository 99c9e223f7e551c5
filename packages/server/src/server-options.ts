import type { AnyCommunity, BlobStore } from '@kechuang/community';
import type { ActorResolver } from './auth/actor-resolver.js';
import type { DevSignIn } from './auth/dev-sign-in.js';
import type { ApiKeys } from './auth/api-keys.js';
import type { WakeSource } from './events/wake-source.js';

/** Limits that keep one client from exhausting the server. */
export interface ServerLimits {
  /** Largest JSON body, in bytes. @default 1_048_576 (1 MiB) */
  bodyBytes?: number;
  /** Largest attachment upload, in bytes. @default 20_971_520 (20 MiB) */
  attachmentBytes?: number;
  /**
   * Media types an attachment may have. Images, PDF, plain text, CSV and Office documents by
   * default; the bytes of images and PDFs must match the declared type.
   */
  attachmentTypes?: readonly string[];
  /** A request that runs longer is answered 503 TIMEOUT (the event stream is exempt). @default 30_000 */
  requestTimeoutMs?: number;
}

/** A fixed-window rate limit per caller on the POST routes. */
export interface RateLimitOptions {
  /** Requests each caller may make per window. @default 120 */
  max?: number;
  /** The window, in milliseconds. @default 60_000 */
  windowMs?: number;
}

/** How the event stream finds new events. */
export interface EventStreamOptions {
  /**
   * How often a subscriber checks storage when nothing woke it, in milliseconds. Events
   * committed by this instance wake subscribers at once; other instances' events arrive within
   * this interval, or at once with a `wake` source. @default 1000
   */
  pollIntervalMs?: number;
  /** A comment is sent this often so that proxies keep the connection open. @default 15_000 */
  heartbeatMs?: number;
  /** Tells this instance that another one committed something (e.g. PostgreSQL LISTEN/NOTIFY). */
  wake?: WakeSource;
}

/** Options of {@link createServer}. */
export interface ServerOptions {
  /** The SDK instance the API serves. */
  community: AnyCommunity;
  /**
   * Who is calling. The host authenticates; null answers 401. Combine several with
   * `firstActor(...)`, e.g. API keys and the host's sign-in.
   */
  resolveActor: ActorResolver;
  /**
   * The development sign-in (pick a demo member): mounts `/dev/*` and is tried after
   * `resolveActor`. Never in production: `devSignIn()` refuses to start there. @default none
   */
  devSignIn?: DevSignIn;
  /**
   * API keys for Open311 clients: `api_key` of Open311 requests names the actor. @default none
   * (Open311 is read-only)
   */
  apiKeys?: ApiKeys;
  /** Where uploaded attachments go. Without it, `POST /api/attachments` answers 404. @default none */
  blobStore?: BlobStore;
  /** Open311 GeoReport v2 at `/open311/v2`. @default true */
  open311?: boolean;
  /** Limits on body and upload sizes, attachment types and request time. @default the values in {@link ServerLimits} */
  limits?: ServerLimits;
  /** Rate limits on POST routes, or false for none (e.g. for a benchmark). @default {} (120 per minute per caller) */
  rateLimit?: RateLimitOptions | false;
  /** The live event stream's settings. @default the values in {@link EventStreamOptions} */
  events?: EventStreamOptions;
  /** How long a completed POST's response is replayed for its `Idempotency-Key`. @default 86_400_000 (24 h) */
  idempotencyTtlMs?: number;
  /** Told about failures the client only sees as a bare 500. @default console.error */
  onError?: (error: unknown, request: Request) => void;
}
