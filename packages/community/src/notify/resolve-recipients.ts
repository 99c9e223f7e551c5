import type { NotifyRecipient } from '../config/config-schema.js';
import type { Member, MemberRole } from '../model/member.js';
import type { ServiceRequest } from '../model/request.js';

/** What recipient rules are resolved against: the request after and before the change. */
export interface RecipientContext {
  request: ServiceRequest;
  /** Null for a submission. */
  previous: ServiceRequest | null;
  /** The roles of the next level: an escalation step's, or the station head for a supervision. */
  nextLevelRoles: readonly string[];
}

/** A member to tell, or a channel to post to with no member (a webhook, a group robot). */
export type Recipient = { kind: 'member'; member: Member } | { kind: 'channel'; channel: string };

/** The office's members, indexed as recipient rules look them up. */
export interface MemberIndex {
  all: readonly Member[];
  byId: ReadonlyMap<string, Member>;
  byCode: ReadonlyMap<string, Member>;
}

export function indexMembers(members: readonly Member[]): MemberIndex {
  return { all: members, byId: new Map(members.map((m) => [m.id, m])), byCode: new Map(members.map((m) => [m.code, m])) };
}

const hasRole = (member: Member, test: (role: MemberRole) => boolean): boolean => member.roles.some(test);

/** The members one recipient spec names (before anyone is left out). */
function membersFor(spec: Exclude<NotifyRecipient, { channel: string }>, ctx: RecipientContext, index: MemberIndex): Member[] {
  const { request, previous } = ctx;
  const byIds = (ids: readonly (string | null | undefined)[]): Member[] => ids.flatMap((id) => (id ? [index.byId.get(id)].filter((m): m is Member => m !== undefined) : []));
  const withRole = (test: (role: MemberRole) => boolean): Member[] => index.all.filter((m) => hasRole(m, test));
  if (typeof spec === 'object') {
    if ('role' in spec) return withRole((r) => r.role === spec.role);
    const member = index.byId.get(spec.member) ?? index.byCode.get(spec.member);
    return member ? [member] : [];
  }
  switch (spec) {
    case 'assignee':
      // A returned request waits on the dispatcher, not on the member who gave it back: until it
      // is dispatched again, reminders and escalations for its lead go to the dispatcher.
      return request.status === 'returned' ? withRole((r) => r.role === 'dispatcher' || r.role === 'station_head') : byIds([request.assigneeId]);
    case 'previous_assignee':
      return previous && previous.assigneeId !== request.assigneeId ? byIds([previous.assigneeId]) : [];
    case 'watchers':
      return byIds(request.watchers);
    case 'assisting': {
      const teams = new Set(request.assists.flatMap((a) => (a.teamId ? [a.teamId] : [])));
      return [...byIds(request.assists.map((a) => a.memberId)), ...withRole((r) => r.role === 'provider' && teams.has(r.teamId))];
    }
    case 'dispatcher':
      return withRole((r) => r.role === 'dispatcher' || r.role === 'station_head');
    case 'next_level':
      return withRole((r) => ctx.nextLevelRoles.includes(r.role));
    case 'enterprise_contact':
      return request.enterpriseId === null ? [] : withRole((r) => r.role === 'enterprise_contact' && r.enterpriseId === request.enterpriseId);
    case 'captain':
      return request.parkId === null ? [] : withRole((r) => r.role === 'captain' && r.parkIds.includes(request.parkId ?? ''));
    case 'submitter':
      return byIds([request.submittedById]);
    default:
      // A rule from plain JavaScript may name a kind that does not exist: it names nobody.
      return [];
  }
}

/**
 * The recipients the specs name, each once, in the order first named. Members who have left or
 * are archived are left out, and so is `exclude` (the member who made the change: nobody is
 * told of what they did themselves).
 */
export function resolveRecipients(specs: readonly NotifyRecipient[], ctx: RecipientContext, index: MemberIndex, exclude: string | null): Recipient[] {
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const spec of specs) {
    if (typeof spec === 'object' && 'channel' in spec) {
      const key = `channel:${spec.channel}`;
      if (!seen.has(key)) out.push({ kind: 'channel', channel: spec.channel });
      seen.add(key);
      continue;
    }
    for (const member of membersFor(spec, ctx, index)) {
      if (seen.has(member.id) || member.id === exclude || member.status === 'left' || member.archivedAt !== null) continue;
      seen.add(member.id);
      out.push({ kind: 'member', member });
    }
  }
  return out;
}
