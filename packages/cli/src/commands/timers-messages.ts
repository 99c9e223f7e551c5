import type { Messages } from '../locale.js';

export const timersMessages: Messages<{
  description: string;
  failedDescription: string;
  retryDescription: string;
  kind: string;
  request: string;
  json: string;
  all: string;
  id: string;
  failedExamples: string;
  retryExamples: string;
  header: readonly [string, string, string, string, string, string];
  none: string;
  count: (n: number) => string;
  retryHint: string;
  idOrAll: string;
  idAndAll: string;
  filtersNeedAll: string;
  notFailed: (id: string, state: string) => string;
  retrying: string;
  retried: (n: number) => string;
  retriedOne: (id: string, kind: string) => string;
}> = {
  'zh-CN': {
    description: '查看和重新触发失败的计时（催办、督办和插件的计时）',
    failedDescription: '列出本街道多次触发失败、已被放弃的计时，以及最后一次的错误',
    retryDescription: '把失败的计时重新排队：状态改回待触发、立即到期、尝试次数清零，由后台任务（kechuang worker）再次触发',
    kind: '只看这一类计时，例如 sla.reminder 或 progress-reports.report',
    request: '只看这条诉求的计时',
    json: '以 JSON 输出（每个计时一个对象）',
    all: '重新排队所有失败的计时（可与 --kind、--request 一起用）',
    id: '计时编号（见 kechuang timers failed）',
    failedExamples: `
示例：
  $ kechuang timers failed
  $ kechuang timers failed --kind progress-reports.report --json`,
    retryExamples: `
示例：
  $ kechuang timers retry t_01J8Z3
  $ kechuang timers retry --all --kind progress-reports.report
先排除失败的原因（例如插件的计时需要 --app 带上插件），再重新排队；之后运行 kechuang worker。`,
    header: ['编号', '类型', '诉求', '尝试次数', '失败时间', '最后的错误'],
    none: '没有失败的计时。',
    count: (n) => `共 ${n} 个失败的计时。`,
    retryHint: '排除原因后，用 kechuang timers retry <编号>（或 --all）重新排队。',
    idOrAll: '请给出计时编号，或用 --all 重新排队所有失败的计时。',
    idAndAll: '计时编号和 --all 只能二选一。',
    filtersNeedAll: '--kind 和 --request 只能与 --all 一起用。',
    notFailed: (id, state) => `计时 ${id} 的状态是 ${state}，不是失败，无需重新排队。`,
    retrying: '重新排队',
    retried: (n) => `已重新排队 ${n} 个计时，后台任务（kechuang worker）会再次触发它们。`,
    retriedOne: (id, kind) => `已重新排队计时 ${id}（${kind}），后台任务（kechuang worker）会再次触发它。`,
  },
  en: {
    description: 'see and fire again the timers that failed (SLA reminders, escalations and plugin timers)',
    failedDescription: "list the office's timers that kept failing until the worker gave up on them, with the last error",
    retryDescription: 'queue failed timers again: back to pending, due now, attempts reset, for the worker (kechuang worker) to fire',
    kind: 'only timers of this kind, e.g. sla.reminder or progress-reports.report',
    request: 'only the timers of this request',
    json: 'print JSON (one object per timer)',
    all: 'queue every failed timer again (narrow with --kind and --request)',
    id: 'the timer id (see kechuang timers failed)',
    failedExamples: `
Examples:
  $ kechuang timers failed
  $ kechuang timers failed --kind progress-reports.report --json`,
    retryExamples: `
Examples:
  $ kechuang timers retry t_01J8Z3
  $ kechuang timers retry --all --kind progress-reports.report
Fix the cause first (a plugin's timers need the plugin, through --app), then queue them again and run kechuang worker.`,
    header: ['id', 'kind', 'request', 'attempts', 'failed at', 'last error'],
    none: 'No failed timers.',
    count: (n) => `${n} failed timer${n === 1 ? '' : 's'}.`,
    retryHint: 'Once the cause is fixed, queue them again with kechuang timers retry <id> (or --all).',
    idOrAll: 'Give a timer id, or --all to queue every failed timer again.',
    idAndAll: 'Give either a timer id or --all, not both.',
    filtersNeedAll: '--kind and --request go with --all only.',
    notFailed: (id, state) => `Timer ${id} is ${state}, not failed; there is nothing to retry.`,
    retrying: 'Queueing again',
    retried: (n) => `Queued ${n} timer${n === 1 ? '' : 's'} again; the worker (kechuang worker) will fire ${n === 1 ? 'it' : 'them'}.`,
    retriedOne: (id, kind) => `Queued timer ${id} (${kind}) again; the worker (kechuang worker) will fire it.`,
  },
};
