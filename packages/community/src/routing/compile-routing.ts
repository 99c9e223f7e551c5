import type { AssignTarget, OfficeConfig } from '../config/config-schema.js';
import { configValidationError, toConfigIssue } from '../config/config-problem.js';
import { checkRouting, type RoutingOptions } from './check-routing.js';
import { compileConditionNode } from './conditions/compile-condition.js';
import { EvaluationContext } from './conditions/evaluation-context.js';
import { KeywordSet } from './conditions/keyword-set.js';
import { operatorRegistry } from './conditions/operator-registry.js';
import { requirementsOf } from './conditions/requirements.js';
import { OutcomeBuilder, fallbackTarget, prepareRule, type CompiledRule } from './compiled-rule.js';
import type { PluginAssignmentStrategy } from './plugin-routing.js';
import { actionRegistry, strategyRegistry } from './plugin-routing-registry.js';
import { RuleIndex, type RuleSet } from './rule-index.js';
import type { RoutingFacts, RoutingOutcome, RuleTrace } from './types.js';

/**
 * Compiling an office's routing once per config version, and evaluating it per request.
 */

const NONE: readonly number[] = Object.freeze([]);

/** An office's routing, compiled: evaluate a request in a microsecond or two, or explain it. */
export interface CompiledRouting {
  /** How many rules the config has. */
  readonly ruleCount: number;
  /** The plugin assignment strategies the config may name, by name, for `resolveAssignment`. */
  readonly strategies: ReadonlyMap<string, PluginAssignmentStrategy>;
  /**
   * What the rules decide for a request (pure; nothing is written). A plugin action that
   * throws or returns an unusable effect fails it with PLUGIN_ERROR naming the action and rule.
   */
  evaluate(facts: RoutingFacts): RoutingOutcome;
  /**
   * The same decision, plus how every rule fared: matched or not, skipped by the index (and
   * why), and for each evaluated rule every condition with the actual value tested.
   */
  explain(facts: RoutingFacts): {
    /** The same outcome `evaluate` returns. */
    outcome: RoutingOutcome;
    /** Every rule in order, with how it fared. */
    rules: RuleTrace[];
  };
}

/** The rules of a config compiled one by one, without the index: what `compileRouting` builds on. */
export interface CompiledRules {
  readonly rules: readonly CompiledRule[];
  readonly fallback: AssignTarget;
  /** The keywords the rules' text tests share one scan of. */
  readonly keywords: KeywordSet;
  /** A context for one evaluation of these rules. */
  context(facts: RoutingFacts): EvaluationContext;
}

/**
 * Checks the config's routing (throwing VALIDATION_FAILED with every problem in
 * `details.issues`) and compiles each rule's condition into closures. No index: see
 * {@link compileRouting} for what routing uses; this is the plain loop's building block
 * (tests and the benchmark compare the index against it).
 *
 * @example
 * ```ts
 * const { rules, fallback, context } = compileRules(config);
 * const ctx = context(facts);
 * const outcome = new OutcomeBuilder(facts);
 * for (const rule of rules) if (rule.condition.test(ctx) && outcome.add(rule)) break;
 * outcome.finish(fallback);
 * ```
 */
export function compileRules(config: OfficeConfig, options: RoutingOptions = {}): CompiledRules {
  const problems = checkRouting(config, options);
  // The same error, in the same words, as the config loader gives for any other problem.
  if (problems.length > 0) throw configValidationError(problems.map((problem) => toConfigIssue(problem)));
  const environment = { keywords: new KeywordSet(), operators: operatorRegistry(options.operators) };
  const plugins = { actions: actionRegistry(options.actions), slaPolicies: config.slaPolicies.map((policy) => policy.id) };
  const rules = config.routing.rules.map((rule, r) => prepareRule(rule, r, compileConditionNode(rule.when, 'when', environment), plugins));
  environment.keywords.seal();
  const { keywords } = environment;
  return { rules, fallback: fallbackTarget(config), keywords, context: (facts) => new EvaluationContext(facts, keywords) };
}

