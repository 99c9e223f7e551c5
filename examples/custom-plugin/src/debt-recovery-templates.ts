import type { NotificationLocale, PluginNotificationTemplate } from '@kechuang/community';

/**
 * The wording of `debt-recovery.large_claim`, by locale. `{amount}` is the plugin's own
 * placeholder (the sum, as the reader's locale writes it); the others are the core's. A line
 * whose placeholder has no value (no lead yet, no SLA deadline) is left out.
 *
 * @example
 * ```ts
 * console.log(largeClaimTemplates['zh-CN'].title); // 大额欠款诉求：{enterprise}
 * ```
 */
export const largeClaimTemplates = {
  'zh-CN': {
    title: '大额欠款诉求：{enterprise}',
    text: [
      '{recipient}，您好：',
      '{enterprise}反映被拖欠款项{amount}，诉求「{title}」已受理。',
      '承办人：{assignee}',
      '办理时限：{deadline}',
      '涉及金额较大，请关注办理进展，必要时督办。',
    ].join('\n'),
  },
  en: {
    title: 'Large unpaid debt reported: {enterprise}',
    text: [
      'Dear {recipient},',
      '{enterprise} reports {amount} owed to it. The request "{title}" has been taken in.',
      'Handled by: {assignee}',
      'Due by: {deadline}',
      'The sum is large: please follow the request, and supervise it if needed.',
    ].join('\n'),
  },
} as const satisfies Record<NotificationLocale, PluginNotificationTemplate>;
