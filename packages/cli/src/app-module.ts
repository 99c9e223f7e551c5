import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { configOptionsOf, createCommunity, isKechuangError, memoryStorage, type Notifier, type Plugin } from '@kechuang/community';
import { appMessages, type AppSource } from './app-module-messages.js';
import { CliError } from './cli-error.js';
import { exitCodes } from './exit-codes.js';
import type { Lang } from './locale.js';

/** The environment variable that names the app module when `--app` is not given. */
export const APP_ENV = 'KECHUANG_APP';

/**
 * The host app's plugins and notifiers, from the ES module `--app` (or `KECHUANG_APP`) names.
 * Every community the CLI creates gets them.
 */
export interface CliApp {
  /** The module as the user named it (a path or a package name), for messages. */
  readonly shown: string;
  /** The module's `plugins` export, checked to be plugins the community accepts. @default [] */
  readonly plugins: readonly Plugin[];
  /** The module's `notifiers` export. @default [] */
  readonly notifiers: readonly Notifier[];
  /** What the plugins let an office config name, for checking config files. */
  readonly configOptions: ReturnType<typeof configOptionsOf>;
}

/** A value as messages describe it: "a function", "字符串" … */
function kindOf(value: unknown, lang: Lang): string {
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  const en: Record<string, string> = { null: 'null', undefined: 'undefined', array: 'an array', object: 'an object', function: 'a function', string: 'a string', number: 'a number', boolean: 'a boolean' };
  const zh: Record<string, string> = { null: ' null', undefined: ' undefined', array: '数组', object: '对象', function: '函数', string: '字符串', number: '数字', boolean: '布尔值' };
  return (lang === 'en' ? en : zh)[kind] ?? kind;
}

function isPlugin(value: unknown): value is Plugin {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Plugin, unknown>>;
  return typeof candidate.id === 'string' && typeof candidate.definition === 'object' && candidate.definition !== null && typeof candidate.install === 'function';
}

function isNotifier(value: unknown): value is Notifier {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof Notifier, unknown>>;
  return typeof candidate.id === 'string' && typeof candidate.channel === 'string' && typeof candidate.send === 'function';
}

/** `@scope/name` or `name`, the package part of a specifier such as `@scope/name/sub`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/**
 * A path when it looks like one or names an existing file (`app.mjs` as well as `./app.mjs`);
 * anything else is a package specifier.
 */
function locate(given: string, cwd: string): { file: string } | { specifier: string; file: string } {
  if (given.startsWith('file:')) return { file: fileURLToPath(given) };
  const file = path.resolve(cwd, given);
  if (given.startsWith('.') || path.isAbsolute(given) || existsSync(file)) return { file };
  return { specifier: given, file };
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

async function importModule(given: string, source: AppSource, cwd: string, lang: Lang): Promise<Record<string, unknown>> {
  const m = appMessages[lang];
  const place = locate(given, cwd);
  if (!('specifier' in place) && !existsSync(place.file)) throw new CliError(exitCodes.notFound, m.missingFile(given, source, place.file));
  try {
    // A package resolves as an import in the CLI would: from where @kechuang/cli is installed.
    const loaded: unknown = await import('specifier' in place ? place.specifier : pathToFileURL(place.file).href);
    return loaded as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if ('specifier' in place && errorCode(error) === 'ERR_MODULE_NOT_FOUND' && message.includes(`'${packageName(place.specifier)}'`)) {
      throw new CliError(exitCodes.notFound, m.missingPackage(given, source, place.file));
    }
    const typescript = /\.[cm]?tsx?$/i.test(place.file) && errorCode(error) === 'ERR_UNKNOWN_FILE_EXTENSION';
    throw new CliError(exitCodes.problems, m.threw(given, message), typescript ? [m.typescriptHint] : []);
  }
}

function listOf(exports: Record<string, unknown>, name: 'plugins' | 'notifiers', shown: string, lang: Lang): readonly unknown[] {
  const value = exports[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new CliError(exitCodes.problems, appMessages[lang].notArray(shown, name, kindOf(value, lang)));
  return value;
}

/**
 * Imports the app module and checks what it exports: `plugins` (plugin objects, as a
 * definePlugin factory returns them) and `notifiers`. A community over memory storage takes
 * them once, so that a plugin the core refuses fails here with the core's own message, before
 * any database is opened. Every problem is a {@link CliError}: a missing module exits 3,
 * anything else about it 1.
 *
 * @example
 * ```ts
 * const app = await loadApp('./app.mjs', '--app', process.cwd(), 'en');
 * createCommunity({ storage, plugins: app.plugins, notifiers: app.notifiers });
 * ```
 */
export async function loadApp(given: string, source: AppSource, cwd: string, lang: Lang): Promise<CliApp> {
  const m = appMessages[lang];
  const exports = await importModule(given, source, cwd, lang);
  if (exports['plugins'] === undefined && exports['notifiers'] === undefined) {
    throw new CliError(exitCodes.problems, m.noExports(given, Object.keys(exports).sort()));
  }
  const listed = listOf(exports, 'plugins', given, lang);
  const notPlugin = listed.findIndex((item) => !isPlugin(item));
  if (notPlugin >= 0) {
    const item = listed[notPlugin];
    throw new CliError(exitCodes.problems, m.notPlugin(given, notPlugin, kindOf(item, lang)), typeof item === 'function' ? [m.factoryHint] : []);
  }
  const listedNotifiers = listOf(exports, 'notifiers', given, lang);
  const notNotifier = listedNotifiers.findIndex((item) => !isNotifier(item));
  if (notNotifier >= 0) throw new CliError(exitCodes.problems, m.notNotifier(given, notNotifier, kindOf(listedNotifiers[notNotifier], lang)));
  const plugins = listed.filter(isPlugin);
  const notifiers = listedNotifiers.filter(isNotifier);
  let community: ReturnType<typeof createCommunity>;
  try {
    community = createCommunity({ storage: memoryStorage(), plugins, notifiers });
  } catch (error) {
    if (isKechuangError(error)) throw new CliError(exitCodes.problems, m.refused(given), [error.message]);
    throw error;
  }
  const configOptions = configOptionsOf(community);
  await community.close();
  return { shown: given, plugins, notifiers, configOptions };
}
