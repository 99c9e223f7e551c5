import { templateVariables } from '@kechuang/community/config';

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

/** Every placeholder a progress report's template may use: the core's template variables and the report's own. */
export const knownPlaceholders: readonly string[] = [...new Set<string>([...templateVariables, ...reportVariables])];
