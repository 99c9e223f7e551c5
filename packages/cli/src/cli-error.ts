import type { ExitCode } from './exit-codes.js';

/**
 * A user error a command reports: printed as its message (and `details`, one per line)
 * without a stack trace, and the process exits with `exitCode`. Anything else thrown is
 * treated as a bug (exit 70).
 *
 * @example
 * ```ts
 * throw new CliError(exitCodes.notFound, `No config at ${file}; run \`kechuang init\` first.`);
 * ```
 */
export class CliError extends Error {
  /** Always `CliError`. */
  override readonly name = 'CliError';

  constructor(
    /** The process's exit code, one of `exitCodes`. */
    readonly exitCode: ExitCode,
    message: string,
    /** Lines printed under the message, e.g. `file:line:col  problem`. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

/** Whether `error` is a {@link CliError}. */
export function isCliError(error: unknown): error is CliError {
  return error instanceof CliError;
}
