import type { LocaleTemplates } from '../notification-template.js';
import type { NotificationEvent } from '../notification-events.js';

// Worded like a government service notice (DOMAIN.md): short, polite, concrete, with the
// deadline. Lines whose placeholders have no value are left out.
const request = '诉求：{title}';
const enterprise = '企业：{enterprise}';
const deadline = '请于{deadline}前办结。';

/** The built-in zh-CN templates, one per event. */
export const zhCnTemplates: LocaleTemplates<NotificationEvent> = {
  'request.submit': {
    title: '企业诉求已受理：{title}',
    text: `{enterprise}的企业诉求已受理。\n${request}\n内容：{description}\n联系人：{contact}`,
  },
  'request.assign': {
    title: '新的企业诉求待签收：{title}',
    text: `您有一条新的企业诉求待签收。\n${request}\n${enterprise}\n内容：{description}\n联系人：{contact}\n请于{respondDeadline}前签收。\n${deadline}`,
  },
  'request.reassign': {
    title: '诉求已改派：{title}',
    text: `该诉求已改派给{assignee}，改派原因：{reason}\n${request}`,
  },
  'request.accept': {
    title: '诉求已签收：{title}',
    text: `{actor}已签收该诉求。\n${request}\n${deadline}`,
  },
  'request.return': {
    title: '诉求被退回：{title}',
    text: `该诉求已被退回，退回原因：{reason}\n${request}\n${enterprise}\n请重新派单，或驳回退单。`,
  },
  'request.redispatch': {
    title: '诉求已重新派单：{title}',
    text: `该诉求已重新派给{assignee}。\n${request}`,
  },
  'request.overrule_return': {
    title: '退单未获同意：{title}',
    text: `该诉求的退单未获同意，原因：{reason}\n${request}\n请继续办理。\n${deadline}`,
  },
  'request.start': {
    title: '诉求开始办理：{title}',
    text: `{actor}已开始办理该诉求。\n${request}`,
  },
  'request.pause': {
    title: '诉求暂停办理：{title}',
    text: `该诉求已暂停办理，原因：{reason}\n${request}`,
  },
  'request.resume': {
    title: '诉求恢复办理：{title}',
    text: `该诉求已恢复办理。\n${request}\n${deadline}`,
  },
  'request.reply': {
    title: '诉求已办结：{title}',
    text: `您反映的问题已办结，办理结果：{outcome}\n${request}`,
  },
  'request.follow_up': {
    title: '感谢您的评价：{title}',
    text: `感谢您的评价。\n评价：{rating}\n${request}`,
  },
  'request.close': {
    title: '诉求已办结：{title}',
    text: `该诉求已办结。\n${request}\n说明：{note}`,
  },
  'request.merge': {
    title: '诉求已合并办理：{title}',
    text: `该诉求与正在办理的诉求重复，已合并办理。\n${request}`,
  },
  'request.withdraw': {
    title: '诉求已撤回：{title}',
    text: `该诉求已撤回，撤回原因：{reason}\n${request}`,
  },
  'request.add_assist': {
    title: '诉求新增协办：{title}',
    text: `该诉求新增了协办单位，请及时签收并提交协办意见。\n${request}\n${enterprise}`,
  },
  'request.sign_assist': {
    title: '协办单位已签收：{title}',
    text: `{actor}已签收协办。\n${request}`,
  },
  'request.contribute': {
    title: '协办意见已提交：{title}',
    text: `{actor}已提交协办意见。\n${request}`,
  },
  'request.note': {
    title: '诉求办理进展：{title}',
    text: `办理进展：{note}\n${request}`,
  },
  'request.request_extension': {
    title: '延期申请待审批：{title}',
    text: `{actor}申请延期{days}个工作日，申请原因：{reason}\n${request}\n请及时审批。`,
  },
  'request.decide_extension': {
    title: '延期申请{decision}：{title}',
    text: `该诉求的延期申请{decision}。\n${request}\n${deadline}`,
  },
  'request.supervise': {
    title: '督办通知：{title}',
    text: `街道已对该诉求进行督办。\n${request}\n督办意见：{note}\n${deadline}`,
  },
  'request.escalate': {
    title: '诉求超期升级督办：{title}',
    text: `该诉求{overdue}，已升级至第{level}级督办。\n${request}\n承办人：{assignee}`,
  },
  'sla.reminder': {
    title: '催办：{title}',
    text: `该诉求将于{deadline}到期，请及时办理（催办）\n${request}`,
  },
};
