import { KechuangError } from '../errors/kechuang-error.js';
import type { RoleName } from '../model/member.js';

/**
 * Who may fire a transition. Besides the member roles, a few roles are relative to the
 * request: `assignee` (the lead, 主办), `assisting` (a member of an assisting unit, 协办),
 * `submitter`, `park_captain` (captain of the request's park), `own_enterprise` (a contact of
 * the request's enterprise), and `system` (the host acting for the office).
 */
export type WorkflowRole = RoleName | 'system' | 'assignee' | 'assisting' | 'submitter' | 'park_captain' | 'own_enterprise';

/** One transition, or an action that keeps the state (`to: null`). */
export interface TransitionDefinition {
  /** The command that fires it, e.g. `accept`. */
  name: string;
  /** The states it may be fired from. */
  from: readonly string[];
  /** The state it leads to; null keeps the current state (notes, assisting units). */
  to: string | null;
  /** Who may fire it; any one of these roles suffices. */
  roles: readonly WorkflowRole[];
}

/** The request lifecycle as data. */
export interface WorkflowDefinition {
  /** Every state a request can be in. */
  states: readonly string[];
  /** The state `submit` creates requests in. */
  initial: string;
  /** States a request never leaves. */
  terminal: readonly string[];
  /** The transitions and state-keeping actions, by command name. */
  transitions: readonly TransitionDefinition[];
}

/**
 * Checks a workflow and returns it: every state is known, the initial state is not terminal,
 * terminal states have no way out, and **every state can reach a terminal state**, so no
 * request can get stuck. Throws INVALID_WORKFLOW listing every problem.
 *
 * @example
 * ```ts
 * const workflow = defineWorkflow({
 *   ...defaultWorkflow,
 *   transitions: [...defaultWorkflow.transitions, { name: 'archive', from: ['closed'], to: 'archived', roles: ['system'] }],
 * });
 * ```
 */
export function defineWorkflow(definition: WorkflowDefinition): WorkflowDefinition {
  const problems: string[] = [];
  const states = new Set(definition.states);
  if (states.size !== definition.states.length) problems.push('states are listed more than once');
  if (!states.has(definition.initial)) problems.push(`initial state '${definition.initial}' is not in states`);
  if (definition.terminal.includes(definition.initial)) problems.push(`initial state '${definition.initial}' is terminal`);
  for (const t of definition.terminal) if (!states.has(t)) problems.push(`terminal state '${t}' is not in states`);
  for (const t of definition.transitions) {
    const label = `transition '${t.name}'`;
    if (t.roles.length === 0) problems.push(`${label} has no roles, so nobody could fire it`);
    if (t.to !== null && !states.has(t.to)) problems.push(`${label} leads to unknown state '${t.to}'`);
    for (const f of t.from) {
      if (!states.has(f)) problems.push(`${label} starts from unknown state '${f}'`);
      if (definition.terminal.includes(f)) problems.push(`${label} leaves terminal state '${f}'`);
    }
  }
  // Reverse reachability from the terminal states.
  const canFinish = new Set(definition.terminal);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of definition.transitions) {
      if (t.to === null || !canFinish.has(t.to)) continue;
      for (const f of t.from) {
        if (!canFinish.has(f)) {
          canFinish.add(f);
          grew = true;
        }
      }
    }
  }
  for (const s of definition.states) {
    if (!canFinish.has(s)) problems.push(`state '${s}' cannot reach any terminal state`);
  }
  if (problems.length > 0) {
    throw new KechuangError('INVALID_WORKFLOW', `The workflow is invalid: ${problems.join('; ')}.`, { problems });
  }
  return definition;
}

/** The transitions named `name` that may start from `state`. */
export function findTransition(workflow: WorkflowDefinition, name: string, state: string): TransitionDefinition | undefined {
  return workflow.transitions.find((t) => t.name === name && t.from.includes(state));
}
