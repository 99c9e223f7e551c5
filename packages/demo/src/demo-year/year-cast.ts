/**
 * The people who act in the demo year, as sessions of the public API: who records a call,
 * who signs for a request, who settles a return, who supervises, who makes the follow-up call.
 */
import type { Community, CommunitySession } from '@kechuang/community';
import { demoPortfolioLabels, type DefaultPortfolio } from '../generate-members.js';
import type { LoadedDemo } from '../load-demo.js';

/** The cast of the demo year and the sessions they act through. */
export interface YearCast {
  /** The host acting for the office: 12345 hand-offs and the online portal. */
  system: CommunitySession;
  as(memberId: string): CommunitySession;
  stationHeadId: string;
  /** The deputy station head (副站长), who dispatches and makes most follow-up calls. */
  deputyId: string;
  officeStaffIds: readonly string[];
  /** Commissioners by portfolio, in the order of the default portfolios. */
  commissioners: readonly { portfolio: string; id: string }[];
  lawyerId: string;
  captainIds: ReadonlyMap<string, string>;
  enterpriseContactIds: ReadonlyMap<string, string>;
  /** What a member is known for in a return reason: a portfolio label or the legal station. */
  describe(memberId: string): { kind: 'commissioner' | 'lawyer' | 'other'; label: string };
}

/**
 * Builds the cast from what {@link loadDemo} created.
 *
 * @example
 * ```ts
 * const cast = yearCast(community, officeId, demo);
 * await cast.as(cast.deputyId).requests.followUp({ requestId, rating: 'satisfied' });
 * ```
 */
export function yearCast(community: Community, officeId: string, demo: LoadedDemo): YearCast {
  const sessions = new Map<string, CommunitySession>();
  const as = (memberId: string): CommunitySession => {
    let session = sessions.get(memberId);
    if (!session) {
      session = community.as({ kind: 'member', officeId, memberId });
      sessions.set(memberId, session);
    }
    return session;
  };
  const deputyId = demo.dispatcherIds[0] ?? demo.stationHeadId;
  const commissioners = [...demo.commissionerIds].map(([portfolio, id]) => ({ portfolio, id }));
  const portfolioOf = new Map(commissioners.map((c) => [c.id, c.portfolio]));
  const labelOf = (portfolio: string): string => demoPortfolioLabels[portfolio as DefaultPortfolio] ?? portfolio;
  return {
    system: community.as({ kind: 'system', officeId }),
    as,
    stationHeadId: demo.stationHeadId,
    deputyId,
    officeStaffIds: demo.officeStaffIds,
    commissioners,
    lawyerId: demo.lawyerId,
    captainIds: demo.captainIds,
    enterpriseContactIds: demo.enterpriseContactIds,
    describe(memberId) {
      const portfolio = portfolioOf.get(memberId);
      if (portfolio !== undefined) return { kind: 'commissioner', label: labelOf(portfolio) };
      if (memberId === demo.lawyerId) return { kind: 'lawyer', label: '法律服务' };
      return { kind: 'other', label: '' };
    },
  };
}
