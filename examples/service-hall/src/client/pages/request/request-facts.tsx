/**
 * The request's facts beside the main column: the enterprise (by name, linking to its page),
 * park, building, contact, category, channel, and the category's custom attributes under
 * their configured labels.
 */
import type { AttributeValue, Building, Enterprise } from '@kechuang/community';
import { api, type Wire } from '../../api.js';
import { pickLabel, useLocale, type Locale } from '../../i18n.js';
import { href } from '../../router.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useLoad } from '../../use-load.js';
import type { Req } from './request-data.js';
import { useRequestTexts } from './request-texts.js';
import { useNamer } from './use-namer.js';

function useRecordName(kind: 'enterprises' | 'buildings', id: string | null): string | null {
  const loaded = useLoad((signal) => (id === null ? Promise.resolve(null) : api<Wire<Enterprise | Building>>('GET', `/api/${kind}/${encodeURIComponent(id)}`, undefined, { signal })), [kind, id]);
  return loaded.data?.name ?? null;
}

function attributeText(value: AttributeValue, locale: Locale, yes: string, no: string): string {
  if (typeof value === 'boolean') return value ? yes : no;
  if (typeof value === 'number') return value.toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN');
  if (Array.isArray(value)) return value.join(locale === 'en' ? ', ' : '、');
  return value;
}

export function RequestFacts({ request }: { request: Req }) {
  const t = useRequestTexts();
  const shared = useShared();
  const session = useSession();
  const locale = useLocale();
  const namer = useNamer();
  const enterprise = useRecordName('enterprises', request.enterpriseId);
  const building = useRecordName('buildings', request.buildingId);
  const category = session.config.categories.find((c) => c.id === request.category);
  const attributes = Object.entries(request.attributes);
  const pending = shared.common.loading;
  return (
    <section class="card" data-testid="request-facts" aria-labelledby="facts-title">
      <h2 id="facts-title">{t.facts.title}</h2>
      <dl class="facts facts--side">
        <dt>{t.facts.enterprise}</dt>
        <dd>
          {request.enterpriseId ? (
            <a href={href(`/enterprises/${request.enterpriseId}`)} data-enterprise-id={request.enterpriseId}>
              {enterprise ?? pending}
            </a>
          ) : (
            <span class="muted">{t.facts.noEnterprise}</span>
          )}
        </dd>
        {request.parkId ? (
          <>
            <dt>{t.facts.park}</dt>
            <dd>{session.parkNames.get(request.parkId) ?? shared.common.unknown}</dd>
          </>
        ) : null}
        {request.buildingId ? (
          <>
            <dt>{t.facts.building}</dt>
            <dd>{building ?? pending}</dd>
          </>
        ) : null}
        <dt>{t.facts.category}</dt>
        <dd>{namer.category(request.category)}</dd>
        <dt>{t.facts.channel}</dt>
        <dd>{namer.channel(request.channel)}</dd>
        <dt>{t.facts.priority}</dt>
        <dd>{shared.priority[request.priority] ?? request.priority}</dd>
        {request.contact ? (
          <>
            <dt>{t.facts.contact}</dt>
            <dd>
              {request.contact.name}
              {request.contact.phone ? <span class="muted"> · {request.contact.phone}</span> : null}
            </dd>
          </>
        ) : null}
        {attributes.map(([code, value]) => {
          const attribute = category?.attributes.find((a) => a.code === code);
          return [
            <dt key={`${code}-label`}>{attribute ? pickLabel(attribute.labels, locale, code) : code}</dt>,
            <dd key={`${code}-value`} data-attribute={code}>
              {attributeText(value, locale, t.facts.yes, t.facts.no)}
            </dd>,
          ];
        })}
        {request.externalRef ? (
          <>
            <dt>{t.facts.externalRef}</dt>
            <dd>
              {request.externalRef.source} · {request.externalRef.id}
            </dd>
          </>
        ) : null}
        {request.tags.length > 0 ? (
          <>
            <dt>{t.facts.tags}</dt>
            <dd class="rd-tag-list">
              {request.tags.map((tag) => (
                <span key={tag} class="badge">
                  {tag}
                </span>
              ))}
            </dd>
          </>
        ) : null}
        <dt>{t.header.requestNo}</dt>
        <dd class="rd-request-id">{request.id}</dd>
      </dl>
    </section>
  );
}
