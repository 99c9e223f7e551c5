/**
 * An explained routing decision: who would lead and why, the time limits and who is copied,
 * then every rule in order with how each of its conditions fared against the request.
 */
import type { WordsContext } from '../../routing/condition-words.js';
import type { Explanation } from '../../routing/explain.js';
import { RuleTraceList } from '../../routing/rule-trace.js';
import { ExplanationDecision } from './explanation-decision.js';
import { useRulesTexts } from './rules-texts.js';

export function ExplanationView({ explanation, ctx }: { explanation: Explanation; ctx: WordsContext }) {
  const t = useRulesTexts();
  return (
    <div class="explanation" data-testid="routing-explanation" data-config-version={explanation.configVersion}>
      <ExplanationDecision explanation={explanation} ctx={ctx} />
      <section class="card" aria-labelledby="rules-trace">
        <h2 id="rules-trace">{t.trace.heading}</h2>
        <p class="muted">{t.trace.lead}</p>
        <RuleTraceList explanation={explanation} ctx={ctx} />
      </section>
    </div>
  );
}
