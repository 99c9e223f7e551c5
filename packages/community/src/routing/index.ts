/**
 * Routing: the rule DSL an office configures without code, compiled once into closures;
 * explanations of every decision; and the assignment strategies that pick the member.
 *
 * @example
 * ```ts
 * const problems = checkRouting(config);            // every problem, with paths and suggestions
 * const routing = compileRouting(config);           // throws VALIDATION_FAILED on problems
 * const outcome = routing.evaluate(facts);          // pure, ~1–2 µs on a 100-rule set
 * const decision = resolveAssignment(outcome, snapshot, facts, routing.strategies);
 * ```
 *
 * @module @kechuang/community/routing
 */
export { compileRouting, type CompiledRouting } from './compile-routing.js';
export { checkRouting, type RoutingOptions } from './check-routing.js';
export { resolveAssignment, candidateMembers, type MembersAndTeams } from './resolve-assignment.js';
export { PLUGIN_NAME_PATTERN, type PluginRoutingAction, type PluginActionEffect, type PluginActionRun, type PluginAssignmentStrategy } from './plugin-routing.js';
export { closest, editDistance } from './did-you-mean.js';
export type {
  RecordKey,
  RoutingFacts,
  AssignIntent,
  AssistTarget,
  WatcherTarget,
  RoutingOutcome,
  ConditionTrace,
  RuleTrace,
  OperatorDefinition,
  ConfigProblem,
  RoutingSnapshot,
  SkippedMember,
  AssignmentDecision,
} from './types.js';
