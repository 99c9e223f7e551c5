/**
 * Names for the ids a request and its timeline carry: members, teams, categories, policies,
 * in the language in force, so that no raw id reaches the page where a name is known.
 */
import { useMemo } from 'preact/hooks';
import { formatDateTime } from '../../format.js';
import { pickLabel, useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import type { Namer } from './timeline-texts.js';

export function useNamer(): Namer {
  const session = useSession();
  const locale = useLocale();
  const shared = useShared();
  return useMemo(() => {
    const { config, memberNames, teamNames } = session;
    const unknown = shared.common.unknown;
    const member = (id: string | null): string => (id === null ? unknown : (memberNames.get(id) ?? unknown));
    const team = (id: string | null): string | null => (id === null ? null : (teamNames.get(id) ?? null));
    const paren = (outer: string, inner: string): string => (locale === 'en' ? `${outer} (${inner})` : `${outer}（${inner}）`);
    return {
      member,
      lead: (memberId, teamId) => {
        const teamName = team(teamId);
        return teamName ? paren(member(memberId), teamName) : member(memberId);
      },
      unit: (memberId, teamId) => (memberId !== null ? member(memberId) : (team(teamId) ?? unknown)),
      outcome: (value) => (value === null ? unknown : (shared.outcome[value] ?? value)),
      rating: (value) => (value === null ? unknown : (shared.satisfaction[value] ?? value)),
      date: (iso) => formatDateTime(iso, locale, session.office.timeZone),
      policy: (id) => {
        const policy = config.slaPolicies.find((p) => p.id === id);
        return policy ? pickLabel(policy.labels, locale, policy.id) : (id ?? unknown);
      },
      category: (id) => {
        const category = config.categories.find((c) => c.id === id);
        return category ? pickLabel(category.labels, locale, category.id) : (id ?? unknown);
      },
      channel: (id) => (id === null ? unknown : (shared.channel[id] ?? id)),
      role: (id) => shared.role[id] ?? id,
    };
  }, [session, locale, shared]);
}
