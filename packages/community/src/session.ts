import type { z } from 'zod';
import type { Actor } from './auth/actor.js';
import { buildingSpec, communitySpec, enterpriseSpec, memberSpec, parkSpec, teamSpec } from './commands/directory/directory-specs.js';
import { directoryService, type DirectoryApi } from './commands/directory/directory-service.js';
import { ownOfficeApi, type OwnOfficeApi } from './commands/directory/office-service.js';
import { configApi, routingApi, type ConfigApi, type RoutingApi } from './commands/config/config-service.js';
import { canSeeVisit } from './commands/visit/visit-visibility.js';
import type { RecordedVisit, RecordVisitInput } from './commands/visit/record-visit.js';
import { lazy } from './internal/lazy.js';

// Submitting (and recording a visit, which submits) loads on first use, like the other request commands.
const visits = lazy(() => import('./commands/visit/record-visit.js'));
// So do dead letters, which only an administrator's screen asks for.
const notifications = lazy(() => import('./notify/notifications-api.js'));
import type { NotificationsApi } from './notify/notifications-api.js';
import type { TimersApi } from './timers/failed-timers.js';
// Metrics and reports load when first asked for.
const metrics = lazy(() => import('./metrics/query-metrics.js'));
import type { MetricsApi } from './metrics/metrics-api.js';
const reports = lazy(() => import('./reports/monthly-report.js'));
import type { ReportsApi } from './reports/reports-api.js';
import { decodeCursor, encodeCursor, pageSize } from './queries/cursor.js';

import type { Building, createBuildingInput, updateBuildingInput } from './model/building.js';
import type { Community, createCommunityInput, updateCommunityInput } from './model/community-unit.js';
import type { Enterprise, createEnterpriseInput, updateEnterpriseInput } from './model/enterprise.js';
import type { Member, createMemberInput, updateMemberInput } from './model/member.js';
import type { Park, createParkInput, updateParkInput } from './model/park.js';
import type { Team, createTeamInput, updateTeamInput } from './model/team.js';
import { notFound } from './pipeline/load-request.js';
import { loadActor, type Runtime } from './pipeline/runtime.js';
import { enterpriseLifecycle, type EnterpriseLifecycle } from './queries/enterprise-lifecycle.js';
import { requestsApi, type RequestsApi } from './requests-api.js';
import { assistedRequestIds } from './queries/request-queries.js';
import { scopeToWhere } from './auth/authorization-policy.js';
import { configInForce } from './pipeline/office-config.js';
import { parseInput } from './errors/validation.js';
import { aggregateRows } from './storage/aggregate-rows.js';
import { rowToRecord } from './storage/records.js';
import type { Visit } from './model/visit.js';
import type { ServiceRequest } from './model/request.js';
import type { WithPluginFields } from './plugins/plugin-types.js';
import type { RequestsApiOf } from './plugins/requests-with-fields.js';

type Api<T, C extends z.ZodType, U extends z.ZodType> = DirectoryApi<T, z.input<C>, z.input<U>>;

/** Enterprises (`E`: with the fields plugins add), plus their life-cycle view. */
export interface EnterprisesApi<E extends Enterprise = Enterprise> extends Api<E, typeof createEnterpriseInput, typeof updateEnterpriseInput> {
  /** All the enterprise's requests (that you may see), visits and outcomes. */
  lifecycle(enterpriseId: string): Promise<EnterpriseLifecycle>;
}

/** Visits (走访). */
export interface VisitsApi {
  /** Records a visit and every request raised during it, atomically. */
  record(input: RecordVisitInput): Promise<RecordedVisit>;
  /** A visit in the office, or NOT_FOUND. */
  get(id: string): Promise<Visit>;
}

/**
 * The SDK as one actor sees it. Get one from {@link Community.as}; it is cheap, so make one
 * per HTTP request. Every call checks the actor's current roles in storage.
 *
 * `Fields` is what the community's plugins add, by model (inferred by `createCommunity`):
 * requests, enterprises and the other extended records read with those fields typed, e.g.
 * `(await session.requests.get(id)).request.auditChainHead`. Without plugins it adds nothing.
 *
 * @example
 * ```ts
 * const session = community.as({ kind: 'member', officeId, memberId });
 * const page = await session.requests.list({ status: ['assigned', 'accepted'] });
 * ```
 */
