/**
 * 企业检索: find one of the community's enterprises by name or credit code, optionally within a
 * park, and open its service record. The query stays in the address, so going back from an
 * enterprise returns to the same results.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ProblemNote } from '../../components/problem-note.js';
import { creditCodeOf } from '../../directory/enterprise-directory.js';
import { useLocale } from '../../i18n.js';
import { useRoute } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { EnterpriseResultList } from './enterprise-result-list.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import { rememberSearch } from './last-search.js';
import { RESULT_CAP, useEnterpriseSearch, type SearchState } from './use-enterprise-search.js';
import './enterprise.css';

/** Waits for typing to pause before searching; a Chinese IME sends many partial inputs. */
const TYPING_PAUSE_MS = 220;

function useCaptainParks(): string[] {
  const { member } = useSession();
  return member.roles.flatMap((r) => (r.role === 'captain' ? r.parkIds : []));
}

/** Keeps the search in the address without adding a history entry per keystroke. */
function keepInAddress(text: string, parkId: string): void {
  const params = new URLSearchParams();
  if (text.trim()) params.set('q', text.trim());
  params.set('park', parkId || 'all');
  const path = `/enterprises?${params.toString()}`;
  history.replaceState(history.state, '', `#${path}`);
  rememberSearch(path);
}

function ParkSelect({ value, onChange }: { value: string; onChange: (parkId: string) => void }) {
  const t = useEnterpriseTexts();
  const locale = useLocale();
  const { parkNames } = useSession();
  const mine = useCaptainParks();
  const byName = (a: [string, string], b: [string, string]): number => a[1].localeCompare(b[1], locale);
  const all = [...parkNames.entries()].sort(byName);
  const others = all.filter(([id]) => !mine.includes(id));
  const options = (list: [string, string][]) =>
    list.map(([id, name]) => (
      <option key={id} value={id}>
        {name}
      </option>
    ));
  return (
    <select id="enterprise-park" class="input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{t.search.allParks}</option>
      {mine.length ? (
        <>
          <optgroup label={t.search.myParks}>{options(all.filter(([id]) => mine.includes(id)))}</optgroup>
          <optgroup label={t.search.otherParks}>{options(others)}</optgroup>
        </>
      ) : (
        options(all)
      )}
    </select>
  );
}

function ResultsHeading({ search, parkId, text }: { search: SearchState; parkId: string; text: string }) {
  const t = useEnterpriseTexts();
  const { parkNames } = useSession();
  if (search.mode === 'recent') {
    return (
      <>
        <h2>{t.search.recentTitle}</h2>
        <p class="muted">{t.search.recentLead}</p>
      </>
    );
  }
  const title = search.mode === 'park' && !text.trim() ? t.search.parkTitle(parkNames.get(parkId) ?? '') : t.search.resultsTitle;
  return (
    <div class="ent-results-bar">
      <h2>{title}</h2>
      {search.results.length ? (
        <span class="muted" data-testid="enterprise-count" data-count={search.results.length}>
          {t.search.found(search.results.length)}
        </span>
      ) : null}
    </div>
  );
}

/** The matches, a page of {@link RESULT_CAP} at a time; remounted (and so reset) per search. */
function Outcome({ search, text }: { search: SearchState; text: string }) {
  const t = useEnterpriseTexts();
  const shared = useShared();
  const [limit, setLimit] = useState(RESULT_CAP);
  const shown = search.results.slice(0, limit);
  const rest = search.results.length - shown.length;
  const browsing = search.mode === 'park' && !text.trim();
  const empty = search.badCode
    ? t.search.badCode
    : search.mode === 'recent'
      ? t.search.recentEmpty
      : search.mode === 'code'
        ? t.search.noCode(text.trim().toUpperCase())
        : browsing
          ? t.search.parkEmpty
          : t.search.noMatch;
  return (
    <>
      {search.mode === 'words' || (search.mode === 'park' && !search.done) ? (
        <p class="ent-scan muted" aria-live="polite">
          {search.done ? t.search.scanned(search.scanned) : search.problem ? t.search.partial(search.scanned) : t.search.scanning(search.scanned)}
        </p>
      ) : null}
      {shown.length ? <EnterpriseResultList items={shown} find={creditCodeOf(text) ? '' : text} /> : search.done && !search.problem ? <p class="empty">{empty}</p> : null}
      {!search.done && !shown.length && !search.problem ? <p class="empty">{shared.common.loading}</p> : null}
      {rest > 0 ? (
        <div class="ent-more-results">
          {/* Many matches to a few characters: a longer name or a park finds it sooner than scrolling. */}
          {browsing ? null : <p class="notice ent-cap">{t.search.capped(shown.length)}</p>}
          <button type="button" class="button button--ghost" data-testid="enterprise-results-more" onClick={() => setLimit((n) => n + RESULT_CAP)}>
            {t.search.showMore(Math.min(rest, RESULT_CAP), rest)}
          </button>
        </div>
      ) : null}
    </>
  );
}

export function EnterpriseSearchPage() {
  const t = useEnterpriseTexts();
  const session = useSession();
  const route = useRoute();
  const mine = useCaptainParks();
  const [text, setText] = useState(() => route.query.get('q') ?? '');
  const [parkId, setParkId] = useState(() => {
    const kept = route.query.get('park');
    // A captain starts in their own park; `all` is kept as a choice of every park.
    if (kept === 'all') return '';
    return kept && session.parkNames.has(kept) ? kept : (mine[0] ?? '');
  });
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    if (creditCodeOf(text) || !text.trim()) {
      setSettled(text);
      return;
    }
    const timer = setTimeout(() => setSettled(text), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  useEffect(() => keepInAddress(settled, parkId), [settled, parkId]);

  const owner = useMemo(() => `${session.office.id}/${session.member.id}`, [session]);
  const search = useEnterpriseSearch(owner, settled, parkId || null);
  // Not ready while typing is still to be searched, so nobody reads the previous results as these.
  const ready = text === settled && (search.done || search.problem !== null);

  return (
    <section data-screen="enterprises" data-ready={ready ? 'true' : 'false'} class="ent-search">
      <div class="page-head">
        <div>
          <h1>{t.search.title}</h1>
          <p class="lead">{t.search.lead}</p>
        </div>
      </div>
      <form class="card ent-search__form" role="search" onSubmit={(e) => e.preventDefault()}>
        <div class="field ent-search__query">
          <label for="enterprise-search">{t.search.queryLabel}</label>
          <div class="ent-search__input">
            <input
              id="enterprise-search"
              class="input"
              type="search"
              autoComplete="off"
              spellcheck={false}
              placeholder={t.search.queryPlaceholder}
              aria-describedby="enterprise-search-hint"
              value={text}
              onInput={(e) => setText(e.currentTarget.value)}
            />
          </div>
          <p class="field__hint" id="enterprise-search-hint">
            {t.search.queryHint}
          </p>
        </div>
        <div class="field ent-search__park">
          <label for="enterprise-park">{t.search.parkLabel}</label>
          <ParkSelect value={parkId} onChange={setParkId} />
        </div>
      </form>
      <div class="card" aria-busy={!ready}>
        <ResultsHeading search={search} parkId={parkId} text={settled} />
        <ProblemNote problem={search.problem} onRetry={search.retry} />
        <Outcome key={`${search.mode}|${settled}|${parkId}`} search={search} text={settled} />
      </div>
    </section>
  );
}
