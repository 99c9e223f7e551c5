/**
 * `@kechuang/cli`: the `kechuang` command, also callable in-process.
 *
 * @example
 * ```ts
 * import { nodeIo, runCli } from '@kechuang/cli';
 *
 * process.exitCode = await runCli(['route', '--explain', '--text', '40余个项目尾款未结', '--category', 'legal'], nodeIo());
 * ```
 *
 * @packageDocumentation
 */
export { runCli } from './run-cli.js';
export { nodeIo, type CliIo } from './cli-io.js';
export { exitCodes, type ExitCode } from './exit-codes.js';
export { CliError, isCliError } from './cli-error.js';
export type { CliContext, OpenOffice, OpenDatabase, OpenOfficeOptions } from './cli-context.js';
export type { CliApp } from './app-module.js';
export { resolveLang, type Lang, type Messages } from './locale.js';
export { resolveDatabase, DEFAULT_DATABASE_FILE, type DatabaseTarget } from './database.js';
