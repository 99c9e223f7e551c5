import { defineTexts } from './i18n.js';

const zh = {
  nav: { intake: '受理登记', queue: '我的待办', enterprises: '企业', rules: '派单规则', dashboard: '看板' },
  signedInAs: '当前身份',
  switchUser: '切换身份',
  language: 'English',
  languageLabel: '切换为英文',
  signIn: {
    title: '选择您的身份',
    lead: '这是梦创社区的演示环境：挑一位成员即可进入，无需密码。',
    warning: '开发用登录，不设密码，请勿对外公开本服务。',
    search: '按姓名或角色查找',
    groups: { captain: '园区长 · 上报园区问题', commissioner: '专员 · 受理和办理诉求', provider: '服务专员 · 如法律服务站律师', station_head: '站长 · 看红灯、看三率', other: '其他成员' },
    enter: '进入',
    showAll: (count: number) => `显示全部 ${count} 位园区长`,
    none: '没有符合条件的成员。',
  },
  loadingSession: '正在进入服务大厅…',
};

const en: typeof zh = {
  nav: { intake: 'Intake', queue: 'My queue', enterprises: 'Enterprises', rules: 'Routing rules', dashboard: 'Dashboard' },
  signedInAs: 'Signed in as',
  switchUser: 'Switch user',
  language: '中文',
  languageLabel: 'Switch to Chinese',
  signIn: {
    title: 'Who are you?',
    lead: 'This is the Mengchuang Community demo: pick a member to enter, no password needed.',
    warning: 'Development sign-in without passwords. Never expose this server publicly.',
    search: 'Find by name or role',
    groups: { captain: 'Park captains · report a park’s problems', commissioner: 'Commissioners · take in and work requests', provider: 'Specialists · such as the legal station’s lawyer', station_head: 'Station head · watch the red lights and the three rates', other: 'Other members' },
    enter: 'Enter',
    showAll: (count: number) => `Show all ${count} park captains`,
    none: 'No member matches.',
  },
  loadingSession: 'Opening the service hall…',
};

export const useAppTexts = defineTexts({ 'zh-CN': zh, en });
