import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNotifyError } from '../__fixtures__/expect-notify-error.js';
import { fakeWecom } from '../__fixtures__/fake-wecom.js';
import { startLoopbackServer, type LoopbackServer, type ReceivedRequest } from '../__fixtures__/loopback-server.js';
import { context, notification } from '../__fixtures__/notification.js';
import { wecomNotifier, type WecomNotifierOptions } from './wecom-notifier.js';

const key = '0f8e6c1a-2b3d-4e5f-8a9b-test00000001';

function sentBody(request: ReceivedRequest | undefined): Record<string, unknown> {
  return JSON.parse(request?.body.toString('utf8') ?? '') as Record<string, unknown>;
}

describe('wecomNotifier against a group robot on loopback', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer(fakeWecom(key));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const notifier = (options: Partial<WecomNotifierOptions> = {}) => wecomNotifier({ key, baseUrl: server.baseUrl, timeoutMs: 2_000, ...options });

  it('delivers text that @-mentions the recipient by mobile, keeping the number out of the text', async () => {
    expect(await notifier().send(notification(), context())).toEqual({ externalId: null });
    expect(server.requests[0]?.url).toBe(`/cgi-bin/webhook/send?key=${key}`);
    const body = sentBody(server.requests[0]);
    expect(body).toEqual({
      msgtype: 'text',
      text: {
        content: '新的企业诉求待签收\n您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。\n请于2026年3月6日前办结。',
        mentioned_mobile_list: ['13800138000'],
      },
    });
  });

  it('mentions a WeCom user id through mentioned_list', async () => {
    await notifier().send(notification({ to: { memberId: 'm', name: '王敏', address: 'WangMin' } }), context());
    expect(sentBody(server.requests[0])).toMatchObject({ msgtype: 'text', text: { mentioned_list: ['WangMin'] } });
  });

  it('sends markdown with the title in bold when nobody is mentioned', async () => {
    await notifier().send(notification({ to: { memberId: null, name: '园区办', address: null } }), context());
    expect(sentBody(server.requests[0])).toEqual({
      msgtype: 'markdown',
      markdown: { content: '**新的企业诉求待签收**\n您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。\n请于2026年3月6日前办结。' },
    });
  });

  it('cuts content to WeCom\'s byte limits on a character boundary', async () => {
    const long = notification({ text: '超'.repeat(3000) });
    await notifier().send(long, context());
    const text = (sentBody(server.requests[0])['text'] as { content: string }).content;
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(2048);
    expect(text.endsWith('超…')).toBe(true);

    await notifier().send({ ...long, to: { memberId: null, name: 'x', address: null } }, context());
    const markdown = (sentBody(server.requests[1])['markdown'] as { content: string }).content;
    expect(Buffer.byteLength(markdown, 'utf8')).toBeLessThanOrEqual(4096);
    expect(Buffer.byteLength(markdown, 'utf8')).toBeGreaterThan(4000);
  });

  it('is refused with NOTIFY_PERMANENT (errcode 93000) for a wrong key, without the key in the message', async () => {
    const error = await expectNotifyError(notifier({ key: 'not-the-key' }).send(notification(), context()), 'NOTIFY_PERMANENT');
    expect(error.details['platformCode']).toBe(93000);
    expect(error.message).not.toContain('not-the-key');
  });

  it('retries the frequency limit (45009) after a minute, and a busy server (-1)', async () => {
    server.queue({ status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } }, { status: 200, body: { errcode: -1, errmsg: 'system busy' } });
    const throttled = await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE');
    expect(throttled.details).toMatchObject({ platformCode: 45009, retryAfterMs: 60_000 });
    await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE');
  });

  it('never counts HTTP 200 with a non-zero errcode, or without one, as delivered', async () => {
    server.queue({ status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } });
    await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_PERMANENT');
    server.queue({ status: 200, body: '<html>upstream error</html>' });
    await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE');
  });

  it('retries 5xx, timeouts and aborts', async () => {
    server.queue({ status: 500 });
    await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE');
    server.queue('hang');
    await expectNotifyError(notifier({ timeoutMs: 100 }).send(notification(), context()), 'NOTIFY_RETRYABLE');
    server.queue('hang');
    const controller = new AbortController();
    const sending = notifier().send(notification(), context({ signal: controller.signal }));
    await server.nextRequest();
    controller.abort();
    await expectNotifyError(sending, 'NOTIFY_RETRYABLE');
  });

  it('shares WeCom\'s limit of 20 messages a minute', () => {
    expect(notifier()).toMatchObject({ id: 'wecom', channel: 'wecom', rateLimits: [{ limit: 20, windowMs: 60_000 }] });
  });
});
