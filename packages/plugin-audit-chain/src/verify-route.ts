import { KechuangError, isKechuangError, type PluginRoute, type PluginRouteContext, type RoleName } from '@kechuang/community';
import type { AuditChainReader } from './chain-lookup.js';
import type { AuditChainLocale } from './problem-words.js';
import { verifyAuditChain } from './verify-audit-chain.js';

/** Who may check the chain: the station head and the office's staff (and the host itself). */
const MAY_VERIFY: readonly RoleName[] = ['station_head', 'office_staff'];

async function mayVerify({ actor, session }: PluginRouteContext): Promise<boolean> {
  if (actor.kind === 'system') return true;
  try {
    const member = await session.members.get(actor.memberId);
    return member.status !== 'left' && member.roles.some((r) => MAY_VERIFY.includes(r.role));
  } catch (error) {
    // A caller who may not even read their own member record may not verify either.
    if (isKechuangError(error, 'NOT_FOUND') || isKechuangError(error, 'FORBIDDEN')) return false;
    throw error;
  }
}

/** `?locale=zh-CN|en`, else the first language of `Accept-Language`, else English. */
function localeOf(request: Request): AuditChainLocale {
  const asked = new URL(request.url).searchParams.get('locale') ?? request.headers.get('accept-language') ?? '';
  return /^zh\b/i.test(asked.trim()) ? 'zh-CN' : 'en';
}

/**
 * `GET /verify`: checks the caller's office's audit chain and answers 200 with the outcome
 * (`{ ok: true, entries, head }` or `{ ok: false, problem }`), whether or not the chain is
 * intact. Only the station head and office staff may call it (FORBIDDEN otherwise). `storage`
 * is asked for on each call, as the community's adapter is only handed out once setup is over.
 */
export function verifyRoute(storage: () => AuditChainReader): PluginRoute {
  return {
    method: 'GET',
    path: '/verify',
    summary: "Checks the office's audit chain and names the first entry that was altered, deleted, inserted or reordered",
    async handler(request, ctx) {
      if (!(await mayVerify(ctx))) {
        throw new KechuangError('FORBIDDEN', 'Only the station head and office staff may verify the audit chain. Ask one of them, or have your member given the office_staff role.');
      }
      const result = await verifyAuditChain(storage(), { officeId: ctx.actor.officeId, locale: localeOf(request) });
      return Response.json(result, { headers: { 'cache-control': 'no-store' } });
    },
  };
}
