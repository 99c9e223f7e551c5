/**
 * Every rule of an explanation in order: whether it decided, matched, did not match or was not
 * tried (and why), how each of its conditions fared against the request, and what a matched
 * rule does.
 */
import { ConditionTree, fromTrace } from './condition-tree.js';
import type { WordsContext } from './condition-words.js';
import type { Explanation, RuleTrace } from './explain.js';
import { RuleActions } from './rule-actions.js';
import { ruleName, skipWords } from './rule-words.js';
import './routing.css';

type Verdict = 'decided' | 'matched' | 'not_matched' | 'skipped';

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
    // `data-rule`/`data-outcome` and `data-rule-id`/`data-matched` both stay: screens' checks read either pair.
    <li class={`trace trace--${verdict}`} data-rule={trace.ruleId} data-outcome={verdict === 'decided' ? 'matched' : verdict} data-rule-id={trace.ruleId} data-matched={String(trace.matched)}>
      <div class="trace__head">
        <span class="trace__order">{index + 1}</span>
        <strong class="trace__name">{ruleName(rule, trace.ruleId, ctx)}</strong>
        <code class="trace__id">{trace.ruleId}</code>
        <span class={`trace__verdict trace__verdict--${verdict}`}>{label}</span>
      </div>
      {trace.skippedBecause !== undefined ? <p class="trace__skip">{skipWords(trace.skippedBecause, ctx)}</p> : null}
      {trace.condition ? <ConditionTree nodes={[fromTrace(trace.condition)]} ctx={ctx} /> : null}
      {trace.matched && rule ? <RuleActions then={rule.then} ctx={ctx} className="trace__actions" /> : null}
    </li>
  );
}

export function RuleTraceList({ explanation, ctx }: { explanation: Explanation; ctx: WordsContext }) {
  const decidedBy = explanation.decision.source === 'rule' ? explanation.decision.ruleId : null;
  return (
    <ol class="trace-list">
      {explanation.rules.map((trace, i) => (
        <RuleTraceItem key={trace.ruleId} trace={trace} index={i} decidedBy={decidedBy} ctx={ctx} />
      ))}
    </ol>
  );
}
