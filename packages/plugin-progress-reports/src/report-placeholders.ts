import type { TemplateVariable } from '@kechuang/community';

/** The core's template variables; the check below fails to compile when the core adds one. */
const coreVariables = [
  'title',
  'description',
  'enterprise',
  'category',
  'contact',
  'deadline',
  'respondDeadline',
  'reason',
  'outcome',
  'note',
  'n',
  'overdue',
  'level',
  'rating',
  'days',
  'decision',
  'actor',
  'assignee',
  'recipient',
] as const satisfies readonly TemplateVariable[];

type Listed<Missing extends never> = Missing;
type EveryCoreVariableListed = Listed<Exclude<TemplateVariable, (typeof coreVariables)[number]>>;

/**
 * What a progress report adds (sent as the notice's `data`): `n` the report's number for the
 * request, `elapsed` how long it has been in hand in working days (in the reader's words),
 * `workingDays` the bare number, `submittedOn` the date it was raised, `state` where it stands.
 *
 * @example
 * ```ts
 * reportVariables.map((name) => `{${name}}`).join(' '); // '{n} {elapsed} {workingDays} {submittedOn} {state}'
 * ```
 */
export const reportVariables = ['n', 'elapsed', 'workingDays', 'submittedOn', 'state'] as const;

/** Every placeholder a progress report's template may use. */
export const knownPlaceholders: readonly string[] = [...new Set<string>([...coreVariables, ...reportVariables])];
