import { KechuangError } from '../../errors/kechuang-error.js';
import type { Member } from '../../model/member.js';
import type { Team } from '../../model/team.js';
import type { Snapshot } from './command-definition.js';

function invalid(path: string, message: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `Invalid ${path}: ${message}`, {
    issues: [{ path: [path], message, code: 'invalid_reference' }],
  });
}

/** The member `id` refers to, who must be able to take work (not left, not archived). */
export function requireActiveMember(snapshot: Snapshot, id: string, path: string): Member {
  const member = snapshot.members.get(id);
  if (!member) throw invalid(path, `no member '${id}' in your office. Use the id of an existing member.`);
  if (member.archivedAt !== null || member.status === 'left') {
    throw invalid(path, `member '${member.name}' has left or is archived and cannot take requests. Choose someone else.`);
  }
  return member;
}

/** The team `id` refers to, which must not be archived. */
export function requireTeam(snapshot: Snapshot, id: string, path: string): Team {
  const team = snapshot.teams.get(id);
  if (!team) throw invalid(path, `no team '${id}' in your office. Use the id of an existing team.`);
  if (team.archivedAt !== null) throw invalid(path, `team '${team.name}' is archived. Choose another team.`);
  return team;
}

/** Checks that `member` belongs to `team` (as a provider). */
export function requireTeamMember(member: Member, team: Team, path: string): void {
  if (!member.roles.some((r) => r.role === 'provider' && r.teamId === team.id)) {
    throw invalid(path, `member '${member.name}' is not a provider in team '${team.name}'. Add the role first or leave teamId out.`);
  }
}

export { invalid as invalidReference };
