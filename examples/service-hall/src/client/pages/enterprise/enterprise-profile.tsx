/**
 * Who the enterprise is: its credit code, where it sits, its industry, size and labels, and
 * who to call — registered contacts and those left with its requests, phone numbers masked
 * the way the SDK masks them in every outgoing message.
 */
import type { Member } from '@kechuang/community';
import { maskPersonalNumbers } from '@kechuang/community/privacy';
import type { Wire } from '../../api.js';
import { formatDate } from '../../format.js';
import { useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useEnterpriseTexts } from './enterprise-texts.js';
import { EnterpriseTags, industryLabel, sizeLabel } from './enterprise-words.js';
import type { WireLifecycle } from './lifecycle-events.js';

/** What the profile needs beside the life cycle: names of its place, its contacts. */
export interface ProfileExtras {
  buildingName: string | null;
  communityName: string | null;
  contacts: Wire<Member>[];
}

/** Contacts left with requests: one line per person and phone, the most recent first. */
const REQUEST_CONTACTS_SHOWN = 4;

function requestContacts(lifecycle: WireLifecycle): { name: string; phone: string | null; at: string }[] {
  const seen = new Map<string, { name: string; phone: string | null; at: string }>();
  for (const r of [...lifecycle.requests].reverse()) {
    if (!r.contact) continue;
    const key = `${r.contact.name}|${r.contact.phone ?? ''}`;
    if (!seen.has(key)) seen.set(key, { name: r.contact.name, phone: r.contact.phone, at: r.createdAt });
  }
  return [...seen.values()].slice(0, REQUEST_CONTACTS_SHOWN);
}

export function EnterpriseProfile({ lifecycle, extras }: { lifecycle: WireLifecycle; extras: ProfileExtras }) {
  const t = useEnterpriseTexts();
  const locale = useLocale();
  const { office, parkNames } = useSession();
  const e = lifecycle.enterprise;
  return (
    <section class="card" aria-labelledby="enterprise-profile-title" data-testid="enterprise-profile">
      <h2 id="enterprise-profile-title">{t.profile.profileTitle}</h2>
      <dl class="facts">
        <dt>{t.profile.creditCode}</dt>
        <dd class="ent-code" data-testid="credit-code">
          {e.code}
        </dd>
        <dt>{t.profile.community}</dt>
        <dd>{extras.communityName ?? '—'}</dd>
        <dt>{t.profile.park}</dt>
        <dd>{e.parkId ? (parkNames.get(e.parkId) ?? '—') : '—'}</dd>
        <dt>{t.profile.building}</dt>
        <dd>{extras.buildingName ?? '—'}</dd>
        <dt>{t.profile.industry}</dt>
        <dd>{industryLabel(t, e.industry)}</dd>
        <dt>{t.profile.size}</dt>
        <dd>{sizeLabel(t, e.size)}</dd>
        <dt>{t.profile.tags}</dt>
        <dd>
          {e.tags.length ? <EnterpriseTags tags={e.tags} className="ent-tags" /> : '—'}
        </dd>
        <dt>{t.profile.listedAt}</dt>
        <dd>{formatDate(e.createdAt, locale, office.timeZone)}</dd>
      </dl>
    </section>
  );
}

export function EnterpriseContacts({ lifecycle, extras }: { lifecycle: WireLifecycle; extras: ProfileExtras }) {
  const t = useEnterpriseTexts();
  const locale = useLocale();
  const { office } = useSession();
  const fromRequests = requestContacts(lifecycle);
  const phone = (value: string | null | undefined) => (value ? <span class="ent-phone">{maskPersonalNumbers(value)}</span> : <span class="muted">{t.profile.noPhone}</span>);
  return (
    <section class="card" aria-labelledby="enterprise-contacts-title" data-testid="enterprise-contacts">
      <h2 id="enterprise-contacts-title">{t.profile.contactsTitle}</h2>
      {extras.contacts.length === 0 && fromRequests.length === 0 ? <p class="empty">{t.profile.noContacts}</p> : <p class="muted ent-contacts__lead">{t.profile.contactsLead}</p>}
      {extras.contacts.length ? (
        <>
          <h3 class="ent-contacts__group">{t.profile.registeredContacts}</h3>
          <ul class="ent-contacts">
            {extras.contacts.map((m) => (
              <li key={m.id}>
                <strong>{m.name}</strong>
                {phone(m.mobile)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {fromRequests.length ? (
        <>
          <h3 class="ent-contacts__group">{t.profile.requestContacts}</h3>
          <ul class="ent-contacts">
            {fromRequests.map((c) => (
              <li key={`${c.name}|${c.phone ?? ''}`}>
                <strong>{c.name}</strong>
                {phone(c.phone)}
                <span class="muted ent-contacts__when">{t.profile.lastUsed(formatDate(c.at, locale, office.timeZone))}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
