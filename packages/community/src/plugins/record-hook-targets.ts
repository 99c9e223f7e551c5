import type { RecordCommandName, RecordHookTarget } from './hooks.js';

const DIRECTORY = ['community', 'park', 'building', 'enterprise', 'team', 'member', 'office'] as const;
const ACTIONS = ['create', 'update', 'archive'] as const;

/** Every record command, `<model>.<action>`. */
export const recordCommandNames: readonly RecordCommandName[] = [...DIRECTORY.flatMap((model) => ACTIONS.map((action) => `${model}.${action}` as const)), 'config.update', 'visit.record'];

const names = new Set<string>(recordCommandNames);
// Plugin ids cannot be these (see plugin-host.ts), so a target under one of them means a record command.
const namespaces = new Set<string>([...DIRECTORY, 'config', 'visit', 'record']);

/**
 * Whether a hook's target is a record command (or `'record.*'`) rather than a request
 * command; a target under a record model's name that is no command is a problem for the host
 * to fix (a typo would otherwise leave the hook silently unused).
 */
export function recordTarget(target: string): { record: true; target: RecordHookTarget } | { record: false; problem: string | null } {
  if (target === 'record.*' || names.has(target)) return { record: true, target: target as RecordHookTarget };
  const [namespace = ''] = target.split('.');
  if (!namespaces.has(namespace)) return { record: false, problem: null };
  return { record: false, problem: `'${target}' is not a command; record commands are ${recordCommandNames.join(', ')}, and 'record.*' for all of them` };
}
