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
  /** 派单: assign a new request to its lead (主办). */
  assign: assignCommand,
  /** 改派: move a request being worked on to another lead. */
  reassign: reassignCommand,
  /** 签收: the lead signs for the request. */
  accept: acceptCommand,
  /** 退单: the lead returns a request that is not theirs, within the return window. */
  return: returnCommand,
  /** Settle a return by assigning another lead, or letting routing pick one. */
  redispatch: redispatchCommand,
  /** Settle a return by overruling it: the same lead keeps the request. */
  overrule_return: overruleReturnCommand,
  /** 办理: the lead starts working on it. */
  start: startCommand,
  /** Wait on the enterprise; the SLA clock stops. */
  pause: pauseCommand,
  /** Work goes on; the paused working time is added back to the deadline. */
  resume: resumeCommand,
  /** 反馈: the lead replies with an outcome, for itself and every assisting unit. */
  reply: replyCommand,
  /** A progress note (办理进展); the state does not change. */
  note: noteCommand,
  /** 协办: add an assisting member or team. */
  add_assist: addAssistCommand,
  /** An assisting unit signs for its part. */
  sign_assist: signAssistCommand,
  /** An assisting unit files its contribution for the lead's reply. */
  contribute: contributeCommand,
  /** 回访: record the enterprise's rating; `unsatisfied` redoes the request (重办). */
  follow_up: followUpCommand,
  /** 办结 without a rating, e.g. when the enterprise could not be reached. */
  close: closeCommand,
  /** Link a duplicate with nothing new to the original request. */
  merge: mergeCommand,
  /** The enterprise (or the station for it) withdraws the request. */
  withdraw: withdrawCommand,
  /** 延期: the lead asks for more working days, before the deadline. */
  request_extension: requestExtensionCommand,
  /** Approve or refuse a pending extension. */
  decide_extension: decideExtensionCommand,
  /** 督办: office staff or the station head supervise the request. */
  supervise: superviseCommand,
} satisfies Record<Exclude<RequestCommandName, 'submit'>, RequestCommand>;

/** The request commands by name, each with its input schema and its decision. */
export type RequestCommands = typeof requestCommands;

/**
 * The command firing the plugin transition `raw.name` names (`requests.transition`); a core
 * command's name is refused with a pointer to its own method.
 */
export function pluginTransition(workflow: WorkflowDefinition, additions: PluginWorkflowAdditions, raw: unknown): RequestCommand<typeof transitionRequestInput> {
  return pluginTransitionCommand(workflow, additions, ['submit', ...Object.keys(requestCommands)], raw);
}
