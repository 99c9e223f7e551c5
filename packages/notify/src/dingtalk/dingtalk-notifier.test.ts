import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNotifyError } from '../__fixtures__/expect-notify-error.js';
import { fakeDingtalk } from '../__fixtures__/fake-dingtalk.js';
import { startLoopbackServer, type LoopbackServer, type ReceivedRequest } from '../__fixtures__/loopback-server.js';
import { context, notification } from '../__fixtures__/notification.js';
import { dingtalkNotifier, type DingtalkNotifierOptions } from './dingtalk-notifier.js';

const accessToken = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90';
const secret = 'SEC5a3ecf88f2b3eb50db30ecfc00f53033ac909c99bf7f88fd612bda89d7f3a9dc';

function sentBody(request: ReceivedRequest | undefined): Record<string, unknown> {
  return JSON.parse(request?.body.toString('utf8') ?? '') as Record<string, unknown>;
}

describe('dingtalkNotifier against a signed-mode robot on loopback', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer(fakeDingtalk(accessToken, secret));
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const notifier = (options: Partial<DingtalkNotifierOptions> = {}) => dingtalkNotifier({ accessToken, secret, baseUrl: server.baseUrl, timeoutMs: 2_000, ...options });

  it('delivers a signed markdown message that @-mentions the recipient by mobile, without the number in the text', async () => {
    expect(await notifier().send(notification(), context())).toEqual({ externalId: null });
    const request = server.requests[0];
    expect(request?.url).toMatch(/^\/robot\/send\?access_token=a1b2[0-9a-f]+&timestamp=\d{13}&sign=[A-Za-z0-9%]+$/);
    expect(sentBody(request)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '新的企业诉求待签收',
        text: '#### 新的企业诉求待签收\n\n您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。\n\n请于2026年3月6日前办结。',
      },
      at: { atMobiles: ['13800138000'], atUserIds: [], isAtAll: false },
    });
  });

  it('mentions a DingTalk user id through atUserIds, adds atMobiles, and sends text when asked', async () => {
    await notifier({ msgtype: 'text', atMobiles: ['13900139000'] }).send(notification({ to: { memberId: 'm', name: '李强', address: 'manager4213' } }), context());
    expect(sentBody(server.requests[0])).toEqual({
      msgtype: 'text',
      text: { content: '新的企业诉求待签收\n您有一条新的企业诉求待签收：梦创科技有限公司（联系人 138****1234）反映园区停车难。\n请于2026年3月6日前办结。\n@manager4213' },
      at: { atMobiles: ['13900139000'], atUserIds: ['manager4213'], isAtAll: false },
    });
  });

  it('mentions nobody when the recipient has no address', async () => {
    await notifier().send(notification({ to: { memberId: null, name: '街道办', address: null } }), context());
    expect(sentBody(server.requests[0])).toMatchObject({ at: { atMobiles: [], atUserIds: [], isAtAll: false } });
  });

  it('is refused with NOTIFY_PERMANENT (errcode 310000) when signed with the wrong secret', async () => {
    const error = await expectNotifyError(notifier({ secret: 'SECwrong' }).send(notification(), context()), 'NOTIFY_PERMANENT');
    expect(error.details).toMatchObject({ status: 200, platformCode: 310000 });
    expect(error.message).toMatch(/sign not match/);
    expect(error.message).not.toContain(accessToken);
  });

  it('is refused with NOTIFY_PERMANENT when its clock is more than an hour off', async () => {
    const skewed = notifier({ now: () => new Date(Date.now() - 2 * 3_600_000) });
    expect((await expectNotifyError(skewed.send(notification(), context()), 'NOTIFY_PERMANENT')).message).toMatch(/invalid timestamp/);
  });

  it('is refused with NOTIFY_PERMANENT (errcode 300001) for an unknown token', async () => {
    const error = await expectNotifyError(notifier({ accessToken: 'deadbeef' }).send(notification(), context()), 'NOTIFY_PERMANENT');
    expect(error.details['platformCode']).toBe(300001);
  });

  it('never counts HTTP 200 with a non-zero errcode as delivered', async () => {
    const sender = notifier();
    const permanent = [
      { errcode: 310000, errmsg: 'keywords not in content' },
      { errcode: 310000, errmsg: 'ip 10.0.0.8 not in whitelist' },
      { errcode: 400102, errmsg: '机器人已停用' },
      { errcode: 430102, errmsg: '含有不合适的文本' },
    ];
    for (const body of permanent) {
      server.queue({ status: 200, body });
      await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_PERMANENT');
    }
    for (const body of [{ errcode: -1, errmsg: '系统繁忙' }, { errcode: 888888, errmsg: 'something new' }]) {
      server.queue({ status: 200, body });
      await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_RETRYABLE');
    }
  });

  it('retries a throttled robot (130101, 410100) after DingTalk\'s ten-minute block', async () => {
    const sender = notifier();
    for (const errcode of [130101, 410100]) {
      server.queue({ status: 200, body: { errcode, errmsg: 'send too fast, exceed 20 times per minute' } });
      const error = await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_RETRYABLE');
      expect(error.details).toMatchObject({ platformCode: errcode, retryAfterMs: 600_000 });
    }
  });

  it('does not take a 200 without an errcode for a delivery', async () => {
    const sender = notifier();
    for (const body of ['<html><body>gateway maintenance</body></html>', { ok: true }, '']) {
      server.queue({ status: 200, body });
      await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_RETRYABLE');
    }
  });

  it('retries 5xx, timeouts and aborts', async () => {
    server.queue({ status: 502, body: '<html>Bad Gateway</html>' }, { status: 503, headers: { 'retry-after': '30' }, body: { errcode: -1 } });
    await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE');
    expect((await expectNotifyError(notifier().send(notification(), context()), 'NOTIFY_RETRYABLE')).details['retryAfterMs']).toBe(30_000);

    server.queue('hang');
    await expectNotifyError(notifier({ timeoutMs: 100 }).send(notification(), context()), 'NOTIFY_RETRYABLE');

    server.queue('hang');
    const controller = new AbortController();
    const sending = notifier().send(notification(), context({ signal: controller.signal }));
    await server.nextRequest();
    controller.abort();
    await expectNotifyError(sending, 'NOTIFY_RETRYABLE');
  });

  it('shares DingTalk\'s limit of 20 messages a minute', () => {
    expect(notifier()).toMatchObject({ id: 'dingtalk', channel: 'dingtalk', rateLimits: [{ limit: 20, windowMs: 60_000 }] });
    expect(notifier({ id: 'dingtalk-duty' }).id).toBe('dingtalk-duty');
  });
});
