/**
 * The exit codes of `kechuang`, stable so that scripts and schedulers can act on them.
 *
 * @example
 * ```ts
 * import { exitCodes, runCli, nodeIo } from '@kechuang/cli';
 *
 * const code = await runCli(['check', 'kechuang.config.yaml'], nodeIo());
 * if (code === exitCodes.problems) console.log('the config needs fixing');
 * ```
 */
export const exitCodes = {
  /** Done, nothing wrong. */
  ok: 0,
  /** Problems found in the input: config errors, rejected import rows, invalid calendar data. */
  problems: 1,
  /** Bad flags or arguments. */
  usage: 2,
  /** Not found or refused: no such office, a missing file, FORBIDDEN / NOT_FOUND from the SDK. */
  notFound: 3,
  /** The database could not be opened or reached. */
  storage: 4,
  /** An internal error (a bug): the message asks for a report; `--debug` prints the stack. */
  internal: 70,
} as const;

/** One of {@link exitCodes}. */
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
