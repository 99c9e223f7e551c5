import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { isKechuangError, type KechuangError } from '@kechuang/community';
import { isCliError } from './cli-error.js';
import { stringOption } from './command-options.js';
import { createCliContext, type CliContext } from './cli-context.js';
import type { CliIo } from './cli-io.js';
import { exitCodes, type ExitCode } from './exit-codes.js';
import { resolveLang, type Lang } from './locale.js';
import { globalMessages, translateCommanderError, translateHelpTitle } from './run-cli-messages.js';
import { registerCalendar } from './commands/calendar.js';
import { registerCheck } from './commands/check.js';
import { registerDemo } from './commands/demo.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerMigrate } from './commands/migrate.js';
import { registerReport } from './commands/report.js';
import { registerRoute } from './commands/route.js';
import { registerTimers } from './commands/timers.js';
import { registerWorker } from './commands/worker.js';

/** Each command adds itself to the program. */
const registrations: readonly ((program: Command, ctx: CliContext) => void)[] = [
  registerInit,
  registerCheck,
  registerRoute,
  registerImport,
  registerReport,
  registerCalendar,
  registerMigrate,
  registerWorker,
  registerTimers,
  registerDemo,
];

/** The package version, read beside src/ or dist/ alike. */
function packageVersion(): string {
  const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : '0.0.0';
}

/**
 * The language and `--debug` are needed before commander parses (help texts and parse errors
 * are already in the chosen language), so they are read from the raw arguments first.
 */
function prescan(argv: readonly string[]): { lang: string | undefined; debug: boolean } {
  let lang: string | undefined;
  let debug = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '--') break;
    if (arg === '--debug') debug = true;
    else if (arg === '--lang') lang = argv[i + 1];
    else if (arg.startsWith('--lang=')) lang = arg.slice('--lang='.length);
  }
  return { lang, debug };
}

const KECHUANG_EXIT: Readonly<Partial<Record<string, ExitCode>>> = {
  VALIDATION_FAILED: exitCodes.problems,
  NOT_FOUND: exitCodes.notFound,
  FORBIDDEN: exitCodes.notFound,
  DUPLICATE: exitCodes.notFound,
};

function printKechuangError(error: KechuangError, io: CliIo, lang: Lang): ExitCode {
  const code = KECHUANG_EXIT[error.code];
  if (code === undefined) return exitCodes.internal;
  // The SDK's message already lists config issues with their positions; other issues follow it.
  const [first = '', ...rest] = error.message.split('\n');
  io.err(`${globalMessages[lang].errorPrefix}${first}`);
  const listed = rest.length > 0;
  for (const line of rest) io.err(line);
  if (!listed) {
    for (const issue of error.details.issues ?? []) {
      const path = issue.path.length === 0 ? '' : `${issue.path.join('.')}: `;
      io.err(`  ${path}${issue.message}`);
    }
  }
  return code;
}

/** Prints an error the way its kind deserves and returns the exit code. */
function handleError(error: unknown, io: CliIo, lang: Lang, debug: boolean): ExitCode {
  const m = globalMessages[lang];
  if (error instanceof CommanderError) {
    // Commander has printed its own message already (through outputError).
    return error.exitCode === 0 ? exitCodes.ok : exitCodes.usage;
  }
  if (isCliError(error)) {
    io.err(`${m.errorPrefix}${error.message}`);
    for (const line of error.details) io.err(`  ${line}`);
    if (debug && error.stack !== undefined) io.err(error.stack);
    return error.exitCode;
  }
  if (isKechuangError(error)) {
    const code = printKechuangError(error, io, lang);
    if (code !== exitCodes.internal) {
      if (debug && error.stack !== undefined) io.err(error.stack);
      return code;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`${m.errorPrefix}${m.internal(message)}`);
  if (debug) io.err(error instanceof Error && error.stack !== undefined ? error.stack : String(error));
  else io.err(m.debugHint);
  return exitCodes.internal;
}

function buildProgram(ctx: CliContext, setApp: (app: string | undefined) => void): Command {
  const m = globalMessages[ctx.lang];
  const program = new Command('kechuang');
  program
    .description(m.description)
    .version(packageVersion(), '-V, --version', m.version)
    .helpOption('-h, --help', m.help)
    .helpCommand('help [command]', m.help)
    .option('--lang <lang>', m.lang)
    .option('--debug', m.debug)
    .option('--db <file|url>', m.db)
    .option('--office <code>', m.office)
    .option('--app <module>', m.app)
    // Known only once the whole command line is parsed: --app may stand after the command.
    .hook('preAction', (_program, action) => setApp(stringOption(action.optsWithGlobals(), 'app')))
    .exitOverride()
    .showHelpAfterError(m.helpAfterError)
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => translateHelpTitle(title, ctx.lang),
      // Commander appends "(choices: …, default: …)" in English; each description says its
      // choices and default in the chosen language instead.
      optionDescription: (option) => option.description,
      argumentDescription: (argument) => argument.description,
    })
    .configureOutput({
      writeOut: (text) => ctx.io.out(text.replace(/\n$/, '')),
      writeErr: (text) => ctx.io.err(text.replace(/\n$/, '')),
      outputError: (text, write) => write(translateCommanderError(text, ctx.lang)),
    })
    .addHelpText('after', m.exitCodesHelp);
  for (const register of registrations) register(program, ctx);
  return program;
}

/**
 * Runs `kechuang` with `argv` (without the node and script paths) and returns the exit code;
 * it never calls `process.exit`, so a host or a test can run it in-process.
 *
 * @example
 * ```ts
 * import { nodeIo, runCli } from '@kechuang/cli';
 *
 * process.exitCode = await runCli(['check', 'kechuang.config.yaml'], nodeIo());
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const pre = prescan(argv);
  const lang = resolveLang(pre.lang, io.env);
  let exitCode: ExitCode = exitCodes.ok;
  let app: string | undefined;
  const ctx = createCliContext(
    io,
    lang,
    pre.debug,
    (code) => {
      exitCode = code;
    },
    () => app,
  );
  try {
    const program = buildProgram(ctx, (given) => {
      app = given;
    });
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io, lang, pre.debug);
  }
}
