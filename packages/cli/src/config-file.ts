import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isKechuangError, type OfficeConfig } from '@kechuang/community';
import { formatConfigPath, parseOfficeConfig, type ConfigIssue } from '@kechuang/community/config';
import { appMessages } from './app-module-messages.js';
import type { CliApp } from './app-module.js';
import { CliError } from './cli-error.js';
import { exitCodes } from './exit-codes.js';
import type { Lang, Messages } from './locale.js';

/** The config file a command reads when none is named. */
export const DEFAULT_CONFIG_FILE = 'kechuang.config.yaml';

const messages: Messages<{ missing: (file: string) => string; invalid: (file: string, count: number) => string }> = {
  'zh-CN': {
    missing: (file) => `未找到配置文件 ${file}。请先运行 \`kechuang init\` 生成，或用 --config 指定文件。`,
    invalid: (file, count) => `配置文件 ${file} 有 ${count} 处问题，请修改后重试。`,
  },
  en: {
    missing: (file) => `No config file at ${file}. Run \`kechuang init\` to write one, or name it with --config.`,
    invalid: (file, count) => `The config ${file} has ${count} ${count === 1 ? 'problem' : 'problems'}; fix ${count === 1 ? 'it' : 'them'} and try again.`,
  },
};

/** The result of reading a config file: the config, or every problem with its position. */
export type ConfigFileResult =
  | { ok: true; config: OfficeConfig; file: string; shown: string }
  | { ok: false; issues: ConfigIssue[]; file: string; shown: string };

/** `file:line:col  path: message`, the way editors and terminals link to a place in a file. */
export function formatIssueLine(shown: string, issue: ConfigIssue): string {
  const where = issue.line === undefined ? shown : `${shown}:${issue.line}:${issue.column ?? 1}`;
  const at = issue.path.length === 0 ? '' : `${formatConfigPath(issue.path)}: `;
  return `${where}  ${at}${issue.message}`;
}

/**
 * A hint for problems that only the app's plugins could solve — names no plugin registers —
 * when no app module was given; undefined otherwise.
 */
export function pluginNamesHint(issues: readonly ConfigIssue[], app: CliApp | undefined, lang: Lang): string | undefined {
  if (app !== undefined) return undefined;
  const plugin = issues.some((issue) => issue.code === 'unknown_action' || issue.code === 'unknown_strategy' || (issue.code === 'unknown_operator' && issue.message.startsWith('no plugin registers')));
  return plugin ? appMessages[lang].pluginHint : undefined;
}

/**
 * Reads and validates an office config file with the core's loader, against what the app's
 * plugins registered when there is an app. A missing file is a {@link CliError} (exit 3);
 * problems come back as data so `check` can list them all.
 */
export async function readConfigFile(file: string, cwd: string, lang: Lang, app?: CliApp): Promise<ConfigFileResult> {
  const absolute = path.resolve(cwd, file);
  const shown = path.relative(cwd, absolute) || file;
  if (!existsSync(absolute)) throw new CliError(exitCodes.notFound, messages[lang].missing(shown));
  const text = readFileSync(absolute, 'utf8');
  try {
    return { ok: true, config: parseOfficeConfig(text, { filename: shown, ...app?.configOptions }), file: absolute, shown };
  } catch (error) {
    if (isKechuangError(error, 'VALIDATION_FAILED')) {
      const issues = (error.details.issues ?? []) as ConfigIssue[];
      return { ok: false, issues, file: absolute, shown };
    }
    throw error;
  }
}

/** Reads a config file that must be valid: problems become a {@link CliError} (exit 1) listing each. */
export async function loadConfigFile(file: string, cwd: string, lang: Lang, app?: CliApp): Promise<{ config: OfficeConfig; file: string; shown: string }> {
  const result = await readConfigFile(file, cwd, lang, app);
  if (!result.ok) {
    const hint = pluginNamesHint(result.issues, app, lang);
    throw new CliError(exitCodes.problems, messages[lang].invalid(result.shown, result.issues.length), [
      ...result.issues.map((issue) => formatIssueLine(result.shown, issue)),
      ...(hint === undefined ? [] : [hint]),
    ]);
  }
  return result;
}
