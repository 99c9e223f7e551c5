/** The office's routing rules in force, in order, each as "when … then …" in words. */
import type { OfficeConfig } from '@kechuang/community';
import { ConditionTree, fromConfig } from '../../routing/condition-tree.js';
import type { WordsContext } from '../../routing/condition-words.js';
import { RuleActions } from '../../routing/rule-actions.js';
import { ruleName } from '../../routing/rule-words.js';
import { useRulesTexts } from './rules-texts.js';

export function RuleList({ routing, version, ctx }: { routing: OfficeConfig['routing']; version: string; ctx: WordsContext }) {
  const t = useRulesTexts();
  return (
    <section class="card" aria-labelledby="rules-in-force" data-testid="rules-in-force">
      <div class="rules-head">
        <h2 id="rules-in-force">{t.rules.heading}</h2>
        <span class="badge" data-testid="config-version">
          {version}
        </span>
      </div>
      <p class="muted">{t.rules.lead}</p>
      {routing.rules.length === 0 ? <p class="empty">{t.rules.none}</p> : null}
      <ol class="trace-list rule-list">
        {routing.rules.map((rule, i) => (
          <li key={rule.id} class="rule-item" data-rule-id={rule.id}>
            <div class="trace__head">
              <span class="trace__order">{i + 1}</span>
              <strong class="trace__name">{ruleName(rule, rule.id, ctx)}</strong>
              <code class="trace__id">{rule.id}</code>
            </div>
            <div class="rule-item__body">
              <div class="rule-item__part">
                <span class="rule-item__label">{t.rules.when}</span>
                <ConditionTree nodes={[fromConfig(rule.when)]} ctx={ctx} />
              </div>
              <div class="rule-item__part">
                <span class="rule-item__label">{t.rules.then}</span>
                <RuleActions then={rule.then} ctx={ctx}>
                  {rule.continue ? <li class="rule-actions__continue">{t.rules.continues}</li> : null}
                </RuleActions>
              </div>
            </div>
          </li>
        ))}
        <li class="rule-item rule-item--fallback" data-rule-id="fallback">
          <div class="trace__head">
            <span class="trace__order" aria-hidden="true">∗</span>
            <strong class="trace__name">{t.rules.fallback}</strong>
          </div>
          <div class="rule-item__body">
            <div class="rule-item__part">
              <span class="rule-item__label">{t.rules.then}</span>
              <RuleActions then={{ assign: routing.fallback.assign }} ctx={ctx} />
            </div>
          </div>
        </li>
      </ol>
    </section>
  );
}
