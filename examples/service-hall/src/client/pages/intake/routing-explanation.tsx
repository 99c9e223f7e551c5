/**
 * Why a new request went where it did: the rule the request records (or the fallback), the
 * tests that made that rule match, and the other rules that matched on the way (copies,
 * tags, priority). The tests come from `POST /api/routing/explain` with the request's facts;
 * the decision shown is always the one stored on the request.
 */
import type { ServiceRequest } from '@kechuang/community';
import type { Wire } from '../../api.js';
import { carriedBy, ConditionTree } from '../../routing/condition-tree.js';
import { explainRouting, requestFacts } from '../../routing/explain.js';
import { useRoutingWords } from '../../routing/use-routing-words.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../use-load.js';
import { useIntakeTexts } from './intake-texts.js';

export function RoutingExplanation({ request, priority }: { request: Wire<ServiceRequest>; priority: string }) {
  const t = useIntakeTexts();
  const { config } = useSession();
  const words = useRoutingWords();
  // The facts as submitted: a rule may have raised the stored priority since.
  const explained = useLoad((signal) => explainRouting({ ...requestFacts(request), priority }, signal), [request.id]);
  const routing = request.routing;
  const ruleId = routing?.source === 'rule' ? routing.ruleId : null;
  const rule = ruleId ? config.routing.rules.find((r) => r.id === ruleId) : undefined;
  const trace = ruleId ? explained.data?.rules.find((r) => r.ruleId === ruleId) : undefined;
  const carried = carriedBy(trace?.condition);
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
      {carried.length > 0 ? (
        <div class="intake-routing__part">
          <span class="muted">{t.routing.conditions}</span>
          <ConditionTree nodes={carried} ctx={words} compact />
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
