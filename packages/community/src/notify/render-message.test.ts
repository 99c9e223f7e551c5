import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../model/request.js';
import { formatDeadline } from './format-deadline.js';
import { messageVars, type MessageFacts } from './message-vars.js';
import { notificationEvents } from './notification-events.js';
import { createNotificationRegistry } from './notification-registry.js';
import { renderMessage } from './render-message.js';
import { placeholdersOf, templateVariables } from './template-vars.js';
import { enTemplates } from './templates/en.js';
import { zhCnTemplates } from './templates/zh-cn.js';

const at = new Date('2026-03-02T01:00:00Z');

function request(extra: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    id: 'r1',
    officeId: 'o1',
    communityId: 'c1',
    enterpriseId: 'e1',
    parkId: 'p1',
    buildingId: null,
    visitId: null,
    channel: 'phone',
    category: 'legal',
    attributes: {},
    title: '尾款未结，请回电 13912345678',
    description: '法人身份证 330106199001011234，\n只有聊天记录 <script>',
    priority: 'normal',
    contact: { name: '冯经理', phone: '13800138000' },
    externalRef: null,
    attachments: [],
    tags: [],
    status: 'assigned',
    assigneeId: 'm1',
    assigneeTeamId: null,
    assignedAt: at,
    assists: [],
    returnInfo: null,
    outcome: null,
    outcomeNote: null,
    satisfaction: null,
    redoCount: 0,
    duplicateOfId: null,
    submittedById: null,
    idempotencyKey: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    watchers: [],
    slaPolicy: 'assistance',
    routing: null,
    slaStartedAt: at,
    respondDueAt: new Date('2026-03-02T06:30:00Z'),
    resolveDueAt: new Date('2026-10-10T09:30:00Z'),
    dueSoonAt: null,
    respondedAt: null,
    pausedAt: null,
    escalationLevel: 0,
    supervision: null,
    extension: null,
    portfolio: null,
    repliedAt: null,
    firstReturnedAt: null,
    extendedAt: null,
    supervisedAt: null,
    respondWorkMs: null,
    concludeWorkMs: null,
    version: 1,
    ...extra,
  };
}

function facts(extra: Partial<MessageFacts> = {}): MessageFacts {
  return {
    request: request(),
    entries: [],
    actorName: '王站长',
    assigneeName: '李律师',
    enterpriseName: '杭州数像科技有限公司',
    categoryLabels: { 'zh-CN': '法律服务', en: 'Legal' },
    timeZone: 'Asia/Shanghai',
    overdueDays: null,
    level: null,
    ...extra,
  };
}

const UNMASKED = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)/;

describe('templates', () => {
  it('exist for every event in both locales, using only known placeholders', () => {
    for (const templates of [zhCnTemplates, enTemplates]) {
      expect(Object.keys(templates).sort()).toEqual([...notificationEvents].sort());
      for (const template of Object.values(templates)) {
        for (const name of [...placeholdersOf(template.title), ...placeholdersOf(template.text)]) expect(templateVariables).toContain(name);
      }
    }
  });

  it('state deadlines in the office time zone', () => {
    const due = new Date('2026-10-10T09:30:00Z');
    expect(formatDeadline(due, 'zh-CN', 'Asia/Shanghai')).toBe('2026年10月10日 17:30');
    expect(formatDeadline(due, 'en', 'Asia/Shanghai')).toBe('10 Oct 2026, 17:30 (Asia/Shanghai)');
    expect(formatDeadline(due, 'zh-CN', 'Europe/Berlin')).toBe('2026年10月10日 11:30');
  });
});

