import type { Member } from '../model/member.js';
import type { ActorRef } from '../model/timeline.js';

/**
 * Who is calling, as the host app has authenticated them. The SDK trusts the host on
 * identity and decides everything else (visibility, permissions) itself.
 *
 * - `member`: a person in the office's directory; their roles come from storage on each call.
 * - `system`: the host acting for the office (imports, 12345 hand-offs, scheduled jobs).
 */
export type Actor =
  | {
      /** A person in the office's directory. */
      kind: 'member';
      /** The office the member acts in. */
      officeId: string;
      /** The member's id in that office. */
      memberId: string;
    }
  | {
      /** The host acting for the office. */
      kind: 'system';
      /** The office the system acts for. */
      officeId: string;
    };

/** An actor with what authorization needs already loaded. */
export interface ResolvedActor {
  /** `member` or `system`, as in the {@link Actor}. */
  kind: 'member' | 'system';
  /** The office the actor acts in. */
  officeId: string;
  /** Null for the system actor. */
  member: Member | null;
  /** Convenience views of the member's roles. */
  roleNames: ReadonlySet<string>;
  /** The parks the member captains. */
  parkIds: ReadonlySet<string>;
  /** The teams the member provides for. */
  teamIds: ReadonlySet<string>;
  /** The enterprises the member is a contact of. */
  enterpriseIds: ReadonlySet<string>;
  /** The portfolios the member owns as a commissioner. */
  portfolios: ReadonlySet<string>;
}

/** Builds the {@link ResolvedActor} for a member (or the system when `member` is null). */
export function resolveActor(officeId: string, member: Member | null): ResolvedActor {
  const roleNames = new Set<string>();
  const parkIds = new Set<string>();
  const teamIds = new Set<string>();
  const enterpriseIds = new Set<string>();
  const portfolios = new Set<string>();
  for (const role of member?.roles ?? []) {
    roleNames.add(role.role);
    if (role.role === 'captain') role.parkIds.forEach((p) => parkIds.add(p));
    if (role.role === 'provider') teamIds.add(role.teamId);
    if (role.role === 'enterprise_contact') enterpriseIds.add(role.enterpriseId);
    if (role.role === 'commissioner') portfolios.add(role.portfolio);
  }
  return { kind: member ? 'member' : 'system', officeId, member, roleNames, parkIds, teamIds, enterpriseIds, portfolios };
}

/** The reference written into timeline entries. */
export function actorRef(actor: ResolvedActor): ActorRef {
  return actor.member ? { kind: 'member', id: actor.member.id } : { kind: 'system', id: null };
}
