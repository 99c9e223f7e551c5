import { defineWorkflow, type TransitionDefinition, type WorkflowDefinition } from './workflow-definition.js';

/**
 * What plugins add to the request lifecycle: states (namespaced `<plugin-id>.<name>`) and
 * transitions (their command name namespaced the same way), which may lead from and to core
 * states. The host merges them into its workflow and validates the result with
 * `defineWorkflow`, so every state can still reach a terminal state.
 */
export interface PluginWorkflowAdditions {
  states: { plugin: string; name: string; terminal: boolean }[];
  transitions: { plugin: string; transition: TransitionDefinition }[];
}

/**
 * The host's workflow with the plugins' states and transitions merged in, validated as a
 * whole: a plugin state every path of which dead-ends fails here, at start, naming the state.
 */
export function composeWorkflow(base: WorkflowDefinition, additions: PluginWorkflowAdditions): WorkflowDefinition {
  if (additions.states.length === 0 && additions.transitions.length === 0) return base;
  return defineWorkflow({
    states: [...base.states, ...additions.states.map((s) => s.name)],
    initial: base.initial,
    terminal: [...base.terminal, ...additions.states.filter((s) => s.terminal).map((s) => s.name)],
    transitions: [...base.transitions, ...additions.transitions.map((t) => t.transition)],
  });
}