describe('renderMessage', () => {
  it('renders an assignment in zh-CN with the DOMAIN wording, masked, with an HTML body', () => {
    const message = renderMessage('request.assign', 'zh-CN', messageVars(facts(), 'zh-CN', '李律师'), {}, true);
    expect(message.title).toBe('新的企业诉求待签收：尾款未结，请回电 139****5678');
    expect(message.text.split('\n')).toEqual([
      '您有一条新的企业诉求待签收。',
      '诉求：尾款未结，请回电 139****5678',
      '企业：杭州数像科技有限公司',
      '内容：法人身份证 330106********1234， 只有聊天记录 <script>',
      '联系人：冯经理 138****8000',
      '请于2026年3月2日 14:30前签收。',
      '请于2026年10月10日 17:30前办结。',
    ]);
    expect(message.html).toContain('<p>内容：法人身份证 330106********1234， 只有聊天记录 &lt;script&gt;</p>');
    for (const part of [message.title, message.text, message.html ?? '']) expect(part).not.toMatch(UNMASKED);
  });

  it('renders the same event in en, and leaves out lines whose values are missing', () => {
    const noDeadlines = facts({ request: request({ respondDueAt: null, resolveDueAt: null, contact: null }) });
    const message = renderMessage('request.assign', 'en', messageVars(noDeadlines, 'en', 'Li'), {}, false);
    expect(message.text.split('\n')).toEqual([
      'A new enterprise request is waiting for you to sign for it.',
      'Request: 尾款未结，请回电 139****5678',
      'Enterprise: 杭州数像科技有限公司',
      'Details: 法人身份证 330106********1234， 只有聊天记录 <script>',
    ]);
    expect(message.html).toBeNull();
  });

  it('words reminders, escalations, returns, replies and supervision as DOMAIN.md does', () => {
    const zh = (event: Parameters<typeof renderMessage>[0], f: MessageFacts) => renderMessage(event, 'zh-CN', messageVars(f, 'zh-CN', 'x'), {}, false).text;
    expect(zh('sla.reminder', facts())).toContain('该诉求将于2026年10月10日 17:30到期，请及时办理（催办）');
    expect(zh('request.escalate', facts({ overdueDays: 3, level: 2 }))).toContain('该诉求已超期3个工作日，已升级至第2级督办。');
    expect(zh('request.return', facts({ entries: [{ type: 'returned', data: { reason: '不属于本站职责' } }] }))).toContain('该诉求已被退回，退回原因：不属于本站职责');
    expect(zh('request.supervise', facts())).toContain('街道已对该诉求进行督办');
    expect(zh('request.reply', facts({ request: request({ outcome: 'solved', outcomeNote: '已追回欠款，联系 13912345678' }) }))).toContain(
      '您反映的问题已办结，办理结果：已解决。办理情况：已追回欠款，联系 139****5678',
    );
    expect(zh('request.follow_up', facts({ entries: [{ type: 'followed_up', data: { rating: 'satisfied' } }] }))).toContain('感谢您的评价');
  });

  it("prefers the office's template, then a plugin's, then the built-in one", () => {
    const plugins = createNotificationRegistry().templates;
    plugins.set('request.assign', new Map([['zh-CN', { plugin: 'p', template: { title: (v) => `插件：${v.title ?? ''}`, text: '插件正文 {contact}' } }]]));
    const vars = messageVars(facts(), 'zh-CN', '李律师');
    const fromPlugin = renderMessage('request.assign', 'zh-CN', vars, { plugins }, true);
    expect(fromPlugin.title).toBe('插件：尾款未结，请回电 139****5678');
    expect(fromPlugin.text).toBe('插件正文 冯经理 138****8000');
    const office = { 'request.assign': { 'zh-CN': { title: '派单：{title}', text: '{recipient}您好，请于{deadline}前办结。', html: '<b>{title}</b>' } } };
    const fromOffice = renderMessage('request.assign', 'zh-CN', vars, { office, plugins }, true);
    expect(fromOffice).toEqual({ title: '派单：尾款未结，请回电 139****5678', text: '李律师您好，请于2026年10月10日 17:30前办结。', html: '<b>尾款未结，请回电 139****5678</b>' });
    // Another locale falls back to the built-in template.
    expect(renderMessage('request.assign', 'en', messageVars(facts(), 'en', 'Li'), { office, plugins }, false).title).toBe('New request to sign for: 尾款未结，请回电 139****5678');
  });

  it('masks numbers a template or plugin writes itself, and escapes values in an HTML template', () => {
    const office = { 'request.note': { 'zh-CN': { title: '进展', text: '值班电话 13700001111', html: '<p>{note}</p>' } } };
    const vars = messageVars(facts({ entries: [{ type: 'note', data: { text: '<b>已联系</b> 13912345678' } }] }), 'zh-CN', 'x');
    const message = renderMessage('request.note', 'zh-CN', vars, { office }, true);
    expect(message.text).toBe('值班电话 137****1111');
    expect(message.html).toBe('<p>&lt;b&gt;已联系&lt;/b&gt; 139****5678</p>');
  });
});
