/**
 * Who is signed in and what the office looks like: the member, the office, its config
 * (categories with their attributes, portfolios, teams) and the directory's names, loaded
 * once after sign-in and shared by every screen.
 */
import type { Member, Office, OfficeConfig } from '@kechuang/community';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { api, type Wire } from './api.js';
import { listAll } from './list-all.js';

/** The roles a member may hold, by name. */
export type RoleName = Member['roles'][number]['role'];

export interface DevMember {
  officeId: string;
  memberId: string;
  name: string;
  roles: RoleName[];
}

export interface HallSession {
  member: Wire<Member>;
  office: Wire<Office>;
  config: OfficeConfig;
  /** Every active member's name, by id, for timelines and queues. */
  memberNames: Map<string, string>;
  /** Team names by id, park names by id. */
  teamNames: Map<string, string>;
  parkNames: Map<string, string>;
  /** Whether the member holds a role. */
  is(role: RoleName): boolean;
  /** Signs out and returns to the sign-in screen. */
  signOut(): Promise<void>;
}

export const SessionContext = createContext<HallSession | null>(null);

/** The signed-in session; screens render only inside a signed-in shell. */
export function useSession(): HallSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside the signed-in shell');
  return session;
}

async function allNames(path: string): Promise<Map<string, string>> {
  const items = await listAll<{ id: string; name: string }>(path);
  return new Map(items.map((item) => [item.id, item.name]));
}

/** Loads the session of whoever the cookie names; null when nobody is signed in. */
export async function loadSession(onSignOut: () => void): Promise<HallSession | null> {
  const me = await api<{ member: Wire<Member> | null }>('GET', '/api/me').catch(() => null);
  if (!me?.member) return null;
  const [office, config, memberNames, teamNames, parkNames] = await Promise.all([
    api<Wire<Office>>('GET', '/api/office'),
    api<{ config: OfficeConfig }>('GET', '/api/config').then((r) => r.config),
    allNames('/api/members'),
    allNames('/api/teams'),
    allNames('/api/parks'),
  ]);
  const member = me.member;
  return {
    member,
    office,
    config,
    memberNames,
    teamNames,
    parkNames,
    is: (role) => member.roles.some((r) => r.role === role),
    async signOut() {
      await fetch('/dev/sign-out', { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
      onSignOut();
    },
  };
}
