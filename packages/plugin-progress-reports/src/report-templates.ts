import type { NotificationLocale, NotificationTemplate } from '@kechuang/community';

/**
 * The default wording of a progress report (进展告知): how long the request has been in hand,
 * where it stands and who leads it, and that it is still being worked on. Lines whose values
 * are missing (no lead yet, no deadline) are left out.
 *
 * @example
 * ```ts
 * // Keep the default body, with the office's own subject line.
 * progressReports({ template: { 'zh-CN': { ...defaultReportTemplates['zh-CN'], title: '【梦创社区】诉求进展：{title}' } } });
 * ```
 */
export const defaultReportTemplates: Readonly<Record<NotificationLocale, NotificationTemplate>> = {
  'zh-CN': {
    title: '诉求办理进展告知：{title}',
    text: [
      '{recipient}，您好：',
      '您于{submittedOn}反映的诉求「{title}」已办理{elapsed}，目前仍在办理中，现将进展告知如下。',
      '当前进展：{state}',
      '承办人：{assignee}',
      '办理时限：{deadline}',
      '我们将持续跟进，办结后第一时间向您反馈。如情况有变化，请及时与我们联系。',
      '（第{n}次进展告知）',
    ].join('\n'),
  },
  en: {
    title: 'Progress update on your request: {title}',
    text: [
      'Dear {recipient},',
      'Your request "{title}", raised on {submittedOn}, has been in hand for {elapsed} and is still being worked on.',
      'Where it stands: {state}',
      'Handled by: {assignee}',
      'Due by: {deadline}',
      'We will keep following it up and reply as soon as it is resolved. If anything changes on your side, please let us know.',
      '(Progress update no. {n})',
    ].join('\n'),
  },
};
