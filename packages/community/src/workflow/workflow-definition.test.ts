import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/kechuang-error.js';
import { defaultWorkflow } from './default-workflow.js';
import { defineWorkflow, type WorkflowDefinition } from './workflow-definition.js';

function problemsOf(definition: WorkflowDefinition): string[] {
  try {
    defineWorkflow(definition);
    return [];
  } catch (error) {
    if (!isKechuangError(error, 'INVALID_WORKFLOW')) throw error;
    return error.details['problems'] as string[];
  }
}

describe('defineWorkflow', () => {
  it('accepts the default workflow, where every state reaches a terminal state', () => {
    expect(problemsOf(defaultWorkflow)).toEqual([]);
  });

  it('accepts a customised workflow within bounds', () => {
    const custom = defineWorkflow({
      ...defaultWorkflow,
      states: [...defaultWorkflow.states, 'archived'],
      terminal: [...defaultWorkflow.terminal.filter((s) => s !== 'closed'), 'archived'],
      transitions: [...defaultWorkflow.transitions, { name: 'archive', from: ['closed'], to: 'archived', roles: ['system'] }],
    });
    expect(custom.states).toContain('archived');
  });

  it('refuses a state that can never finish, and lists every problem', () => {
    const problems = problemsOf({
      ...defaultWorkflow,
      states: [...defaultWorkflow.states, 'limbo'],
      transitions: [
        ...defaultWorkflow.transitions,
        { name: 'park', from: ['submitted'], to: 'limbo', roles: ['system'] },
        { name: 'nobody', from: ['submitted'], to: 'closed', roles: [] },
        { name: 'ghost', from: ['nowhere'], to: 'closed', roles: ['system'] },
      ],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "state 'limbo' cannot reach any terminal state",
        "transition 'nobody' has no roles, so nobody could fire it",
        "transition 'ghost' starts from unknown state 'nowhere'",
      ]),
    );
  });

  it('refuses transitions out of terminal states and an unknown initial state', () => {
    const problems = problemsOf({
      ...defaultWorkflow,
      initial: 'draft',
      transitions: [...defaultWorkflow.transitions, { name: 'reopen', from: ['closed'], to: 'assigned', roles: ['system'] }],
    });
    expect(problems).toEqual(expect.arrayContaining(["initial state 'draft' is not in states", "transition 'reopen' leaves terminal state 'closed'"]));
  });
});
