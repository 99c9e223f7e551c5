import type { Messages } from '../locale.js';

export const workerMessages: Messages<{
  description: string;
  once: string;
  examples: string;
  started: (where: string, id: string) => string;
  noNotifiers: (pending: number) => string;
  withApp: (shown: string, plugins: readonly string[], notifiers: readonly string[]) => string;
  noApp: string;
  fired: (kind: string, requestId: string | null) => string;
  problem: (message: string) => string;
  stopping: string;
  totals: (t: { fired: number; delivered: number; failed: number; dead: number }) => string;
}> = {
  'zh-CN': {
    description: '运行后台任务：到期的催办、督办计时和插件计时（需 --app），以及通知投递（Ctrl+C 或 SIGTERM 平稳停止）',
    once: '只处理当前已到期的任务，处理完即退出（适合定时任务）',
    examples: `
示例：
  $ kechuang worker --app ./app.mjs     # 带上应用的插件和通知渠道
  $ kechuang worker --once
  $ DATABASE_URL=postgres://kechuang@db.internal/kechuang KECHUANG_APP=./app.mjs kechuang worker
不带 --app 时没有插件和通知渠道：插件的计时会失败（PLUGIN_ERROR），通知留在发件箱中。`,
    started: (where, id) => `后台任务已启动（${id}），数据库：${where}`,
    noNotifiers: (pending) => `未配置通知渠道：待发通知保留在发件箱中（当前 ${pending} 条），配置渠道的程序运行后台任务时再投递。`,
    withApp: (shown, plugins, notifiers) =>
      `应用模块 ${shown}：插件 ${plugins.length === 0 ? '无' : plugins.join('、')}；通知渠道 ${notifiers.length === 0 ? '无' : notifiers.join('、')}。`,
    noApp: '未指定应用模块：插件的计时无人处理，会以 PLUGIN_ERROR 失败。请用 --app <模块>（或 KECHUANG_APP）带上应用的插件和通知渠道。',
    fired: (kind, requestId) => `  已触发 ${kind}${requestId === null ? '' : `（诉求 ${requestId}）`}`,
    problem: (message) => `  出现问题：${message}`,
    stopping: '正在停止，等待当前任务完成……',
    totals: (t) => `计时触发 ${t.fired} 次，通知送达 ${t.delivered} 条，失败待重试 ${t.failed} 条，无法投递 ${t.dead} 条。`,
  },
  en: {
    description: 'run the background work: due SLA reminders and escalations, plugin timers (with --app), and notification delivery (Ctrl+C or SIGTERM stops it gracefully)',
    once: 'handle what is due now, then exit (for schedulers)',
    examples: `
Examples:
  $ kechuang worker --app ./app.mjs     # with your app's plugins and notifiers
  $ kechuang worker --once
  $ DATABASE_URL=postgres://kechuang@db.internal/kechuang KECHUANG_APP=./app.mjs kechuang worker
Without --app it has no plugins and no notifiers: plugin timers fail (PLUGIN_ERROR) and notifications wait in the outbox.`,
    started: (where, id) => `Worker ${id} started on ${where}`,
    noNotifiers: (pending) =>
      `No notifiers are configured: notifications wait in the outbox (${pending} pending) until a worker of an app that has notifiers delivers them.`,
    withApp: (shown, plugins, notifiers) => `App module ${shown}: plugins ${plugins.length === 0 ? 'none' : plugins.join(', ')}; notifiers ${notifiers.length === 0 ? 'none' : notifiers.join(', ')}.`,
    noApp: "No app module is given, so nothing handles plugin timers: they fail with PLUGIN_ERROR. Pass --app <module> (or KECHUANG_APP) to run with your app's plugins and notifiers.",
    fired: (kind, requestId) => `  fired ${kind}${requestId === null ? '' : ` (request ${requestId})`}`,
    problem: (message) => `  problem: ${message}`,
    stopping: 'Stopping; waiting for the round in flight…',
    totals: (t) => `Timers fired: ${t.fired}; notifications delivered: ${t.delivered}, failed (to retry): ${t.failed}, dead: ${t.dead}.`,
  },
};