export interface CommunitySession<Fields = Record<never, never>> {
  /** Who the session acts as. */
  readonly actor: Actor;
  /** The actor's own office: read it, rename it or change its time zone. */
  office: OwnOfficeApi;
  /** Communities (社区) in the office. */
  communities: Api<WithPluginFields<Community, Fields, 'community'>, typeof createCommunityInput, typeof updateCommunityInput>;
  /** Parks (园区) and factory areas (厂区). */
  parks: Api<WithPluginFields<Park, Fields, 'park'>, typeof createParkInput, typeof updateParkInput>;
  /** Buildings (楼宇) in the parks. */
  buildings: Api<Building, typeof createBuildingInput, typeof updateBuildingInput>;
  /** Enterprises (企业), with each one's life-cycle view. */
  enterprises: EnterprisesApi<WithPluginFields<Enterprise, Fields, 'enterprise'>>;
  /** Teams of providers, e.g. the legal service station. */
  teams: Api<WithPluginFields<Team, Fields, 'team'>, typeof createTeamInput, typeof updateTeamInput>;
  /** Members: staff, captains, providers and enterprise contacts. */
  members: Api<WithPluginFields<Member, Fields, 'member'>, typeof createMemberInput, typeof updateMemberInput>;
  /** Enterprise requests (诉求): submit, list, read and move them through the workflow. */
  requests: Fields extends {
    /** The fields plugins add to requests. */
    readonly request: infer F;
  }
    ? RequestsApiOf<ServiceRequest & F>
    : RequestsApi;
  /** Visits (走访) and the requests recorded on them. */
  visits: VisitsApi;
  /** The office's config (portfolios, categories, routing rules), versioned. */
  config: ConfigApi;
  /** Explains routing decisions without writing anything. */
  routing: RoutingApi;
  /** Notifications that could not be delivered (dead letters), and their re-delivery. */
  notifications: NotificationsApi;
  /** Timers that failed for good, and firing them again: the timers' dead letters. */
  timers: TimersApi;
  /** The three rates, counts and durations of a period, over the requests you may see. */
  metrics: MetricsApi;
  /** The monthly report (ranking by unit, headline, charts) as JSON, CSV, Markdown or printable HTML. */
  reports: ReportsApi;
}

// The dead-letter module gets these from here instead of importing them: a lazy chunk that
// imports part of a shared chunk splits it, and every extra chunk costs the start bundle more
// than the few bytes passed.
const notificationHelpers = { loadActor, notFound, decodeCursor, encodeCursor, pageSize };
const metricsHelpers = { loadActor, assistedRequestIds, scopeToWhere, configInForce, parseInput, aggregateRows };

/**
 * Builds the session. `Fields` only types what it reads: the records carry the plugins'
 * fields because storage returns whole rows.
 */
export function createSession<Fields = Record<never, never>>(runtime: Runtime, actor: Actor): CommunitySession<Fields> {
  const session: CommunitySession = {
    actor,
    office: ownOfficeApi(runtime, actor),
    communities: directoryService(runtime, actor, communitySpec),
    parks: directoryService(runtime, actor, parkSpec),
    buildings: directoryService(runtime, actor, buildingSpec),
    enterprises: {
      ...directoryService(runtime, actor, enterpriseSpec),
      lifecycle: (enterpriseId) => enterpriseLifecycle(runtime, actor, enterpriseId, runtime.workflow.terminal),
    },
    teams: directoryService(runtime, actor, teamSpec),
    members: directoryService(runtime, actor, memberSpec),
    requests: requestsApi(runtime, actor),
    config: configApi(runtime, actor),
    routing: routingApi(runtime, actor),
    notifications: {
      deadLetters: async (input) => (await notifications()).deadLetters(runtime, actor, input ?? {}, notificationHelpers),
      redeliver: async (input) => (await notifications()).redeliver(runtime, actor, input, notificationHelpers),
    },
    timers: {
      failed: async (input) => (await notifications()).failedTimers(runtime, actor, input ?? {}, notificationHelpers),
      retry: async (input) => (await notifications()).retryTimer(runtime, actor, input, notificationHelpers),
    },
    metrics: {
      query: async (input) => (await metrics()).queryMetrics(runtime, actor, input, metricsHelpers),
    },
    reports: {
      // Through the session's own APIs, so a report shows exactly what the actor may see.
      monthly: async (input) => (await reports()).monthlyReport(session, runtime.clock, input, metricsHelpers),
    },
    visits: {
      record: async (input) => (await visits()).recordVisit(runtime, actor, input),
      async get(id) {
        const resolved = await loadActor(runtime, actor, 'read');
        const row = await runtime.storage.findOne({ model: 'visit', where: [{ field: 'officeId', value: resolved.officeId }, { field: 'id', value: id }] });
        const visit = row ? rowToRecord<Visit>(row) : null;
        if (!visit || !(await canSeeVisit(runtime, resolved, visit))) throw notFound('visit', id);
        return visit;
      },
    },
  };
  // The plugins' fields are declared statically, so only the types learn of them here.
  return session as CommunitySession<Fields>;
}
