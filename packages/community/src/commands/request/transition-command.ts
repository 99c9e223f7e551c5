import { z } from 'zod';
import { KechuangError } from '../../errors/kechuang-error.js';
import { parseInput } from '../../errors/validation.js';
import type { PluginCommandName } from '../../plugins/hooks.js';
import type { PluginWorkflowAdditions } from '../../workflow/plugin-workflow.js';
import type { WorkflowDefinition } from '../../workflow/workflow-definition.js';
import { requestCommand, targetFields, transitionEntry, type Decision, type RequestCommand } from './command-definition.js';
import { withSla } from './with-sla.js';

/**
 * Input of `requests.transition`: the request, optionally the version the caller saw, the
 * plugin transition to fire (`<plugin-id>.<name>`) and an optional note for the timeline.
 *
 * @example
 * ```ts
 * const parsed = transitionRequestInput.parse({ requestId, version: 3, name: 'legal-review.send', note: '合同条款需律师审核' });
 * ```
 */
export const transitionRequestInput = z.strictObject({
  ...targetFields,
  /** The plugin transition, e.g. `legal-review.send`. */
  name: z.string().trim().min(1).max(200),
  /** Why, in a sentence; kept on the timeline entry. */
  note: z.string().trim().max(2000).optional(),
});
/**
 * What `session.requests.transition()` takes: the request, the plugin transition and a note.
 *
 * @useDeclaredType
 */
export type TransitionRequestInput = z.input<typeof transitionRequestInput>;

/** Core transitions that a command of another name fires. */
const FIRED_BY: Readonly<Record<string, string>> = { redo: 'follow_up' };

const methodOf = (command: string): string => command.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function invalidName(message: string): KechuangError {
  return new KechuangError('VALIDATION_FAILED', `Invalid name: ${message}`, { issues: [{ path: ['name'], message, code: 'invalid_transition_name' }] });
}

const isPluginCommandName = (name: string): name is PluginCommandName => name.includes('.');

/**
 * The command that fires the plugin transition `raw.name` through the request pipeline.
 * Refuses, as VALIDATION_FAILED on `name`, a core command (it has its own method, with its own
 * input) and a name no installed plugin added.
 */
export function pluginTransitionCommand(
  workflow: WorkflowDefinition,
  additions: PluginWorkflowAdditions,
  coreCommands: readonly string[],
  raw: unknown,
): RequestCommand<typeof transitionRequestInput> {
  const { name } = parseInput(transitionRequestInput, raw, 'transition input');
  // Looked up here rather than through plugin-workflow.ts: importing it would tie this lazily
  // loaded module to the workflow module the start bundle holds, splitting it into one more chunk.
  const plugin = additions.transitions.find((t) => t.transition.name === name)?.plugin;
  if (plugin === undefined || !isPluginCommandName(name)) {
    const command = FIRED_BY[name] ?? name;
    if (coreCommands.includes(command)) {
      throw invalidName(`'${name}' is a core command; call requests.${methodOf(command)}() instead of requests.transition(), which fires plugin transitions only.`);
    }
    if (workflow.transitions.some((t) => t.name === name)) {
      throw invalidName(`'${name}' belongs to the host's workflow, not to a plugin; requests.transition() fires plugin transitions only.`);
    }
    const known = additions.transitions.map((t) => t.transition.name);
    throw invalidName(`no plugin adds a transition '${name}'. ${known.length > 0 ? `Use one of: ${known.join(', ')}.` : 'No installed plugin adds any transition.'}`);
  }
  const terminal = new Set(workflow.terminal);
  return requestCommand({
    name,
    plugin,
    input: transitionRequestInput,
    transition: () => name,
    decide({ request, input, now, to, sla }): Decision {
      const status = to ?? request.status;
      // The name comes from the command, not the input: a `before` hook may reword the note,
      // but not turn one transition into another after it was authorized.
      const entries = [transitionEntry('transitioned', request, to, { transition: name, note: input.note ?? null })];
      if (terminal.has(status)) {
        return { request: { ...request, status, pausedAt: null, closedAt: now }, entries, cancelTimers: true };
      }
      const moved = { ...request, status };
      // Into or out of `paused`, the SLA clock stops or restarts as it does for pause and resume.
      if (status === 'paused' && request.status !== 'paused') return withSla({ request: moved, entries }, sla?.pause(moved, now));
      if (request.pausedAt !== null && status !== 'paused') return withSla({ request: moved, entries }, sla?.resume(moved, now));
      return { request: moved, entries };
    },
  });
}
