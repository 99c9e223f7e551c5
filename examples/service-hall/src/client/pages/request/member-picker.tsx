/**
 * A select of the people who can take a request: commissioners, specialists with their team,
 * the station's staff and the captains of the request's park; with `teams`, the teams too
 * (for assisting units). Values: `memberId@teamId` for a specialist (so the team is recorded
 * with the assignment), `memberId` otherwise; with `prefixed`, `member:<id>` and `team:<id>`.
 */
import type { Member } from '@kechuang/community';
import type { JSX } from 'preact';
import type { Wire } from '../../api.js';
import { listAll } from '../../list-all.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../use-load.js';
import { useActionTexts } from './action-texts.js';

type Person = Wire<Member>;

async function everyMember(signal: AbortSignal): Promise<Person[]> {
  const all = await listAll<Person>('/api/members', signal);
  return all.filter((m) => m.status !== 'left' && m.archivedAt === null);
}

export interface MemberPickerProps {
  id: string;
  value: string;
  onChange(value: string): void;
  /** The park whose captains may be chosen. */
  parkId: string | null;
  /** Members not to offer (e.g. the current handler). */
  exclude?: readonly string[];
  /** Offer teams as well, with `member:`/`team:` values. */
  teams?: boolean;
  /** The label of the empty choice. */
  emptyLabel: string;
  aria: { 'aria-invalid': boolean; 'aria-describedby'?: string };
}

export function MemberPicker({ id, value, onChange, parkId, exclude = [], teams = false, emptyLabel, aria }: MemberPickerProps) {
  const t = useActionTexts();
  const session = useSession();
  const members = useLoad(everyMember, []);
  const people = (members.data ?? []).filter((m) => !exclude.includes(m.id));
  const has = (m: Person, role: string): boolean => m.roles.some((r) => r.role === role);
  const teamOf = (m: Person): string | null => {
    for (const r of m.roles) if (r.role === 'provider') return r.teamId;
    return null;
  };
  const option = (m: Person): JSX.Element => {
    const teamId = teams ? null : teamOf(m);
    const optionValue = teams ? `member:${m.id}` : teamId ? `${m.id}@${teamId}` : m.id;
    const teamName = teamOf(m) ? session.teamNames.get(teamOf(m) ?? '') : undefined;
    return (
      <option key={m.id} value={optionValue}>
        {m.name}
        {teamName ? ` · ${teamName}` : ''}
        {m.status === 'away' ? t.picker.away : ''}
      </option>
    );
  };
  const groups: [string, Person[]][] = [
    [t.picker.commissioners, people.filter((m) => has(m, 'commissioner'))],
    [t.picker.providers, people.filter((m) => has(m, 'provider'))],
    [t.picker.station, people.filter((m) => has(m, 'station_head') || has(m, 'dispatcher') || has(m, 'office_staff'))],
    [t.picker.captains, people.filter((m) => m.roles.some((r) => r.role === 'captain' && parkId !== null && r.parkIds.includes(parkId)))],
  ];
  return (
    <select id={id} class="input" value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={members.loading && !members.data} {...aria}>
      <option value="">{members.loading && !members.data ? t.picker.loading : emptyLabel}</option>
      {teams ? (
        <optgroup label={t.picker.teams}>
          {[...session.teamNames].map(([teamId, name]) => (
            <option key={teamId} value={`team:${teamId}`}>
              {name}
            </option>
          ))}
        </optgroup>
      ) : null}
      {groups.map(([label, list]) =>
        list.length === 0 ? null : (
          <optgroup key={label} label={label}>
            {list.map(option)}
          </optgroup>
        ),
      )}
    </select>
  );
}
