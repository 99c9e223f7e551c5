/**
 * Why a new request went where it did: the rule the request records (or the fallback), the
 * tests that made that rule match, and the other rules that matched on the way (copies,
 * tags, priority). The tests come from `POST /api/routing/explain` with the request's facts;
 * the decision shown is always the one stored on the request.
 */
import type { RoutingExplanation as Explanation, ServiceRequest } from '@kechuang/community';
import { api, type Wire } from '../../api.js';
import { useLocale } from '../../i18n.js';
import { useSession } from '../../session.js';
import { useShared } from '../../shared-texts.js';
import { useLoad } from '../../use-load.js';
import { conditionLines, type ConditionWords } from './condition-text.js';
import { useIntakeTexts } from './intake-texts.js';

/** The facts routing saw, as a would-be submission. */
function factsOf(request: Wire<ServiceRequest>, priority: string) {
  return {
    communityId: request.communityId,
    enterpriseId: request.enterpriseId,
    parkId: request.parkId,
    buildingId: request.buildingId,
    channel: request.channel,
    category: request.category,
    attributes: request.attributes,
    title: request.title,
    description: request.description,
    // As submitted: a rule may have raised the stored priority since.
    priority,
  };
}

export function RoutingExplanation({ request, priority }: { request: Wire<ServiceRequest>; priority: string }) {
  const t = useIntakeTexts();
  const shared = useShared();
  const locale = useLocale();
  const { config } = useSession();
  const explained = useLoad((signal) => api<Explanation>('POST', '/api/routing/explain', factsOf(request, priority), { signal }), [request.id]);
  const routing = request.routing;
  const ruleId = routing?.source === 'rule' ? routing.ruleId : null;
  const rule = ruleId ? config.routing.rules.find((r) => r.id === ruleId) : undefined;
  const words: ConditionWords = { texts: t, locale, config, channel: shared.channel, priority: shared.priority };
  const trace = ruleId ? explained.data?.rules.find((r) => r.ruleId === ruleId) : undefined;
  const lines = conditionLines(trace?.condition, words);
  const others = (explained.data?.outcome.matchedRuleIds ?? []).filter((id) => id !== ruleId);

  return (
    <div class="intake-routing" data-testid="routing-explanation" data-rule-id={ruleId ?? ''} data-routing-source={routing?.source ?? 'none'}>
      <h4 class="intake-routing__heading">{t.routing.heading}</h4>
      {ruleId ? (
        <p class="intake-routing__decision">
          {t.routing.byRule}
          <code class="intake-rule-id">{ruleId}</code>
          {rule?.description ? <span class="intake-routing__description">{rule.description}</span> : null}
        </p>
      ) : (
        <p class="intake-routing__decision">{routing?.source === 'fallback' ? t.routing.fallback : t.routing.none}</p>
      )}
      {lines.length > 0 ? (
        <div class="intake-routing__part">
          <span class="muted">{t.routing.conditions}</span>
          <ul class="intake-routing__conditions">
            {lines.map((line) => (
              <li key={line}>
                <span class="intake-routing__check" aria-hidden="true">✓</span>
                {line}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {others.length > 0 ? (
        <div class="intake-routing__part">
          <span class="muted">{t.routing.alsoMatched}</span>
          <ul class="intake-routing__others">
            {others.map((id) => {
              const other = config.routing.rules.find((r) => r.id === id);
              return (
                <li key={id}>
                  <code class="intake-rule-id">{id}</code>
                  {other?.description ? <span>{other.description}</span> : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
      {explained.loading && !explained.data ? <p class="muted intake-routing__note">{t.routing.loading}</p> : null}
      {explained.problem ? <p class="muted intake-routing__note">{t.routing.unavailable}</p> : null}
      {routing?.reason ? (
        <p class="intake-routing__record muted">
          {t.routing.record}<span lang="en">{routing.reason}</span>
        </p>
      ) : null}
    </div>
  );
}
