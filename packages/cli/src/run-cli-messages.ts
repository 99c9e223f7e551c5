import type { Lang, Messages } from './locale.js';

interface GlobalMessages {
  description: string;
  version: string;
  help: string;
  lang: string;
  debug: string;
  db: string;
  office: string;
  app: string;
  helpAfterError: string;
  errorPrefix: string;
  internal: (message: string) => string;
  debugHint: string;
  exitCodesHelp: string;
}

/** Texts of the program itself: global options, error framing, the exit-code table. */
export const globalMessages: Messages<GlobalMessages> = {
  'zh-CN': {
    description: '科创社区服务工具：检查配置、解释分派、导入名录、生成月报。',
    version: '显示版本号',
    help: '显示命令帮助',
    lang: '输出语言：zh-CN 或 en（默认依据 LC_ALL / LC_MESSAGES / LANG）',
    debug: '出错时显示调用栈，便于报告问题',
    db: 'SQLite 文件或 postgres:// 地址（默认取 DATABASE_URL，否则为 ./kechuang.sqlite）',
    office: '街道编码（数据库中只有一个街道时可省略）',
    app: '应用的 ES 模块（路径或软件包名），命令将使用其导出的 plugins 和 notifiers（默认取 KECHUANG_APP）',
    helpAfterError: '（运行 kechuang --help 查看用法）',
    errorPrefix: '错误：',
    internal: (message) => `程序内部错误：${message}。请将此问题连同 --debug 输出报告给维护者。`,
    debugHint: '加上 --debug 重新运行可查看调用栈。',
    exitCodesHelp: `
退出码：
  0   成功
  1   输入有问题（配置错误、导入被拒的行、日历数据无效、--app 应用模块无法使用）
  2   用法错误（选项或参数有误）
  3   未找到或被拒绝（街道不存在、文件或应用模块不存在、无权限）
  4   数据库无法打开或连接
  70  程序内部错误（请报告，--debug 可显示调用栈）

示例：
  $ kechuang init my-office
  $ kechuang check kechuang.config.yaml
  $ kechuang route --explain --text "40余个项目尾款未结" --category legal
  $ kechuang report --period 2026-02 --format html`,
  },
  en: {
    description: 'The tech-innovation community tool: check the config, explain routing, import the directory, produce monthly reports.',
    version: 'print the version',
    help: 'show help for a command',
    lang: 'language of the messages: zh-CN or en (default from LC_ALL / LC_MESSAGES / LANG)',
    debug: 'print stack traces on errors, for bug reports',
    db: 'a SQLite file or a postgres:// URL (default DATABASE_URL, else ./kechuang.sqlite)',
    office: 'the office code (may be left out when the database holds one office)',
    app: "your app's ES module (a path or a package name): the command runs with the plugins and notifiers it exports (default KECHUANG_APP)",
    helpAfterError: '(run kechuang --help for usage)',
    errorPrefix: 'error: ',
    internal: (message) => `internal error: ${message}. This is a bug; please report it with the output of --debug.`,
    debugHint: 'Run again with --debug to see the stack trace.',
    exitCodesHelp: `
Exit codes:
  0   success
  1   problems found in the input (config errors, rejected import rows, invalid calendar data, an --app module that cannot be used)
  2   usage error (bad flags or arguments)
  3   not found or refused (no such office, a missing file or --app module, not allowed)
  4   the database cannot be opened or reached
  70  internal error (please report it; --debug prints the stack trace)

Examples:
  $ kechuang init my-office
  $ kechuang check kechuang.config.yaml
  $ kechuang route --explain --text "40余个项目尾款未结" --category legal
  $ kechuang report --period 2026-02 --format html`,
  },
};

const ZH_TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
};

/** Commander's help headings in the chosen language. */
export function translateHelpTitle(title: string, lang: Lang): string {
  return lang === 'zh-CN' ? (ZH_TITLES[title] ?? title) : title;
}

/** Commander's parse errors, reworded in Chinese; unknown ones stay as they are. */
const ZH_ERRORS: readonly [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '([^']+)'(.*)$/s, (option, rest) => `错误：未知选项 ${option}${rest.replace(/\(Did you mean (.+)\?\)/, '（是否想输入 $1？）')}`],
  [/^error: unknown command '([^']+)'(.*)$/s, (name, rest) => `错误：未知命令 ${name}${rest.replace(/\(Did you mean (.+)\?\)/, '（是否想输入 $1？）')}`],
  [/^error: missing required argument '([^']+)'/, (name) => `错误：缺少参数 ${name}`],
  [/^error: option '([^']+)' argument missing/, (option) => `错误：选项 ${option} 需要一个值`],
  [/^error: required option '([^']+)' not specified/, (option) => `错误：必须提供选项 ${option}`],
  [/^error: too many arguments(?: for '([^']+)')?\. Expected (\d+) arguments? but got (\d+)\./, (_name, expected, got) => `错误：参数过多，应为 ${expected} 个，实际 ${got} 个。`],
  [/^error: option '([^']+)' argument '([^']+)' is invalid\.(.*)$/s, (option, value, rest) => `错误：选项 ${option} 的值 ${value} 无效。${rest.trim()}`],
  [/^error: option '([^']+)' cannot be used with option '([^']+)'/, (a, b) => `错误：选项 ${a} 不能与 ${b} 同时使用`],
];

/** Commander's error text in the chosen language. */
export function translateCommanderError(text: string, lang: Lang): string {
  if (lang !== 'zh-CN') return text;
  const trimmed = text.replace(/\n$/, '');
  for (const [pattern, render] of ZH_ERRORS) {
    const match = pattern.exec(trimmed);
    if (match !== null) return `${render(...match.slice(1).map((group) => group ?? ''))}\n`;
  }
  return text;
}

