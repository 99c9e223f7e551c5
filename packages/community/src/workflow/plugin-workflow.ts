import { KechuangError, isKechuangError } from '../errors/kechuang-error.js';
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
 * Commands of the host's workflow that apply in any open state (withdraw, merge, supervise,
 * note). A request waiting in a plugin's state is still open, so these reach it too; every
 * other core command fires only from the states its transition lists.
 */
const ANY_OPEN_STATE = new Set(['withdraw', 'merge', 'supervise', 'note']);

/** Checks that each plugin names its transitions apart from the core's and uses only core states and its own. */
function ownershipProblems(base: WorkflowDefinition, additions: PluginWorkflowAdditions): string[] {
  const problems: string[] = [];
  const core = new Set(base.states);
  const coreCommands = new Set(['submit', ...base.transitions.map((t) => t.name)]);
  const ownerOfState = new Map(additions.states.map((s) => [s.name, s.plugin]));
  for (const { plugin, transition } of additions.transitions) {
    const label = `plugin '${plugin}' transition '${transition.name}'`;
    if (coreCommands.has(transition.name)) {
      problems.push(`${label} is named like a core command; name it '${plugin}.<name>'`);
    }
    const states = [...transition.from, ...(transition.to === null ? [] : [transition.to])];
    for (const state of new Set(states)) {
      const owner = ownerOfState.get(state);
      if (core.has(state) || owner === plugin) continue;
      problems.push(
        owner === undefined
          ? `${label} names state '${state}', which is neither a core state nor a state of plugin '${plugin}'; declare it with workflow.state()`
          : `${label} names state '${state}' of plugin '${owner}'; a plugin may only use core states and its own`,
      );
    }
  }
  return problems;
}

/**
 * What `defineWorkflow` refuses in `definition`. Read from its error rather than from a
 * second export: that module loads at start, and every byte of it counts against the budget.
 */
function definitionProblems(definition: WorkflowDefinition): string[] {
  try {
    defineWorkflow(definition);
    return [];
  } catch (error) {
    if (!isKechuangError(error, 'INVALID_WORKFLOW')) throw error;
    const listed = error.details['problems'];
    return Array.isArray(listed) ? listed.map(String) : [error.message];
  }
}

/**
 * The host's workflow with the plugins' states and transitions merged in, validated as a
 * whole: a plugin state every path of which dead-ends fails here, at start, naming the state.
 * A plugin transition may keep the state (`to: null`) for an in-place action.
 *
 * The validation counts only the plugins' own ways out of their states: withdraw, merge,
 * supervise and note reach the plugins' open states as well, but a state that only a
 * withdrawal could end is a plugin bug, not a lifecycle.
 */
export function composeWorkflow(base: WorkflowDefinition, additions: PluginWorkflowAdditions): WorkflowDefinition {
  if (additions.states.length === 0 && additions.transitions.length === 0) return base;
  const merged: WorkflowDefinition = {
    states: [...base.states, ...additions.states.map((s) => s.name)],
    initial: base.initial,
    terminal: [...base.terminal, ...additions.states.filter((s) => s.terminal).map((s) => s.name)],
    transitions: [...base.transitions, ...additions.transitions.map((t) => t.transition)],
  };
  const problems = [...ownershipProblems(base, additions), ...definitionProblems(merged)];
  if (problems.length > 0) {
    const message = `The workflow with the plugins' states and transitions is invalid: ${problems.join('; ')}. Give every plugin state a transition that leads on towards a terminal state, and name only core states and the plugin's own.`;
    throw new KechuangError('INVALID_WORKFLOW', message, { problems });
  }
  const openPluginStates = additions.states.filter((s) => !s.terminal).map((s) => s.name);
  if (openPluginStates.length === 0) return merged;
  const widen = (t: TransitionDefinition): TransitionDefinition => (ANY_OPEN_STATE.has(t.name) ? { ...t, from: [...t.from, ...openPluginStates] } : t);
  return { ...merged, transitions: [...base.transitions.map(widen), ...additions.transitions.map((t) => t.transition)] };
}
