/**
 * Which intake channels a member may use. The SDK's default authorization policy lets the
 * roles that see the whole office submit anywhere, and captains submit only in their own
 * parks; providers and enterprise contacts take nothing in at the hall.
 */
import type { HallSession } from '../../session.js';

export const intakeChannels = ['captain_report', 'phone', 'walk_in', 'visit'] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

const STAFF = ['station_head', 'dispatcher', 'office_staff', 'commissioner'] as const;

/** The tabs the member sees, the one to open first. */
export function channelsFor(session: HallSession): IntakeChannel[] {
  const staff = STAFF.some((role) => session.is(role));
  const captain = session.is('captain');
  // A captain's own reports come first: it is the form they open the console for.
  if (captain) return staff ? ['captain_report', 'phone', 'walk_in', 'visit'] : ['captain_report', 'visit', 'phone', 'walk_in'];
  if (staff) return ['phone', 'walk_in', 'visit'];
  return [];
}

/**
 * The parks a member may submit in, or null for every park. Staff roles win over a captain's
 * parks, since the policy lets them submit anywhere.
 */
export function parksAllowed(session: HallSession): string[] | null {
  if (STAFF.some((role) => session.is(role))) return null;
  const parks = new Set<string>();
  for (const role of session.member.roles) if (role.role === 'captain') for (const id of role.parkIds) parks.add(id);
  return [...parks];
}
