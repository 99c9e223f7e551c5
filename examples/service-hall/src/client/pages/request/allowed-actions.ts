/**
 * Which commands the signed-in member may take on a request now. It mirrors the default
 * workflow (packages/community/src/workflow/default-workflow.ts) and the request-relative
 * roles of the default authorization policy, so that the screen offers only buttons that can
 * work; the server still judges every command and its refusal is shown as it says.
 */
import type { OfficeConfig } from '@kechuang/community';
import type { HallSession } from '../../session.js';
import type { Req } from './request-data.js';

export const actionNames = [
  'accept',
  'start',
  'reply',
  'note',
  'pause',
  'resume',
  'return',
  'request_extension',
  'sign_assist',
  'contribute',
  'add_assist',
  'follow_up',
  'close',
  'assign',
  'redispatch',
  'overrule_return',
  'reassign',
  'decide_extension',
  'supervise',
  'withdraw',
] as const;
export type ActionName = (typeof actionNames)[number];

type Role = string;

const DISPATCH: readonly Role[] = ['station_head', 'dispatcher', 'office_staff'];
const FOLLOW_UP: readonly Role[] = [...DISPATCH, 'commissioner'];
const OPEN = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'returned'];
const WORKING = ['assigned', 'accepted', 'in_progress', 'paused'];
const HANDLING = ['accepted', 'in_progress', 'paused'];

const TRANSITIONS: Record<ActionName, { from: readonly string[]; roles: readonly Role[] }> = {
  assign: { from: ['submitted'], roles: DISPATCH },
  reassign: { from: WORKING, roles: DISPATCH },
  accept: { from: ['assigned'], roles: ['assignee'] },
  return: { from: ['assigned', 'accepted'], roles: ['assignee'] },
  redispatch: { from: ['returned'], roles: ['station_head', 'dispatcher'] },
  overrule_return: { from: ['returned'], roles: ['station_head', 'dispatcher'] },
  start: { from: ['accepted'], roles: ['assignee'] },
  pause: { from: ['in_progress'], roles: ['assignee'] },
  resume: { from: ['paused'], roles: ['assignee'] },
  reply: { from: ['accepted', 'in_progress'], roles: ['assignee'] },
  follow_up: { from: ['replied'], roles: FOLLOW_UP },
  close: { from: ['replied'], roles: DISPATCH },
  withdraw: { from: OPEN, roles: ['submitter', 'own_enterprise', 'station_head', 'dispatcher'] },
  add_assist: { from: WORKING, roles: [...DISPATCH, 'assignee'] },
  request_extension: { from: HANDLING, roles: ['assignee'] },
  decide_extension: { from: WORKING, roles: DISPATCH },
  supervise: { from: [...OPEN, 'replied'], roles: ['station_head', 'office_staff'] },
  sign_assist: { from: WORKING, roles: ['assisting'] },
  contribute: { from: HANDLING, roles: ['assisting'] },
  note: { from: [...OPEN, 'replied'], roles: ['assignee', 'assisting', 'station_head', 'dispatcher', 'office_staff', 'commissioner', 'park_captain'] },
};

/** The URL segment of each command: `/api/requests/{id}/<segment>`. */
export function segmentOf(action: ActionName): string {
  return action.replaceAll('_', '-');
}

/** Commands that need no input beyond the request: one click sends them. */
export const oneClick: ReadonlySet<ActionName> = new Set(['accept', 'start', 'sign_assist', 'resume']);

/** The member's roles on this request: their own, plus those relative to the request. */
export function rolesOn(request: Req, member: HallSession['member']): Set<Role> {
  const roles = new Set<Role>(member.roles.map((r) => r.role));
  const teamIds = new Set(member.roles.flatMap((r) => (r.role === 'provider' ? [r.teamId] : [])));
  const parkIds = new Set(member.roles.flatMap((r) => (r.role === 'captain' ? r.parkIds : [])));
  const enterpriseIds = new Set(member.roles.flatMap((r) => (r.role === 'enterprise_contact' ? [r.enterpriseId] : [])));
  if (request.assigneeId === member.id) roles.add('assignee');
  if (request.submittedById === member.id) roles.add('submitter');
  if (myAssistIndex(request, member) >= 0) roles.add('assisting');
  if (request.parkId !== null && parkIds.has(request.parkId)) roles.add('park_captain');
  if (request.enterpriseId !== null && enterpriseIds.has(request.enterpriseId)) roles.add('own_enterprise');
  return roles;
}

/** The assisting unit the member answers for (their own, else one of their teams'), or -1. */
export function myAssistIndex(request: Req, member: HallSession['member']): number {
  const own = request.assists.findIndex((a) => a.memberId === member.id);
  if (own >= 0) return own;
  const teamIds = new Set(member.roles.flatMap((r) => (r.role === 'provider' ? [r.teamId] : [])));
  return request.assists.findIndex((a) => a.teamId !== null && teamIds.has(a.teamId));
}

/** Whether the command also passes the checks its own decision makes (so it is worth offering). */
function fits(action: ActionName, request: Req, member: HallSession['member'], config: OfficeConfig, roles: Set<Role>, now: number): boolean {
  const unit = request.assists[myAssistIndex(request, member)];
  const policy = config.slaPolicies.find((p) => p.id === request.slaPolicy);
  switch (action) {
    case 'sign_assist':
      return unit?.status === 'pending';
    case 'contribute':
      return unit !== undefined && unit.status !== 'pending';
    case 'request_extension':
      return policy?.extension !== undefined && request.extension?.status !== 'requested' && request.resolveDueAt !== null && Date.parse(request.resolveDueAt) > now;
    case 'decide_extension':
      return request.extension?.status === 'requested' && (policy?.extension?.approvers ?? ['station_head']).some((role) => roles.has(role));
    case 'overrule_return':
      return request.assigneeId !== null;
    default:
      return true;
  }
}

/** The commands the member may take on the request now, in the order the screen offers them. */
export function allowedActions(request: Req, session: Pick<HallSession, 'member' | 'config'>, now: number = Date.now()): ActionName[] {
  const roles = rolesOn(request, session.member);
  return actionNames.filter((action) => {
    const transition = TRANSITIONS[action];
    if (!transition.from.includes(request.status)) return false;
    if (!transition.roles.some((role) => roles.has(role))) return false;
    return fits(action, request, session.member, session.config, roles, now);
  });
}