/**
 * Compiles an office's routing rules once: every condition into closures, and an index of the
 * rules by the category, park and channel they require (and the keywords their text tests
 * need), so a request only evaluates the rules that can match it.
 *
 * Semantics: rules run in order. A matching rule is recorded in `matchedRuleIds` and adds its
 * side actions (assisting units; priority — later rules override; SLA policy — the first
 * wins; tags and watchers — union), then its plugin actions, merged the same way and listed in
 * `pluginActions`; the first matching rule with `assign` decides; evaluation
 * stops at a matching rule unless it has `continue: true`. `outcome.assign` lists the deciding
 * rule's target (if any), then the fallback.
 *
 * @throws KechuangError VALIDATION_FAILED listing every problem `checkRouting` finds
 *   (`details.issues`), PLUGIN_ERROR for a badly named plugin operator, action or strategy.
 * @example
 * ```ts
 * const routing = compileRouting(config, { operators: plugins.operators, actions: plugins.actions, strategies: plugins.strategies });
 * const outcome = routing.evaluate(facts);
 * outcome.assign[0]; // { source: 'rule', ruleId: 'legal_debts', target: { team: 'LEGAL', strategy: 'round_robin' } }
 * routing.explain(facts).rules.find((r) => r.ruleId === 'policy')?.skippedBecause;
 * // "category is 'legal', rule needs one of [policy]"
 * ```
 */
export function compileRouting(config: OfficeConfig, options: RoutingOptions = {}): CompiledRouting {
  const { rules, fallback, context, keywords } = compileRules(config, options);
  const index = new RuleIndex(
    config.routing.rules.map((rule) => requirementsOf(rule.when)),
    (keyword) => keywords.add(keyword),
  );
  const words = index.words;

  const { parkBound, keywordBound } = index;
  const strategies = strategyRegistry(options.strategies);

  const evaluate = (facts: RoutingFacts): RoutingOutcome => {
    const ctx = context(facts);
    const outcome = new OutcomeBuilder(facts);
    const byCategory = index.byCategory(facts);
    const byChannel = index.byChannel(facts);
    // Looked up only when a candidate needs them (see RuleIndex.parkBound).
    let byPark: RuleSet | null = null;
    let title: readonly number[] | null = null;
    let description: readonly number[] = NONE;
    scan: for (let w = 0; w < words; w++) {
      let bits = (byCategory[w] ?? 0) & (byChannel[w] ?? 0);
      if ((bits & (parkBound[w] ?? 0)) !== 0) bits &= (byPark ??= index.byPark(facts))[w] ?? 0;
      if ((bits & (keywordBound[w] ?? 0)) !== 0) {
        // The keyword tests would scan the text anyway; scanning first lets the index use it.
        if (title === null) {
          title = ctx.titleKeywords();
          description = ctx.descriptionKeywords();
        }
        bits &= index.keywordWord(w, title, description);
      }
      while (bits !== 0) {
        const lowest = bits & -bits;
        bits ^= lowest;
        const rule = rules[(w << 5) | (31 - Math.clz32(lowest))];
        if (rule !== undefined && rule.condition.test(ctx) && outcome.add(rule)) break scan;
      }
    }
    return outcome.finish(fallback);
  };

  const explain = (facts: RoutingFacts): { outcome: RoutingOutcome; rules: RuleTrace[] } => {
    const ctx = context(facts);
    const outcome = new OutcomeBuilder(facts);
    const traces: RuleTrace[] = [];
    let stoppedBy: string | null = null;
    let skippedBecause: string | null;
    for (const rule of rules) {
      const r = rule.index;
      if (stoppedBy !== null) {
        traces.push({ ruleId: rule.id, matched: false, skippedBecause: `rule ${stoppedBy} matched earlier and does not continue` });
      } else if ((skippedBecause = index.ruledOut(r, ctx)) !== null) {
        traces.push({ ruleId: rule.id, matched: false, skippedBecause });
      } else {
        const condition = rule.condition.trace(ctx);
        traces.push({ ruleId: rule.id, matched: condition.passed, condition });
        if (condition.passed && outcome.add(rule)) stoppedBy = rule.id;
      }
    }
    return { outcome: outcome.finish(fallback), rules: traces };
  };

  return { ruleCount: rules.length, strategies, evaluate, explain };
}
