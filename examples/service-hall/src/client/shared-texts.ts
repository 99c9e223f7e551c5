/**
 * Words every screen uses: statuses, channels, outcomes, ratings, roles, the deadline lights
 * and common buttons, in both languages.
 */
import { defineTexts } from './i18n.js';

const zh = {
  appName: '服务大厅',
  status: {
    submitted: '待派单',
    assigned: '待签收',
    accepted: '已签收',
    in_progress: '办理中',
    paused: '等待企业',
    replied: '待回访',
    closed: '已办结',
    returned: '已退单',
    withdrawn: '已撤回',
    merged: '已合并',
  } as Record<string, string>,
  channel: { phone: '电话', visit: '走访', captain_report: '园区长上报', walk_in: '来访', online: '线上', hotline_12345: '12345 热线' } as Record<string, string>,
  outcome: { solved: '已解决', explained: '已解释说明', unsolvable: '无法解决', out_of_scope: '不属于职责范围' } as Record<string, string>,
  satisfaction: { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' } as Record<string, string>,
  role: {
    commissioner: '专员',
    station_head: '站长',
    dispatcher: '派单员',
    captain: '园区长',
    provider: '服务专员',
    office_staff: '街道工作人员',
    enterprise_contact: '企业联系人',
  } as Record<string, string>,
  light: { overdue: '已超期', due_soon: '即将到期', on_time: '时限内', paused: '已暂停', none: '计时结束' } as Record<string, string>,
  priority: { normal: '一般', urgent: '紧急' } as Record<string, string>,
  common: {
    loading: '加载中…',
    retry: '重试',
    save: '保存',
    cancel: '取消',
    submit: '提交',
    none: '无',
    unknown: '未知',
    more: '加载更多',
    networkDown: '无法连接服务器，请检查网络后重试。',
    failed: '操作未成功',
    fixFields: '请按提示修改标出的字段。',
    notFound: '没有找到这条记录，或您无权查看。',
    signedOutNotice: '登录已失效，请重新选择身份。',
  },
};

const en: typeof zh = {
  appName: 'Service hall',
  status: {
    submitted: 'To dispatch',
    assigned: 'To sign for',
    accepted: 'Signed for',
    in_progress: 'In progress',
    paused: 'Waiting on enterprise',
    replied: 'To follow up',
    closed: 'Concluded',
    returned: 'Returned',
    withdrawn: 'Withdrawn',
    merged: 'Merged',
  },
  channel: { phone: 'Phone', visit: 'Visit', captain_report: 'Captain report', walk_in: 'Walk-in', online: 'Online', hotline_12345: '12345 hotline' },
  outcome: { solved: 'Solved', explained: 'Explained', unsolvable: 'Cannot be solved', out_of_scope: 'Out of scope' },
  satisfaction: { satisfied: 'Satisfied', basically_satisfied: 'Basically satisfied', unsatisfied: 'Unsatisfied' },
  role: {
    commissioner: 'Commissioner',
    station_head: 'Station head',
    dispatcher: 'Dispatcher',
    captain: 'Park captain',
    provider: 'Specialist',
    office_staff: 'Office staff',
    enterprise_contact: 'Enterprise contact',
  },
  light: { overdue: 'Overdue', due_soon: 'Due soon', on_time: 'On time', paused: 'Paused', none: 'Clock stopped' },
  priority: { normal: 'Normal', urgent: 'Urgent' },
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    save: 'Save',
    cancel: 'Cancel',
    submit: 'Submit',
    none: 'None',
    unknown: 'Unknown',
    more: 'Load more',
    networkDown: 'The server cannot be reached. Check the connection and try again.',
    failed: 'That did not work',
    fixFields: 'Fix the marked fields and try again.',
    notFound: 'No such record, or you may not see it.',
    signedOutNotice: 'Your sign-in has expired. Pick who you are again.',
  },
};

/** The shared words in the language in force. */
export const useShared = defineTexts({ 'zh-CN': zh, en });
