import type { OpenAPIHono } from '@hono/zod-openapi';
import { isKechuangError, KechuangError, type Actor, type AnyCommunity, type CommunitySession, type ServiceRequest } from '@kechuang/community';
import { Hono, type Context } from 'hono';
import type { ActorResolver } from '../auth/actor-resolver.js';
import type { ApiKeys } from '../auth/api-keys.js';
import { principalOf } from '../http/authenticate.js';
import { HttpProblem } from '../http/problem.js';
import { rateLimit } from '../http/rate-limit.js';
import type { ServerEnv } from '../http/server-env.js';
import type { RateLimitOptions } from '../server-options.js';
import { resolveJurisdiction } from './jurisdiction.js';
import { registerOpen311Docs } from './open311-docs.js';
import { localeOf, slaPromise, type Open311Locale } from './open311-locale.js';
import { formatOfPath, open311ErrorResponse, open311Response, type Open311Format } from './open311-response.js';
import { requestPresenter } from './request-presenter.js';
import { MAX_REQUESTS, readRequestsQuery } from './requests-query.js';
import { findCategory, serviceDefinitionOf, servicesOf } from './service-catalog.js';
import { readSubmission } from './submit-form.js';
import { submitOpen311 } from './submit-request.js';

/** What the Open311 routes need from the server. */
export interface Open311Options {
  community: AnyCommunity;
  /** The server's resolver (the host's sign-in, API keys …): who reads. */
  resolveActor: ActorResolver;
  /** The keys Open311 clients submit with. Without them, `POST requests` answers 403. */
  apiKeys?: ApiKeys | undefined;
  /** The limit on submissions per API key, as on the REST API's POST routes. */
  rateLimit?: RateLimitOptions | false | undefined;
  /** Told about failures the client sees only as a bare 500. */
  onError(error: unknown, request: Request): void;
  /** The clock the default 90-day window ends at. @default the system clock */
  now?: () => Date;
}

const FORMATS: readonly Open311Format[] = ['json', 'xml'];
const FILE = /^(.+)\.(json|xml)$/;

/** `legal.xml` → the id and the format; anything else is a resource Open311 does not have. */
function splitFile(file: string): { id: string; format: Open311Format } {
  const match = FILE.exec(file);
  if (!match) throw new KechuangError('NOT_FOUND', `No Open311 resource '${file}'. Add .json or .xml to the id.`);
  return { id: decodeURIComponent(match[1] as string), format: match[2] as Open311Format };
}

/** The api_key a client presented (header, query or form field), whether or not it is valid. */
function presentedKey(c: Context<ServerEnv>, form: URLSearchParams | null): string | null {
  return c.req.header('x-api-key') || c.req.query('api_key') || form?.get('api_key') || null;
}

const MISSING_KEY = 'An api_key is required: send the key the street office issued to your application as api_key, or as the X-API-Key header.';
const INVALID_KEY = 'Invalid api_key: it is not one this server knows. Check it, or ask the street office for a new one.';

/**
 * Mounts GeoReport v2 at `/open311/v2` (`services`, `services/{code}`, `requests` GET and
 * POST, `requests/{id}`, each as `.json` and `.xml`) and documents it in the OpenAPI document.
 *
 * **Who reads.** The spec leaves reads open, but every request belongs to one office, so a
 * read needs an actor: an `api_key` (query or `X-API-Key`) or the server's own sign-in. A key
 * that is sent must be valid (403 otherwise) — it is never silently ignored in favour of a
 * cookie. Reads show what that actor may see in the SDK, and never personal data.
 *
 * **Who submits.** `POST requests` needs an `api_key` (403 without one, or with a wrong
 * one, as the spec says); the request is filed as the key's actor on the `online` channel.
 *
 * **Errors** are the spec's `errors` document in the resource's format: 404 for what does not
 * exist (another office's records included), 403 for the key, 400 for bad input, one entry per
 * invalid field, and nothing written.
 *
 * @example
 * ```ts
 * const keys = apiKeys([{ id: 'city-app', sha256, actor: { kind: 'system', officeId } }]);
 * const server = createServer({ community, resolveActor: firstActor(keys.resolve, mySignIn), apiKeys: keys });
 * // curl -d api_key=… -d service_code=legal -d address_id=P01 -d 'attribute[amount]=12000' \
 * //      https://example.org/open311/v2/requests.json
 * ```
 */
