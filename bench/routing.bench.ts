/**
 * Routing decisions per second on a realistic rule set (bench/routing-rules.ts: 107 rules —
 * side actions that continue, keyword rules, a captain rule per park for 62 parks, category
 * rules) over 10,000 requests drawn like the demo's (bench/routing-corpus.ts). One op routes
 * one request; the ops cycle through the corpus.
 *
 * - routing.decide: `compiled.evaluate(facts)` vs json-rules-engine with the equivalent rules
 *   (what an integrator would otherwise pick). Goal: ratio ≥ 300.
 * - routing.decide.vs-loop: vs a plain loop over one compiled closure per rule, no index.
 *   Goal: ratio ≥ 2 and ≥ 500,000 decisions/s.
 * - routing.explain: the cost of `explain(facts)`, with `evaluate` as the baseline.
 *
 * Before timing anything, each benchmark checks on the WHOLE corpus that its baseline gives
 * identical decisions, and throws if one differs.
 */
import { isDeepStrictEqual } from 'node:util';
import { compileRouting, compileRules, type CompiledRouting } from '../packages/community/src/routing/compile-routing.js';
import { OutcomeBuilder } from '../packages/community/src/routing/compiled-rule.js';
import type { RoutingFacts, RoutingOutcome } from '../packages/community/src/routing/types.js';
import type { BenchmarkDefinition } from './harness.js';
import { routingCorpus } from './routing-corpus.js';
import { jsonRulesEngine, type EngineDecision } from './routing-jre.js';
import { benchConfig } from './routing-rules.js';

const CORPUS_SIZE = 10_000;

let corpus: RoutingFacts[] = [];
let routing: CompiledRouting;
let config: ReturnType<typeof benchConfig>;
/** Keeps results alive so that no engine can skip the work. */
let sink = 0;

function prepare(): void {
  if (corpus.length > 0) return;
  config = benchConfig();
  corpus = routingCorpus(CORPUS_SIZE);
  routing = compileRouting(config);
}

/** An op's request: the next one of the corpus, round and round. */
function cycler(): () => RoutingFacts {
  let i = 0;
  return () => {
    const facts = corpus[i] as RoutingFacts;
    i = i + 1 === corpus.length ? 0 : i + 1;
    return facts;
  };
}

function deciding(outcome: RoutingOutcome): string {
  const first = outcome.assign[0];
  return first?.source === 'rule' ? (first.ruleId ?? '?') : 'fallback';
}

function mismatch(what: string, index: number, ours: unknown, theirs: unknown): Error {
  return new Error(`${what} decided request #${index} differently: ours ${JSON.stringify(ours)}, theirs ${JSON.stringify(theirs)}; facts ${JSON.stringify(corpus[index])}`);
}

// ---- routing.decide vs json-rules-engine ----------------------------------------------------

let engine: { decide(facts: RoutingFacts): Promise<EngineDecision> };

async function setupEngine(): Promise<void> {
  prepare();
  engine = jsonRulesEngine(config);
  const counts = new Map<string, number>();
  for (const [index, facts] of corpus.entries()) {
    const ours = routing.evaluate(facts);
    const theirs = await engine.decide(facts);
    const decidedBy = theirs.decidingRuleId ?? 'fallback';
    if (deciding(ours) !== decidedBy || !isDeepStrictEqual(ours.matchedRuleIds, theirs.matchedRuleIds)) {
      throw mismatch('json-rules-engine', index, { decidedBy: deciding(ours), matched: ours.matchedRuleIds }, { decidedBy, matched: theirs.matchedRuleIds });
    }
    counts.set(decidedBy, (counts.get(decidedBy) ?? 0) + 1);
  }
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([id, n]) => `${id} ${n}`);
  process.stdout.write(` (identical decisions on all ${corpus.length} requests by ${counts.size} distinct rules; most: ${top.join(', ')})`);
}

const nextDecide = cycler();
const nextEngine = cycler();

// ---- routing.decide.vs-loop -----------------------------------------------------------------

let loop: (facts: RoutingFacts) => RoutingOutcome;

function setupLoop(): void {
  prepare();
  const compiled = compileRules(config);
  const { rules, fallback } = compiled;
  // The same closures and the same accumulation, visiting every rule in order: no index.
  loop = (facts) => {
    const context = compiled.context(facts);
    const outcome = new OutcomeBuilder();
    for (const rule of rules) if (rule.condition.test(context) && outcome.add(rule)) break;
    return outcome.finish(fallback);
  };
  for (const [index, facts] of corpus.entries()) {
    const ours = routing.evaluate(facts);
    const theirs = loop(facts);
    if (!isDeepStrictEqual(ours, theirs)) throw mismatch('the plain loop', index, ours, theirs);
  }
  process.stdout.write(` (identical outcomes on all ${corpus.length} requests)`);
}

const nextVsLoop = cycler();
const nextLoop = cycler();
const nextExplain = cycler();
const nextEvaluate = cycler();

export const benchmarks: BenchmarkDefinition[] = [
  {
    name: 'routing.decide',
    setup: setupEngine,
    fn: () => {
      sink += routing.evaluate(nextDecide()).matchedRuleIds.length;
    },
    baseline: {
      name: 'json-rules-engine, same rules',
      fn: async () => {
        sink += (await engine.decide(nextEngine())).matchedRuleIds.length;
      },
    },
  },
  {
    name: 'routing.decide.vs-loop',
    setup: async () => setupLoop(),
    fn: () => {
      sink += routing.evaluate(nextVsLoop()).matchedRuleIds.length;
    },
    baseline: {
      name: 'plain loop over compiled rules, no index',
      fn: () => {
        sink += loop(nextLoop()).matchedRuleIds.length;
      },
    },
  },
  {
    name: 'routing.explain',
    setup: async () => {
      prepare();
      for (const [index, facts] of corpus.entries()) {
        const explained = routing.explain(facts).outcome;
        const evaluated = routing.evaluate(facts);
        if (!isDeepStrictEqual(explained, evaluated)) throw mismatch('explain', index, explained, evaluated);
      }
    },
    fn: () => {
      sink += routing.explain(nextExplain()).rules.length;
    },
    baseline: {
      name: 'evaluate (explain off)',
      fn: () => {
        sink += routing.evaluate(nextEvaluate()).matchedRuleIds.length;
      },
    },
    teardown: async () => {
      if (sink < 0) console.log(sink);
    },
  },
];
