import { Hono } from 'hono';
import { isKechuangError, type Actor, type AnyCommunity, type Member } from '@kechuang/community';
import type { ActorResolver } from './actor-resolver.js';

/** Options of {@link devSignIn}. */
export interface DevSignInOptions {
  /** The community whose members may be picked. */
  community: AnyCommunity;
  /** The offices whose members may be picked (usually the demo office). */
  officeIds: readonly string[];
  /** Checked for `production`, in which case devSignIn refuses. @default process.env.NODE_ENV */
  environment?: string | undefined;
}

/** The development sign-in: a resolver and the `/dev` routes to pick a member. */
export interface DevSignIn {
  /** Resolves the signed-in member from the dev cookie or header; pass it as `resolveActor`. */
  resolve: ActorResolver;
  /** `GET /members`, `POST /sign-in`, `POST /sign-out`; mounted at `/dev` by `createServer`. */
  routes: Hono;
}

const COOKIE = 'kechuang_dev';
const HEADER = 'x-kechuang-dev-member';

/**
 * **For development and demos only.** Anyone can sign in as any member of the given offices by
 * picking them from a list: there is no password. It refuses to start when `NODE_ENV` is
 * `production`. The choice is kept in an HMAC-signed cookie (the key is random per process,
 * so a restart signs everyone out), or sent per request as `X-Kechuang-Dev-Member:
 * <officeId>/<memberId>` from scripts.
 *
 * @example
 * ```ts
 * const dev = devSignIn({ community, officeIds: [office.id] });
 * const server = createServer({ community, resolveActor: dev.resolve, devSignIn: dev });
 * // POST /dev/sign-in {"officeId": "…", "memberId": "…"}
 * ```
 */
export function devSignIn(options: DevSignInOptions): DevSignIn {
  const environment = 'environment' in options ? options.environment : globalThis.process?.env?.['NODE_ENV'];
  if (environment === 'production') {
    throw new Error(
      'The development sign-in lets anyone act as any member, so it refuses to run with NODE_ENV=production. ' +
        'Give createServer a resolveActor that checks real credentials instead.',
    );
  }
  const { community } = options;
  const offices = new Set(options.officeIds);
  const secret = globalThis.crypto.getRandomValues(new Uint8Array(32));
  const keyPromise = globalThis.crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

  const sign = async (value: string): Promise<string> => {
    const mac = await globalThis.crypto.subtle.sign('HMAC', await keyPromise, new TextEncoder().encode(value));
    return `${value}.${btoa(String.fromCharCode(...new Uint8Array(mac))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`;
  };
  const activeMember = async (officeId: string, memberId: string): Promise<Member | null> => {
    if (!offices.has(officeId)) return null;
    try {
      const member = await community.as({ kind: 'system', officeId }).members.get(memberId);
      return member.status === 'active' ? member : null;
    } catch (error) {
      if (isKechuangError(error, 'NOT_FOUND')) return null;
      throw error;
    }
  };
  const actorFrom = async (pair: string | null | undefined): Promise<Actor | null> => {
    const [officeId, memberId] = (pair ?? '').split('/');
    if (!officeId || !memberId) return null;
    return (await activeMember(officeId, memberId)) ? { kind: 'member', officeId, memberId } : null;
  };

  const resolve: ActorResolver = async (request) => {
    const header = request.headers.get(HEADER);
    if (header) return actorFrom(header);
    const cookie = readCookie(request.headers.get('cookie'), COOKIE);
    if (!cookie) return null;
    const value = cookie.slice(0, cookie.lastIndexOf('.'));
    if ((await sign(value)) !== cookie) return null;
    return actorFrom(value);
  };

  const routes = new Hono();
  routes.get('/members', async (c) => {
    const list = [];
    for (const officeId of offices) {
      const system = community.as({ kind: 'system', officeId });
      let cursor: string | undefined;
      do {
        const page = await system.members.list({ limit: 500, ...(cursor ? { cursor } : {}) });
        for (const m of page.items) if (m.status === 'active') list.push({ officeId, memberId: m.id, name: m.name, roles: m.roles.map((r) => r.role) });
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    }
    return c.json({ warning: 'Development sign-in: no passwords. Never expose this server publicly.', members: list });
  });
  routes.post('/sign-in', async (c) => {
    const body = (await c.req.json().catch(() => null)) as { officeId?: unknown; memberId?: unknown } | null;
    const officeId = typeof body?.officeId === 'string' ? body.officeId : '';
    const memberId = typeof body?.memberId === 'string' ? body.memberId : '';
    const member = officeId && memberId ? await activeMember(officeId, memberId) : null;
    if (!member) {
      return c.json(
        { type: 'urn:kechuang:problem:validation-failed', title: 'The input is not valid', status: 400, code: 'VALIDATION_FAILED', instance: c.req.path, detail: 'Pick an active member from GET /dev/members and send {"officeId", "memberId"}.' },
        400,
        { 'content-type': 'application/problem+json' },
      );
    }
    const value = await sign(`${officeId}/${memberId}`);
    c.header('set-cookie', `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax`);
    return c.json({ officeId, memberId, name: member.name, roles: member.roles.map((r) => r.role) });
  });
  routes.post('/sign-out', (c) => {
    c.header('set-cookie', `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return c.body(null, 204);
  });
  return { resolve, routes };
}

function readCookie(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}