export function registerOpen311Routes(app: OpenAPIHono<ServerEnv>, options: Open311Options): void {
  const { community } = options;
  const now = options.now ?? (() => new Date());
  const open311 = new Hono<ServerEnv>();
  open311.onError((error, c) => open311ErrorResponse(error, formatOfPath(c.req.path), (e) => options.onError(e, c.req.raw)));
  const limiter = options.rateLimit === false ? null : rateLimit(options.rateLimit ?? {});

  // The key resolver reads a form body from a clone, so it runs before the handler reads the body.
  const keyActor = async (c: Context<ServerEnv>): Promise<{ actor: Actor; keyId: string } | null> => {
    const actor = options.apiKeys ? await options.apiKeys.resolve(c.req.raw) : null;
    if (!actor) return null;
    return { actor, keyId: (await options.apiKeys?.idOf(c.req.raw)) ?? principalOf(actor) };
  };
  const refuseKey = (presented: boolean): never => {
    if (!presented) throw new HttpProblem('UNAUTHENTICATED', MISSING_KEY);
    if (!options.apiKeys) throw new KechuangError('FORBIDDEN', 'This server issues no Open311 API keys: it takes no submissions over Open311, and reads need the sign-in of the office. Ask the street office how to report to it.');
    throw new KechuangError('FORBIDDEN', INVALID_KEY);
  };
  const reader = async (c: Context<ServerEnv>): Promise<CommunitySession> => {
    if (presentedKey(c, null)) return community.as((await keyActor(c))?.actor ?? refuseKey(true));
    const actor = await options.resolveActor(c.req.raw);
    if (!actor) throw new HttpProblem('UNAUTHENTICATED', `${MISSING_KEY} Signed-in users of the office may read without one.`);
    return community.as(actor);
  };
  const locale = (c: Context<ServerEnv>): Open311Locale => localeOf(c.req.query('locale'), c.req.header('accept-language'));
  const configOf = async (session: CommunitySession) => (await session.config.get())?.config ?? null;

  for (const format of FORMATS) {
    open311.get(`/services.${format}`, async (c) => {
      const session = await reader(c);
      await resolveJurisdiction(session, c.req.query('jurisdiction_id'));
      return open311Response(format, 'services', servicesOf(await configOf(session), locale(c)));
    });

    open311.get(`/requests.${format}`, async (c) => {
      const session = await reader(c);
      const unit = await resolveJurisdiction(session, c.req.query('jurisdiction_id'));
      const query = readRequestsQuery(c.req.query(), community.workflow.states, community.workflow.terminal, now());
      const present = await requestPresenter(session, community.workflow.terminal, locale(c));
      const found = query.kind === 'ids' ? await byIds(session, query.ids) : await byFilter(session, { ...query.filter, communityId: unit.id, ...(query.states ? { status: [...query.states] } : {}) });
      const shown = found.filter((r) => r.communityId === unit.id);
      return open311Response(format, 'service_requests', await Promise.all(shown.map(present)));
    });

    open311.post(`/requests.${format}`, async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
        throw new HttpProblem('UNSUPPORTED_MEDIA_TYPE', `Send the request as a form, "Content-Type: application/x-www-form-urlencoded" (got "${type || 'none'}").`);
      }
      const key = await keyActor(c);
      const form = new URLSearchParams(await c.req.text());
      const { actor, keyId } = key ?? refuseKey(presentedKey(c, form) !== null);
      c.set('principal', `api-key:${keyId}`);
      if (limiter) await limiter(c, async () => undefined);
      const session = community.as(actor);
      const unit = await resolveJurisdiction(session, form.get('jurisdiction_id') || undefined);
      const config = await configOf(session);
      const code = form.get('service_code');
      const category = code ? findCategory(config, code) : null;
      if (code && !category) throw new KechuangError('NOT_FOUND', `service_code '${code}' was not found. Pick one from GET /open311/v2/services.${format}.`);
      const submission = readSubmission(form, category);
      // readSubmission refuses a form without service_code, so this only narrows the type.
      if (!category) throw new KechuangError('VALIDATION_FAILED', 'service_code is required: pick one from GET services.');
      const created = await submitOpen311(session, unit.id, category, submission, { keyId, idempotencyKey: c.req.header('idempotency-key') ?? null });
      const accountId = submission.fields.account_id ?? null;
      const notice = slaPromise(config, created.slaPolicy, locale(c));
      return open311Response(format, 'service_requests', [{ service_request_id: created.id, service_notice: notice, account_id: accountId }]);
    });
  }

  open311.get('/services/:file', async (c) => {
    const { id, format } = splitFile(c.req.param('file'));
    const session = await reader(c);
    await resolveJurisdiction(session, c.req.query('jurisdiction_id'));
    const category = findCategory(await configOf(session), id);
    if (!category) throw new KechuangError('NOT_FOUND', `service_code '${id}' was not found. Pick one from GET /open311/v2/services.${format}.`);
    return open311Response(format, 'service_definition', serviceDefinitionOf(category, locale(c)));
  });

  open311.get('/requests/:file', async (c) => {
    const { id, format } = splitFile(c.req.param('file'));
    const session = await reader(c);
    const unit = await resolveJurisdiction(session, c.req.query('jurisdiction_id'));
    const { request } = await session.requests.get(id);
    // Another community of the office is outside this jurisdiction: as absent as another office's.
    if (request.communityId !== unit.id) throw new KechuangError('NOT_FOUND', `service_request_id '${id}' was not found in this jurisdiction.`);
    const present = await requestPresenter(session, community.workflow.terminal, locale(c));
    return open311Response(format, 'service_requests', [await present(request)]);
  });

  open311.all('*', (c) => {
    throw new KechuangError('NOT_FOUND', `No Open311 resource ${c.req.method} ${c.req.path}. GeoReport v2 serves services, services/{code}, requests and requests/{id}, each as .json or .xml.`);
  });

  app.route('/open311/v2', open311);
  registerOpen311Docs(app);
}

/** The requests of `ids` the actor may see, in the order asked; unknown ones are left out, as a search leaves them out. */
async function byIds(session: CommunitySession, ids: readonly string[]): Promise<ServiceRequest[]> {
  const found: ServiceRequest[] = [];
  for (const id of ids) {
    try {
      found.push((await session.requests.get(id)).request);
    } catch (error) {
      if (!isKechuangError(error, 'NOT_FOUND')) throw error;
    }
  }
  return found;
}

/** The newest requests matching `filter`, up to the spec's 1000, page by page. */
async function byFilter(session: CommunitySession, filter: Parameters<CommunitySession['requests']['list']>[0]): Promise<ServiceRequest[]> {
  const found: ServiceRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.requests.list({ ...filter, order: 'newest', limit: Math.min(500, MAX_REQUESTS - found.length), ...(cursor ? { cursor } : {}) });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && found.length < MAX_REQUESTS);
  return found;
}
