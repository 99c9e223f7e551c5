/**
 * What the search screen shows for a query and a park: a credit code is looked up directly,
 * words are matched against the directory as its pages arrive, and with neither the screen
 * offers the enterprises that filed requests most recently.
 */
import { isValidCreditCode, type ServiceRequest } from '@kechuang/community';
import { useEffect, useState } from 'preact/hooks';
import { api, asProblem, query, type ApiProblem, type Page, type Wire } from '../../api.js';
import { creditCodeOf, enterpriseByCode, followDirectory, matchEnterprises, type WireEnterprise } from '../../directory/enterprise-directory.js';

/** How many matches the list shows at a time; beyond it the screen asks for a narrower search. */
export const RESULT_CAP = 50;
/** How many recently active enterprises the empty search offers. */
const RECENT_COUNT = 12;

export type SearchMode = 'recent' | 'code' | 'park' | 'words';

export interface SearchState {
  mode: SearchMode;
  /** The matches in order, all of them; the list shows {@link RESULT_CAP} at a time. */
  results: WireEnterprise[];
  /** Enterprises checked so far in a walk of the directory. */
  scanned: number;
  /** Whether every page the search needs has arrived. */
  done: boolean;
  /** A credit code whose check character is wrong: a typo, so the server is not asked. */
  badCode: boolean;
  problem: ApiProblem | null;
  retry(): void;
}

/** The enterprises behind the newest requests the member may see, newest first. */
async function recentEnterprises(signal: AbortSignal): Promise<WireEnterprise[]> {
  const page = await api<Page<Wire<ServiceRequest>>>('GET', `/api/requests${query({ order: 'newest', limit: 100 })}`, undefined, { signal });
  const ids = [...new Set(page.items.map((r) => r.enterpriseId).filter((id): id is string => id !== null))].slice(0, RECENT_COUNT);
  return Promise.all(ids.map((id) => api<WireEnterprise>('GET', `/api/enterprises/${encodeURIComponent(id)}`, undefined, { signal })));
}

type Found = Omit<SearchState, 'retry' | 'mode' | 'badCode'> & { key: string };

export function useEnterpriseSearch(owner: string, text: string, parkId: string | null): SearchState {
  const trimmed = text.trim();
  const mode: SearchMode = creditCodeOf(trimmed) ? 'code' : parkId ? 'park' : trimmed ? 'words' : 'recent';
  const badCode = mode === 'code' && !isValidCreditCode(trimmed.toUpperCase());
  const [round, setRound] = useState(0);
  // What was found is tagged with the search it answers, so a render between a new search and
  // its first answer never passes the previous search's results off as this one's.
  const key = `${owner}|${mode}|${parkId ?? ''}|${trimmed}|${round}`;
  const [found, setFound] = useState<Found>({ key: '', results: [], scanned: 0, done: false, problem: null });

  useEffect(() => {
    if (badCode) return;
    if (mode === 'park' || mode === 'words') {
      return followDirectory(owner, mode === 'park' ? parkId : null, (walk) => {
        setFound({ key, results: matchEnterprises(walk.items, trimmed), scanned: walk.items.length, done: walk.done, problem: walk.problem });
      });
    }
    const controller = new AbortController();
    const load = mode === 'code' ? enterpriseByCode(trimmed, controller.signal).then((hit) => (hit ? [hit] : [])) : recentEnterprises(controller.signal);
    load.then(
      (results) => setFound({ key, results, scanned: 0, done: true, problem: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setFound({ key, results: [], scanned: 0, done: true, problem: asProblem(error) });
      },
    );
    return () => controller.abort();
  }, [key]);

  const retry = (): void => setRound((r) => r + 1);
  if (badCode) return { mode, badCode, results: [], scanned: 0, done: true, problem: null, retry };
  if (found.key !== key) return { mode, badCode, results: [], scanned: 0, done: false, problem: null, retry };
  return { mode, badCode, results: found.results, scanned: found.scanned, done: found.done, problem: found.problem, retry };
}
