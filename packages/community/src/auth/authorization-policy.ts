import type { Member } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';
import type { JsonValue, Where, WhereCondition } from '../storage/types.js';
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
 * What of one directory model an actor may read. An empty object (`{}`) is everything, as
 * stored. The conditions are pushed down to storage, so list pages stay full and cursors
 * stay sound; a record the actor may not read is NOT_FOUND by id, null by code and left out
 * of lists.
 *
 * @example
 * ```ts
 * // Only the actor's own enterprises:
 * const ownEnterprises: DirectoryAccess = { anyOf: [{ field: 'id', op: 'in', value: ['ent-1'] }] };
 * // Staff by name only: every member but the actor shows no mobile, e-mail or contacts.
 * const namesOnly: DirectoryAccess = {
 *   alsoMembers: (member) => member.roles.some((r) => r.role !== 'enterprise_contact'),
 *   withheld: { mobile: null, email: null, contacts: [] },
 * };
 * ```
 */
export interface DirectoryAccess {
  /**
   * Only records matching any one of these conditions (or accepted by `alsoMembers`) are
   * readable. With neither this nor `alsoMembers`, every record of the office is; an empty
   * list without `alsoMembers` matches nothing.
   */
  anyOf?: WhereCondition[];
  /**
   * Members only (it matches nothing on other models): the members this returns true for are
   * readable too. Roles are stored as JSON, which storage cannot filter on, so the SDK tests
   * each of the office's members (cached until the directory changes) and pushes their ids
   * down.
   */
  alsoMembers?: (member: Member) => boolean;
  /**
   * Fields shown with these values instead of the stored ones, on every record read except
   * the actor's own member record, e.g. `{ mobile: null }`. Lists cannot be filtered by them.
   */
  withheld?: Readonly<Record<string, JsonValue>>;
}

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
  /**
   * What of `model` the actor may read through the session and the server: get, findByCode,
   * list and the enterprise life-cycle view. Not asked for `office` (an actor always reads
   * their own office), nor for the SDK's own reads (routing, notifications, SLA, plugins'
   * storage). Absent: everything, as stored.
   */
  directoryAccess?(actor: ResolvedActor, model: DirectoryModel): DirectoryAccess;
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
 * - anyone sees what they submitted or lead;
 * - a member whose only role is enterprise contact reads only their own enterprises, and of
 *   the members only themselves in full, plus the office's staff and their enterprise's other
 *   contacts without mobile, e-mail or contacts; everyone else reads the whole directory.
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

  directoryAccess(actor, model) {
    // Any role besides enterprise contact makes the member part of the office's own staff.
    if (actor.kind === 'system' || [...actor.roleNames].some((r) => r !== 'enterprise_contact')) return {};
    const ours = actor.enterpriseIds;
    if (model === 'enterprise') return { anyOf: [{ field: 'id', op: 'in', value: [...ours] }] };
    if (model !== 'member') return {};
    return {
      // Staff stay readable by name, so screens can say who handles a request.
      alsoMembers: (m) => m.id === actor.member?.id || m.roles.some((r) => r.role !== 'enterprise_contact' || ours.has(r.enterpriseId)),
      withheld: { mobile: null, email: null, contacts: [] },
    };
  },
};

/** Turns a scope into where-clauses (an empty anyOf matches nothing). */
export function scopeToWhere(scope: RequestScope): Where {
  if (scope.all) return [];
  if (scope.anyOf.length === 0) return [{ field: 'id', op: 'in', value: [] }];
  return [{ or: scope.anyOf }];
}
