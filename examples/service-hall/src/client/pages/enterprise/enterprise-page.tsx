/**
 * 企业服务档案: one enterprise's profile, its life cycle with the community, and every request
 * it filed with how each ended. What a member may see of the requests is the server's call;
 * the screen says so when the list is narrowed, rather than showing an unexplained blank.
 */
import type { Member } from '@kechuang/community';
import { api, type Wire } from '../../api.js';
import { ProblemNote } from '../../components/problem-note.js';
import { listAll } from '../../list-all.js';
import { href } from '../../router.js';
import { useSession, type HallSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useLoad } from '../../use-load.js';
import { EnterpriseContacts, EnterpriseProfile, type ProfileExtras } from './enterprise-profile.js';
import { EnterpriseRequests } from './enterprise-requests.js';
import { EnterpriseSummary } from './enterprise-summary.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import { EnterpriseStatus, industryLabel, sizeLabel } from './enterprise-words.js';
import { lastSearchPath } from './last-search.js';
import type { WireLifecycle } from './lifecycle-events.js';
import { LifecycleTimeline } from './lifecycle-timeline.js';
import { useRequestPages } from './use-request-pages.js';
import './enterprise.css';

export { EnterpriseSearchPage } from './enterprise-search-page.js';

/** The roles that see every request of the office (the SDK's default policy). */
const SEES_ALL = ['station_head', 'dispatcher', 'office_staff', 'commissioner'] as const;

/** The enterprise's registered contacts: members holding its enterprise_contact role. */
async function contactsOf(enterpriseId: string, signal: AbortSignal): Promise<Wire<Member>[]> {
  const members = await listAll<Wire<Member>>('/api/members', signal);
  return members.filter((m) => m.roles.some((r) => r.role === 'enterprise_contact' && r.enterpriseId === enterpriseId));
}

/** A name to show beside the facts; a failure leaves a dash rather than the whole screen. */
function nameOf(path: string, signal: AbortSignal): Promise<string | null> {
  return api<{ name: string }>('GET', path, undefined, { signal }).then(
    (record) => record.name,
    () => null,
  );
}

async function loadEnterprise(id: string, signal: AbortSignal): Promise<{ lifecycle: WireLifecycle; extras: ProfileExtras }> {
  const lifecycle = await api<WireLifecycle>('GET', `/api/enterprises/${encodeURIComponent(id)}/lifecycle`, undefined, { signal });
  const e = lifecycle.enterprise;
  const [buildingName, communityName, contacts] = await Promise.all([
    e.buildingId ? nameOf(`/api/buildings/${encodeURIComponent(e.buildingId)}`, signal) : Promise.resolve(null),
    nameOf(`/api/communities/${encodeURIComponent(e.communityId)}`, signal),
    contactsOf(id, signal).catch(() => []),
  ]);
  return { lifecycle, extras: { buildingName, communityName, contacts } };
}

/** Whether, and why, the member sees only part of the enterprise's requests. */
function accessOf(session: HallSession, enterprise: WireLifecycle['enterprise']): 'all' | 'scoped' | 'other_park' {
  if (SEES_ALL.some((role) => session.is(role))) return 'all';
  const roles = session.member.roles;
  if (roles.some((r) => r.role === 'enterprise_contact' && r.enterpriseId === enterprise.id)) return 'all';
  // A captain sees every request of their parks, and an enterprise's requests carry its park.
  const parks = roles.flatMap((r) => (r.role === 'captain' ? r.parkIds : []));
  if (enterprise.parkId && parks.includes(enterprise.parkId)) return 'all';
  return session.is('captain') ? 'other_park' : 'scoped';
}

export function EnterprisePage({ id }: { id: string }) {
  const t = useEnterpriseTexts();
  const shared = useShared();
  const session = useSession();
  const loaded = useLoad((signal) => loadEnterprise(id, signal), [id]);
  const pages = useRequestPages(id);
  const data = loaded.data?.lifecycle.enterprise.id === id ? loaded.data : undefined;
  const ready = (data !== undefined && pages.loaded) || (loaded.problem !== null && !loaded.loading);
  const back = (
    <a class="ent-back" href={href(lastSearchPath())} data-testid="back-to-search">
      ← {t.profile.back}
    </a>
  );

  if (!data) {
    return (
      <section data-screen="enterprise" data-id={id} data-ready={ready ? 'true' : 'false'} class="ent-profile">
        {back}
        {loaded.problem ? <ProblemNote problem={loaded.problem} onRetry={loaded.problem.status === 404 || loaded.problem.status === 403 ? undefined : loaded.reload} /> : <p class="empty">{shared.common.loading}</p>}
      </section>
    );
  }

  const { lifecycle, extras } = data;
  const e = lifecycle.enterprise;
  const access = accessOf(session, e);
  return (
    <section data-screen="enterprise" data-id={id} data-ready={ready ? 'true' : 'false'} class="ent-profile">
      {back}
      <div class="page-head ent-head">
        <div>
          <h1 data-testid="enterprise-name">{e.name}</h1>
          <p class="ent-head__meta">
            <EnterpriseStatus archived={e.archivedAt !== null} />
            <span class="ent-code">{e.code}</span>
            {e.parkId && session.parkNames.has(e.parkId) ? <span>{session.parkNames.get(e.parkId)}</span> : null}
            {e.industry ? <span>{industryLabel(t, e.industry)}</span> : null}
            {e.size ? <span>{sizeLabel(t, e.size)}</span> : null}
          </p>
        </div>
      </div>
      {access === 'other_park' ? (
        <p class="notice notice--warn ent-access" role="note" data-access="other_park">
          {t.access.otherPark}
        </p>
      ) : access === 'scoped' ? (
        <p class="notice ent-access" role="note" data-access="scoped">
          {t.access.scoped}
        </p>
      ) : null}
      {access === 'other_park' ? (
        // Figures of zero would claim the enterprise filed nothing; it is only hidden from this member.
        <EnterpriseProfile lifecycle={lifecycle} extras={extras} />
      ) : (
        <>
          <EnterpriseSummary lifecycle={lifecycle} />
          <div class="grid-2 ent-grid">
            <EnterpriseProfile lifecycle={lifecycle} extras={extras} />
            <EnterpriseContacts lifecycle={lifecycle} extras={extras} />
          </div>
        </>
      )}
      <LifecycleTimeline lifecycle={lifecycle} restricted={access === 'other_park'} />
      <EnterpriseRequests pages={pages} total={lifecycle.summary.requests} emptyText={access === 'other_park' ? t.requests.restricted : access === 'scoped' ? t.requests.emptyScoped : t.requests.empty} />
    </section>
  );
}
