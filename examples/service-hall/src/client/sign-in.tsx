/** The development sign-in: pick a demo member, grouped by what they do in the hall. */
import { useMemo, useState } from 'preact/hooks';
import { api } from './api.js';
import { useAppTexts } from './app-texts.js';
import { ProblemNote } from './components/problem-note.js';
import type { DevMember, RoleName } from './session.js';
import { useShared } from './shared-texts.js';
import { useLoad } from './use-load.js';
import { ApiProblem } from './api.js';

// The few people who run the hall first; the many park captains after them, folded.
const GROUPS = ['station_head', 'commissioner', 'provider', 'captain', 'other'] as const;
const FOLDED_AFTER = 8;
type Group = (typeof GROUPS)[number];

function groupOf(roles: RoleName[]): Group {
  for (const group of GROUPS) if (group !== 'other' && roles.includes(group)) return group;
  return 'other';
}

export function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const t = useAppTexts();
  const shared = useShared();
  const members = useLoad(() => api<{ members: DevMember[] }>('GET', '/dev/members'), []);
  const [filter, setFilter] = useState('');
  const [unfolded, setUnfolded] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const groups = useMemo(() => {
    const wanted = filter.trim().toLowerCase();
    const byGroup = new Map<Group, DevMember[]>(GROUPS.map((g) => [g, []]));
    for (const m of members.data?.members ?? []) {
      const roleWords = m.roles.map((r) => `${shared.role[r] ?? r} ${r}`).join(' ').toLowerCase();
      if (wanted && !m.name.toLowerCase().includes(wanted) && !roleWords.includes(wanted)) continue;
      byGroup.get(groupOf(m.roles))!.push(m);
    }
    return byGroup;
  }, [members.data, filter, shared]);

  const signIn = async (member: DevMember): Promise<void> => {
    try {
      await api('POST', '/dev/sign-in', { officeId: member.officeId, memberId: member.memberId });
      onSignedIn();
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : null);
    }
  };

  return (
    <main class="sign-in" data-screen="sign-in">
      <h1>{t.signIn.title}</h1>
      <p class="lead">{t.signIn.lead}</p>
      <p class="notice notice--warn">{t.signIn.warning}</p>
      <ProblemNote problem={members.problem ?? problem} onRetry={members.reload} />
      <input class="input sign-in__search" type="search" placeholder={t.signIn.search} aria-label={t.signIn.search} value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      {members.loading && !members.data ? <p class="muted">{shared.common.loading}</p> : null}
      {GROUPS.map((group) => {
        const all = groups.get(group) ?? [];
        if (all.length === 0) return null;
        const folded = group === 'captain' && !unfolded && !filter.trim() && all.length > FOLDED_AFTER;
        const list = folded ? all.slice(0, FOLDED_AFTER) : all;
        return (
          <section class="sign-in__group" key={group}>
            <h2>{t.signIn.groups[group]}</h2>
            <ul class="member-grid">
              {list.map((m) => (
                <li key={m.memberId}>
                  <button type="button" class="member-card" data-member={m.memberId} onClick={() => void signIn(m)}>
                    <span class="member-card__name">{m.name}</span>
                    <span class="member-card__roles">{m.roles.map((r) => shared.role[r] ?? r).join(' · ')}</span>
                  </button>
                </li>
              ))}
            </ul>
            {folded ? (
              <button type="button" class="button button--ghost button--small sign-in__more" onClick={() => setUnfolded(true)}>
                {t.signIn.showAll(all.length)}
              </button>
            ) : null}
          </section>
        );
      })}
      {members.data && [...groups.values()].every((l) => l.length === 0) ? <p class="muted">{t.signIn.none}</p> : null}
    </main>
  );
}
