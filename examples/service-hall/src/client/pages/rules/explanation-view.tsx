/**
 * An explained routing decision: who would lead and why, the time limits and who is copied,
 * then every rule in order with how each of its conditions fared against the request.
 */
import type { RoutingExplanation, RuleTrace } from '@kechuang/community';
import type { Wire } from '../../api.js';
import { ConditionTree, fromTrace } from './condition-tree.js';
import { ExplanationDecision } from './explanation-decision.js';
import { actionLines, fieldLabel, ruleName, valueWords, type WordsContext } from './rule-words.js';

export type Explanation = Wire<RoutingExplanation>;

type Verdict = 'decided' | 'matched' | 'not_matched' | 'skipped';

/** The server's reason a rule was not tried, in the reader's language where it is one we know. */
function skipWords(reason: string, ctx: WordsContext): string {
  const rules = ctx.config.routing.rules;
  const stopped = /^rule (\S+) matched earlier and does not continue$/.exec(reason);
  if (stopped) return ctx.t.trace.stoppedBy(ruleName(rules.find((r) => r.id === stopped[1]), stopped[1]!, ctx));
  const ruledOut = /^(category|park|channel) is (?:none|'(.*)'), rule needs one of \[(.*)\]$/.exec(reason);
  if (ruledOut) {
    const [, field = '', actual, wanted = ''] = ruledOut;
    const words = wanted.split(', ').map((v) => valueWords(field, v, ctx));
    return ctx.t.trace.ruledOut(fieldLabel(field, ctx), valueWords(field, actual ?? null, ctx), words.join(ctx.t.cond.list));
  }
  const keywords = /^text contains none of \[(.*)\]$/.exec(reason);
  if (keywords) return ctx.t.trace.noKeyword(keywords[1]!.split(', ').join(ctx.t.cond.list));
  return reason;
}

function verdictOf(trace: RuleTrace, decidedBy: string | null): Verdict {
  if (trace.skippedBecause !== undefined) return 'skipped';
  if (!trace.matched) return 'not_matched';
  return trace.ruleId === decidedBy ? 'decided' : 'matched';
}

function RuleTraceItem({ trace, index, decidedBy, ctx }: { trace: RuleTrace; index: number; decidedBy: string | null; ctx: WordsContext }) {
  const { t } = ctx;
  const rule = ctx.config.routing.rules.find((r) => r.id === trace.ruleId);
  const verdict = verdictOf(trace, decidedBy);
  const label = { decided: t.trace.decided, matched: t.trace.matched, not_matched: t.trace.notMatched, skipped: t.trace.skipped }[verdict];
  return (
    <li class={`trace trace--${verdict}`} data-rule={trace.ruleId} data-outcome={verdict === 'decided' ? 'matched' : verdict}>
      <div class="trace__head">
        <span class="trace__order">{index + 1}</span>
        <strong class="trace__name">{ruleName(rule, trace.ruleId, ctx)}</strong>
        <code class="trace__id">{trace.ruleId}</code>
        <span class={`trace__verdict trace__verdict--${verdict}`}>{label}</span>
      </div>
      {trace.skippedBecause !== undefined ? <p class="trace__skip">{skipWords(trace.skippedBecause, ctx)}</p> : null}
      {trace.condition ? <ConditionTree node={fromTrace(trace.condition)} ctx={ctx} /> : null}
      {trace.matched && rule ? (
        <ul class="rule-actions trace__actions">
          {actionLines(rule.then, ctx).map((line) => (
            <li key={line.label}>
              <span class="muted">{line.label}</span> {line.value}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function ExplanationView({ explanation, ctx }: { explanation: Explanation; ctx: WordsContext }) {
  const { t } = ctx;
  const decidedBy = explanation.decision.source === 'rule' ? explanation.decision.ruleId : null;
  return (
    <div class="explanation" data-testid="routing-explanation" data-config-version={explanation.configVersion}>
      <ExplanationDecision explanation={explanation} ctx={ctx} />
      <section class="card" aria-labelledby="rules-trace">
        <h2 id="rules-trace">{t.trace.heading}</h2>
        <p class="muted">{t.trace.lead}</p>
        <ol class="trace-list">
          {explanation.rules.map((trace, i) => (
            <RuleTraceItem key={trace.ruleId} trace={trace as RuleTrace} index={i} decidedBy={decidedBy} ctx={ctx} />
          ))}
        </ol>
      </section>
    </div>
  );
}
