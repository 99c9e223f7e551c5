import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNotifyError } from '../__fixtures__/expect-notify-error.js';
import { fakeFeishu } from '../__fixtures__/fake-feishu.js';
import { startLoopbackServer, type LoopbackServer, type ReceivedRequest } from '../__fixtures__/loopback-server.js';
import { context, notification } from '../__fixtures__/notification.js';
import { feishuHookUrl, feishuNotifier, type FeishuNotifierOptions } from './feishu-notifier.js';

const token = '2b1f4c7e-9a8d-4e3f-b6a5-test00000002';
const secret = 'feishu-test-secret-1';

function sentBody(request: ReceivedRequest | undefined): Record<string, unknown> {
  return JSON.parse(request?.body.toString('utf8') ?? '') as Record<string, unknown>;
}

describe('feishuNotifier against a signed custom bot on loopback', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer(fakeFeishu(token, secret));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const notifier = (options: Partial<FeishuNotifierOptions> = {}) => feishuNotifier({ webhook: token, secret, baseUrl: server.baseUrl, timeoutMs: 2_000, ...options });

  it('delivers a signed rich-text post in the recipient\'s locale', async () => {
    const message = notification({ to: { memberId: 'm', name: '王敏', address: 'ou_7d8a6e6df7621556ce0d21922b676706' } });
    expect(await notifier().send(message, context())).toEqual({ externalId: null });
    const body = sentBody(server.requests[0]);
    expect(server.requests[0]?.url).toBe(`/open-apis/bot/v2/hook/${token}`);
    expect(body['timestamp']).toMatch(/^\d{10}$/);
    expect(body).toMatchObject({
      msg_type: 'post',
      content: {
        post: {
          zh_cn: {
            title: '新的企业诉求待签收',
            content: [
              [{ tag: 'text', text: '您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。' }],
              [{ tag: 'text', text: '请于2026年3月6日前办结。' }],
              [{ tag: 'at', user_id: 'ou_7d8a6e6df7621556ce0d21922b676706' }],
            ],
          },
        },
      },
    });
  });

  it('writes English posts under en_us and does not mention a mobile', async () => {
    await notifier().send(notification({ locale: 'en', title: 'New request', text: 'A new request awaits you.' }), context());
    expect(sentBody(server.requests[0])['content']).toEqual({ post: { en_us: { title: 'New request', content: [[{ tag: 'text', text: 'A new request awaits you.' }]] } } });
  });

  it('sends plain text with an <at> tag when asked', async () => {
    await notifier({ msgType: 'text' }).send(notification({ to: { memberId: 'm', name: '王<敏>', address: 'ou_abc' } }), context());
    expect(sentBody(server.requests[0])).toMatchObject({
      msg_type: 'text',
      content: { text: '<at user_id="ou_abc">王&lt;敏&gt;</at> 新的企业诉求待签收\n您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。\n请于2026年3月6日前办结。' },
    });
  });

  it('accepts the full webhook URL as Feishu shows it', async () => {
    expect(feishuHookUrl(`https://open.feishu.cn/open-apis/bot/v2/hook/${token}`, undefined)).toBe(`https://open.feishu.cn/open-apis/bot/v2/hook/${token}`);
    expect(feishuHookUrl(token, undefined)).toBe(`https://open.feishu.cn/open-apis/bot/v2/hook/${token}`);
    await notifier({ webhook: `https://open.feishu.cn/open-apis/bot/v2/hook/${token}` }).send(notification(), context());
    expect(server.requests[0]?.url).toBe(`/open-apis/bot/v2/hook/${token}`);
  });

  it('is refused with NOTIFY_PERMANENT (code 19021) when signed with the wrong secret or a stale clock', async () => {
    const wrong = await expectNotifyError(notifier({ secret: 'not-the-secret' }).send(notification(), context()), 'NOTIFY_PERMANENT');
    expect(wrong.details).toMatchObject({ status: 200, platformCode: 19021 });
    const stale = notifier({ now: () => new Date(Date.now() - 2 * 3_600_000) });
    await expectNotifyError(stale.send(notification(), context()), 'NOTIFY_PERMANENT');
  });

  it('is refused with NOTIFY_PERMANENT (code 19001) for an unknown token', async () => {
    expect((await expectNotifyError(notifier({ webhook: 'no-such-bot' }).send(notification(), context()), 'NOTIFY_PERMANENT')).details['platformCode']).toBe(19001);
  });

  it('classifies Feishu\'s codes, in HTTP 200 or 400 answers alike', async () => {
    const cases = [
      { status: 200, body: { code: 19024, data: {}, msg: 'Key Words Not Found' }, expected: 'NOTIFY_PERMANENT' },
      { status: 200, body: { code: 19022, data: {}, msg: 'Ip Not Allowed' }, expected: 'NOTIFY_PERMANENT' },
      { status: 400, body: { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' }, expected: 'NOTIFY_PERMANENT' },
      { status: 200, body: { code: 11232, data: {}, msg: 'frequency limited psm[lark.oapi.app_platform_runtime]appID[1]' }, expected: 'NOTIFY_RETRYABLE' },
      { status: 400, body: { code: 11232, data: {}, msg: 'frequency limited' }, expected: 'NOTIFY_RETRYABLE' },
      { status: 400, body: { code: 9499, data: {}, msg: 'too many request' }, expected: 'NOTIFY_RETRYABLE' },
      { status: 400, body: { StatusCode: 19021, StatusMessage: 'sign match fail' }, expected: 'NOTIFY_PERMANENT' },
      { status: 404, body: '404 page not found', expected: 'NOTIFY_PERMANENT' },
      { status: 200, body: '', expected: 'NOTIFY_RETRYABLE' },
    ] as const;
    for (const { status, body, expected } of cases) {
      server.queue({ status, body });
      await expectNotifyError(notifier().send(notification(), context()), expected);
    }
  });

  it('counts only code 0 as delivered, in the current and the older answer shape', async () => {
    server.queue({ status: 200, body: { Extra: null, StatusCode: 0, StatusMessage: 'success' } });
    expect(await notifier().send(notification(), context())).toEqual({ externalId: null });
  });

  it('retries 429 with the wait, 5xx, timeouts and aborts', async () => {
    server.queue({ status: 429, headers: { 'retry-after': '2' }, body: { code: 99991400, msg: 'request trigger frequency limit' } }, { status: 500 });
    expect((await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE')).details['retryAfterMs']).toBe(2_000);
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

  it('shares Feishu\'s limits of 100 messages a minute and 5 a second', () => {
    expect(notifier()).toMatchObject({
      id: 'feishu',
      channel: 'feishu',
      rateLimits: [
        { limit: 100, windowMs: 60_000 },
        { limit: 5, windowMs: 1_000 },
      ],
    });
  });
});
