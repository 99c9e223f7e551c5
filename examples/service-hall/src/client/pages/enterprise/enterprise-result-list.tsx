/** Enterprises found by the search, each a link to its service record. */
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import type { WireEnterprise } from '../../directory/enterprise-directory.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import { EnterpriseStatus, EnterpriseTags, industryLabel } from './enterprise-words.js';

/** The name with the first place the typed text occurs in it marked. */
function Marked({ text, find }: { text: string; find: string }) {
  const needle = find.trim().split(/\s+/)[0] ?? '';
  const at = needle ? text.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + needle.length)}</mark>
      {text.slice(at + needle.length)}
    </>
  );
}

export function EnterpriseResultList({ items, find }: { items: readonly WireEnterprise[]; find: string }) {
  const t = useEnterpriseTexts();
  const { parkNames } = useSession();
  return (
    <div class="ent-results">
      <div class="ent-results__head" aria-hidden="true">
        <span>{t.search.enterprise}</span>
        <span>{t.search.park}</span>
        <span>{t.search.industry}</span>
        <span>{t.search.status}</span>
      </div>
      <ul class="ent-results__list">
        {items.map((e) => (
          <li key={e.id}>
            <a class="ent-result" href={href(`/enterprises/${encodeURIComponent(e.id)}`)} data-enterprise-id={e.id}>
              <span class="ent-result__main">
                <span class="ent-result__name">
                  <Marked text={e.name} find={find} />
                </span>
                <span class="ent-result__code">{e.code}</span>
                {e.tags.length ? <EnterpriseTags tags={e.tags} className="ent-result__tags" /> : null}
              </span>
              <span class="ent-result__park">{e.parkId ? (parkNames.get(e.parkId) ?? '—') : '—'}</span>
              <span class="ent-result__industry">{industryLabel(t, e.industry)}</span>
              <span class="ent-result__status">
                <EnterpriseStatus archived={e.archivedAt !== null} />
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
