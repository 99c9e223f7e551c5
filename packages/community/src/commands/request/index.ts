import type { RequestCommandName } from '../../events/core-events.js';
import type { RequestCommand } from './command-definition.js';
import { addAssistCommand, contributeCommand, signAssistCommand } from './assist-commands.js';
import { closeCommand, followUpCommand, mergeCommand, withdrawCommand } from './conclusion-commands.js';
import { acceptCommand, assignCommand, overruleReturnCommand, reassignCommand, redispatchCommand, returnCommand } from './dispatch-commands.js';
import { decideExtensionCommand, requestExtensionCommand, superviseCommand } from './sla-commands.js';
import { noteCommand, pauseCommand, replyCommand, resumeCommand, startCommand } from './handling-commands.js';
import { pluginTransitionCommand, type transitionRequestInput } from './transition-command.js';
import type { PluginWorkflowAdditions } from '../../workflow/plugin-workflow.js';
import type { WorkflowDefinition } from '../../workflow/workflow-definition.js';

/** Every request command except `submit`, which creates the aggregate. */
export const requestCommands = {
  assign: assignCommand,
  reassign: reassignCommand,
  accept: acceptCommand,
  return: returnCommand,
  redispatch: redispatchCommand,
  overrule_return: overruleReturnCommand,
  start: startCommand,
  pause: pauseCommand,
  resume: resumeCommand,
  reply: replyCommand,
  note: noteCommand,
  add_assist: addAssistCommand,
  sign_assist: signAssistCommand,
  contribute: contributeCommand,
  follow_up: followUpCommand,
  close: closeCommand,
  merge: mergeCommand,
  withdraw: withdrawCommand,
  request_extension: requestExtensionCommand,
  decide_extension: decideExtensionCommand,
  supervise: superviseCommand,
} satisfies Record<Exclude<RequestCommandName, 'submit'>, RequestCommand>;

export type RequestCommands = typeof requestCommands;

/**
 * The command firing the plugin transition `raw.name` names (`requests.transition`); a core
 * command's name is refused with a pointer to its own method.
 */
export function pluginTransition(workflow: WorkflowDefinition, additions: PluginWorkflowAdditions, raw: unknown): RequestCommand<typeof transitionRequestInput> {
  return pluginTransitionCommand(workflow, additions, ['submit', ...Object.keys(requestCommands)], raw);
}
