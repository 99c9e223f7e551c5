import { defineWorkflow, type WorkflowRole } from './workflow-definition.js';

/** The states of the default lifecycle. */
export const requestStates = [
  'submitted',
  'assigned',
  'accepted',
  'in_progress',
  'paused',
  'replied',
  'closed',
  'returned',
  'withdrawn',
  'merged',
] as const;
/**
 * A state of the default workflow.
 *
 * @useDeclaredType
 */
export type RequestState = (typeof requestStates)[number];

const DISPATCH: readonly WorkflowRole[] = ['station_head', 'dispatcher', 'office_staff', 'system'];
const FOLLOW_UP: readonly WorkflowRole[] = ['station_head', 'dispatcher', 'office_staff', 'commissioner', 'system'];
const OPEN = ['submitted', 'assigned', 'accepted', 'in_progress', 'paused', 'returned'] as const;
const WORKING = ['assigned', 'accepted', 'in_progress', 'paused'] as const;

/**
 * The default closed loop (闭环): submit → assign (派单) → accept (签收) → handle (办理) →
 * reply (反馈) → follow-up (回访) → close (办结), with return (退单), redo (重办), merge and
 * withdraw. Redo is `replied → assigned` after an unsatisfied follow-up.
 */
export const defaultWorkflow = defineWorkflow({
  states: requestStates,
  initial: 'submitted',
  terminal: ['closed', 'withdrawn', 'merged'],
  transitions: [
    { name: 'assign', from: ['submitted'], to: 'assigned', roles: DISPATCH },
    { name: 'reassign', from: WORKING, to: 'assigned', roles: DISPATCH },
    { name: 'accept', from: ['assigned'], to: 'accepted', roles: ['assignee'] },
    { name: 'return', from: ['assigned', 'accepted'], to: 'returned', roles: ['assignee'] },
    { name: 'redispatch', from: ['returned'], to: 'assigned', roles: ['station_head', 'dispatcher', 'system'] },
    { name: 'overrule_return', from: ['returned'], to: 'assigned', roles: ['station_head', 'dispatcher', 'system'] },
    { name: 'start', from: ['accepted'], to: 'in_progress', roles: ['assignee'] },
    { name: 'pause', from: ['in_progress'], to: 'paused', roles: ['assignee'] },
    { name: 'resume', from: ['paused'], to: 'in_progress', roles: ['assignee'] },
    { name: 'reply', from: ['accepted', 'in_progress'], to: 'replied', roles: ['assignee'] },
    { name: 'follow_up', from: ['replied'], to: 'closed', roles: FOLLOW_UP },
    { name: 'redo', from: ['replied'], to: 'assigned', roles: FOLLOW_UP },
    { name: 'close', from: ['replied'], to: 'closed', roles: DISPATCH },
    { name: 'merge', from: OPEN, to: 'merged', roles: DISPATCH },
    { name: 'withdraw', from: OPEN, to: 'withdrawn', roles: ['submitter', 'own_enterprise', 'station_head', 'dispatcher', 'system'] },
    { name: 'add_assist', from: WORKING, to: null, roles: [...DISPATCH, 'assignee'] },
    { name: 'request_extension', from: ['accepted', 'in_progress', 'paused'], to: null, roles: ['assignee'] },
    { name: 'decide_extension', from: WORKING, to: null, roles: DISPATCH },
    { name: 'supervise', from: [...OPEN, 'replied'], to: null, roles: ['station_head', 'office_staff', 'system'] },
    { name: 'sign_assist', from: WORKING, to: null, roles: ['assisting'] },
    { name: 'contribute', from: ['accepted', 'in_progress', 'paused'], to: null, roles: ['assisting'] },
    {
      name: 'note',
      from: [...OPEN, 'replied'],
      to: null,
      roles: ['assignee', 'assisting', 'station_head', 'dispatcher', 'office_staff', 'commissioner', 'park_captain', 'system'],
    },
  ],
});
