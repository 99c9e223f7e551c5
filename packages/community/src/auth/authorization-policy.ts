import type { ServiceRequest } from '../model/request.js';
import type { Where, WhereCondition } from '../storage/types.js';
import type { WorkflowRole } from '../workflow/workflow-definition.js';
import type { ResolvedActor } from './actor.js';

/** What a list query may see: everything in the office, or rows matching any of the conditions. */
export type RequestScope =
  | {
      /** The actor sees every request in the office. */
      all: true;
    }
  | {
      /** The actor sees only some requests. */
      all: false;
      /** The requests the actor sees: those matching any one of these conditions. */
      anyOf: WhereCondition[];
    };

/** Directory models a policy is asked about. */
export type DirectoryModel = 'office' | 'community' | 'park' | 'building' | 'enterprise' | 'team' | 'member';

/**
 * Decides who sees and does what. Replace it (or spread the default and override a method)
 * to fit an office's rules; tenant isolation is not part of the policy and cannot be turned off.
 *
 * @example
 * ```ts
 * const community = createCommunity({
 *   storage,
 *   authorization: { ...defaultAuthorizationPolicy, canManageDirectory: (actor) => actor.kind === 'system' },
 * });
 * ```
 */
export interface AuthorizationPolicy {
  /** The roles `actor` holds relative to `request`, for matching workflow transitions. */
  rolesFor(actor: ResolvedActor, request: ServiceRequest): Set<WorkflowRole>;
  /** Whether `actor` may see `request` at all (invisible requests are NOT_FOUND). */
  canSee(actor: ResolvedActor, request: ServiceRequest, partyIds: ReadonlySet<string>): boolean;
  /** The list filter for `actor`; `partyRequestIds` are requests the actor or their team assist on. */
  scope(actor: ResolvedActor, partyRequestIds: readonly string[]): RequestScope;
  /** Whether `actor` may submit a request with these park/enterprise fields; a string says why not. */
  canSubmit(actor: ResolvedActor, target: { parkId: string | null; enterpriseId: string | null }): true | string;
  /** Whether `actor` may create, update or archive records of `model`. */
  canManageDirectory(actor: ResolvedActor, model: DirectoryModel): boolean;
}

const SEE_ALL = ['station_head', 'dispatcher', 'office_staff', 'commissioner'];
const DIRECTORY_ADMINS = ['station_head', 'office_staff'];

function seesAll(actor: ResolvedActor): boolean {
  return actor.kind === 'system' || SEE_ALL.some((r) => actor.roleNames.has(r));
}

/**
 * The default policy:
 * - the system actor, station heads, dispatchers, office staff and commissioners see every
 *   request in their office;
 * - captains see requests in their parks and those they submitted;
 * - providers see what is assigned to them or their team, or what they assist on;
 * - enterprise contacts see their own enterprise's requests;
 * - anyone sees what they submitted or lead.
 */
export const defaultAuthorizationPolicy: AuthorizationPolicy = {
  rolesFor(actor, request) {
    const roles = new Set<WorkflowRole>();
    if (actor.kind === 'system') roles.add('system');
    for (const name of actor.roleNames) roles.add(name as WorkflowRole);
    const me = actor.member?.id;
    if (me !== undefined) {
      if (request.assigneeId === me) roles.add('assignee');
      if (request.submittedById === me) roles.add('submitter');
      if (request.assists.some((a) => a.memberId === me || (a.teamId !== null && actor.teamIds.has(a.teamId)))) {
        roles.add('assisting');
      }
    }
    if (request.parkId !== null && actor.parkIds.has(request.parkId)) roles.add('park_captain');
    if (request.enterpriseId !== null && actor.enterpriseIds.has(request.enterpriseId)) roles.add('own_enterprise');
    return roles;
  },

  canSee(actor, request, partyIds) {
    if (seesAll(actor)) return true;
    const me = actor.member?.id;
    if (me !== undefined && (request.assigneeId === me || request.submittedById === me)) return true;
    if (request.parkId !== null && actor.parkIds.has(request.parkId)) return true;
    if (request.assigneeTeamId !== null && actor.teamIds.has(request.assigneeTeamId)) return true;
    if (request.enterpriseId !== null && actor.enterpriseIds.has(request.enterpriseId)) return true;
    if (me !== undefined && partyIds.has(me)) return true;
    for (const team of actor.teamIds) if (partyIds.has(team)) return true;
    return false;
  },

  scope(actor, partyRequestIds) {
    if (seesAll(actor)) return { all: true };
    const anyOf: WhereCondition[] = [];
    const me = actor.member?.id;
    if (me !== undefined) {
      anyOf.push({ field: 'assigneeId', value: me }, { field: 'submittedById', value: me });
    }
    if (actor.parkIds.size > 0) anyOf.push({ field: 'parkId', op: 'in', value: [...actor.parkIds] });
    if (actor.teamIds.size > 0) anyOf.push({ field: 'assigneeTeamId', op: 'in', value: [...actor.teamIds] });
    if (actor.enterpriseIds.size > 0) anyOf.push({ field: 'enterpriseId', op: 'in', value: [...actor.enterpriseIds] });
    if (partyRequestIds.length > 0) anyOf.push({ field: 'id', op: 'in', value: [...partyRequestIds] });
    return { all: false, anyOf };
  },

  canSubmit(actor, target) {
    if (seesAll(actor)) return true;
    if (actor.roleNames.has('captain') && target.parkId !== null && actor.parkIds.has(target.parkId)) return true;
    if (actor.roleNames.has('enterprise_contact') && target.enterpriseId !== null && actor.enterpriseIds.has(target.enterpriseId)) {
      return true;
    }
    if (actor.roleNames.has('captain')) return 'Captains may submit only for enterprises in the parks they captain; set parkId to one of your parks.';
    if (actor.roleNames.has('enterprise_contact')) return 'Enterprise contacts may submit only for their own enterprise; set enterpriseId to it.';
    return 'Your roles do not allow submitting requests; ask the service station to record it for you.';
  },

  canManageDirectory(actor) {
    return actor.kind === 'system' || DIRECTORY_ADMINS.some((r) => actor.roleNames.has(r));
  },
};

/** Turns a scope into where-clauses (an empty anyOf matches nothing). */
export function scopeToWhere(scope: RequestScope): Where {
  if (scope.all) return [];
  if (scope.anyOf.length === 0) return [{ field: 'id', op: 'in', value: [] }];
  return [{ or: scope.anyOf }];
}
