import type { Messages } from './locale.js';

/** Where the module was named: the flag or the environment variable, as messages say it. */
export type AppSource = '--app' | 'KECHUANG_APP';

export const appMessages: Messages<{
  missingFile: (given: string, source: AppSource, file: string) => string;
  missingPackage: (given: string, source: AppSource, file: string) => string;
  threw: (shown: string, message: string) => string;
  typescriptHint: string;
  noExports: (shown: string, names: readonly string[]) => string;
  notArray: (shown: string, name: 'plugins' | 'notifiers', got: string) => string;
  notPlugin: (shown: string, index: number, got: string) => string;
  factoryHint: string;
  notNotifier: (shown: string, index: number, got: string) => string;
  refused: (shown: string) => string;
  pluginHint: string;
}> = {
  'zh-CN': {
    missingFile: (given, source, file) => `找不到应用模块 ${given}（${source}）：${file} 不存在。请用 --app 指定导出插件和通知渠道的模块文件，例如 --app ./app.mjs。`,
    missingPackage: (given, source, file) =>
      `找不到应用模块 ${given}（${source}）：既没有文件 ${file}，也没有可供命令行工具导入的同名软件包。请用 --app 给出模块文件的路径（例如 --app ./app.mjs），或在安装 @kechuang/cli 的项目中安装该软件包。`,
    threw: (shown, message) => `应用模块 ${shown} 加载时出错：${message}`,
    typescriptHint: 'TypeScript 模块须在 tsx 下运行命令行工具才能加载，例如 NODE_OPTIONS="--import tsx" npx kechuang …；也可以先编译为 .js 或 .mjs。',
    noExports: (shown, names) =>
      `应用模块 ${shown} 既没有导出 plugins，也没有导出 notifiers（它导出的是：${names.length === 0 ? '无' : names.join('、')}）。请以具名导出提供：export const plugins = [...]; export const notifiers = [...];`,
    notArray: (shown, name, got) => `应用模块 ${shown} 导出的 ${name} 应为数组，实际是${got}。`,
    notPlugin: (shown, index, got) => `应用模块 ${shown} 导出的 plugins 第 ${index + 1} 项不是插件（实际是${got}）。插件是调用 definePlugin 返回的工厂函数后得到的对象，例如 progressReports()。`,
    factoryHint: '这一项是函数，也就是插件的工厂：请调用它来配置插件，例如写 progressReports() 而不是 progressReports。',
    notNotifier: (shown, index, got) => `应用模块 ${shown} 导出的 notifiers 第 ${index + 1} 项不是通知渠道（实际是${got}）。通知渠道是含 id、channel 和 send() 的对象，例如 dingtalkNotifier({ … }) 的返回值。`,
    refused: (shown) => `应用模块 ${shown} 导出的插件或通知渠道无法装入社区：`,
    pluginHint: '配置用到了插件提供的条件、动作或分派策略。命令行工具只有在给出 --app <模块>（或 KECHUANG_APP）时才认识应用的插件，该模块须以 plugins 导出这些插件。',
  },
  en: {
    missingFile: (given, source, file) =>
      `Cannot find the app module ${given} (${source}): there is no file ${file}. Pass the module that exports your plugins and notifiers with --app, e.g. --app ./app.mjs.`,
    missingPackage: (given, source, file) =>
      `Cannot find the app module ${given} (${source}): there is no file ${file}, and no package of that name where the CLI can import it. Pass the path of the module with --app (e.g. --app ./app.mjs), or install the package in the project that installs @kechuang/cli.`,
    threw: (shown, message) => `The app module ${shown} failed while loading: ${message}`,
    typescriptHint: 'A TypeScript module loads only when the CLI runs under tsx, e.g. NODE_OPTIONS="--import tsx" npx kechuang …; or compile it to .js or .mjs first.',
    noExports: (shown, names) =>
      `The app module ${shown} exports neither plugins nor notifiers (it exports: ${names.length === 0 ? 'nothing' : names.join(', ')}). Export them by name: export const plugins = [...]; export const notifiers = [...];`,
    notArray: (shown, name, got) => `The app module ${shown} exports ${name} as ${got}; it must be an array.`,
    notPlugin: (shown, index, got) =>
      `Item ${index + 1} of the plugins the app module ${shown} exports is not a plugin (it is ${got}). A plugin is what a definePlugin factory returns when called, e.g. progressReports().`,
    factoryHint: "It is a function, the plugin's factory: call it to configure the plugin, e.g. progressReports() rather than progressReports.",
    notNotifier: (shown, index, got) =>
      `Item ${index + 1} of the notifiers the app module ${shown} exports is not a notifier (it is ${got}). A notifier is an object with id, channel and send(), e.g. what dingtalkNotifier({ … }) returns.`,
    refused: (shown) => `The community refuses the plugins or notifiers of the app module ${shown}:`,
    pluginHint:
      "The config names plugins' operators, actions or strategies. The CLI knows your app's plugins only with --app <module> (or KECHUANG_APP), naming the module that exports them as plugins.",
  },
};
