import type { NotificationMessage, NotifyContext } from '@kechuang/community';

/** An assignment notice as the core renders it: zh-CN, the mobile already masked. */
export function notification(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    id: '0196f1c2-7a00-7000-8000-000000000001',
    idempotencyKey: 'request.assign:req-1:member-7:channel',
    event: 'request.assign',
    locale: 'zh-CN',
    title: '新的企业诉求待签收',
    text: '您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。\n请于2026年3月6日前办结。',
    html: null,
    to: { memberId: 'member-7', name: '王敏', address: '13800138000' },
    officeId: 'office-1',
    requestId: 'req-1',
    data: { requestId: 'req-1', status: 'assigned', deadline: '2026-03-06T09:00:00.000Z' },
    createdAt: new Date('2026-03-02T01:00:00.000Z'),
    ...overrides,
  };
}

/** A first attempt with a signal nobody aborts. */
export function context(overrides: Partial<NotifyContext> = {}): NotifyContext {
  return { attempt: 1, signal: new AbortController().signal, now: new Date(), ...overrides };
}
