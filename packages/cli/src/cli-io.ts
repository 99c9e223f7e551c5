import process from 'node:process';

/**
 * Where a command's output goes and what it may know about its surroundings. Commands never
 * touch `process` directly, so tests can run them in-process with a recording `CliIo`.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const io: CliIo = { out: (t) => lines.push(t), err: (t) => lines.push(t), isTTY: false, env: {}, cwd: '/tmp' };
 * await runCli(['calendar', 'due', '--from', '2026-09-30 16:00', '--days', '3'], io);
 * ```
 */
export interface CliIo {
  /** Prints `text` followed by a newline on standard output. */
  out(text: string): void;
  /** Prints `text` followed by a newline on standard error. */
  err(text: string): void;
  /** Whether standard error is a terminal: progress bars and colours only then. */
  readonly isTTY: boolean;
  /** The environment (LANG, DATABASE_URL …). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
  /** The stream a progress bar draws on, when `isTTY`. @default none (no bar) */
  readonly progressStream?: NodeJS.WritableStream;
}

/**
 * The real process: stdout, stderr, `process.env` and `process.cwd()`.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), nodeIo());
 * ```
 */
export function nodeIo(): CliIo {
  // Output piped into `head` or a closed pager: stop quietly, as other command-line tools do.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  return {
    out: (text) => {
      process.stdout.write(`${text}\n`);
    },
    err: (text) => {
      process.stderr.write(`${text}\n`);
    },
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    progressStream: process.stderr,
  };
}
