import { testNotifier } from '@kechuang/testing';
import { fakeDingtalk } from './__fixtures__/fake-dingtalk.js';
import { fakeFeishu } from './__fixtures__/fake-feishu.js';
import { fakeWecom } from './__fixtures__/fake-wecom.js';
import type { ReceivedRequest } from './__fixtures__/loopback-server.js';
import { startPlatformSink } from './__fixtures__/platform-sink.js';
import { dingtalkNotifier } from './dingtalk/dingtalk-notifier.js';
import { feishuNotifier } from './feishu/feishu-notifier.js';
import { verifyWebhook } from './webhook/verify-webhook.js';
import { webhookNotifier } from './webhook/webhook-notifier.js';
import { wecomNotifier } from './wecom/wecom-notifier.js';

const sendTimeoutMs = 300;

function json<T>(request: ReceivedRequest): T {
  return JSON.parse(request.body.toString('utf8')) as T;
}

testNotifier(
  async () => {
    const verify = verifyWebhook({ secret: 'whsec_kit' });
    const sink = await startPlatformSink({
      handle(request) {
        try {
          verify(request.headers, request.body);
          return { status: 200, body: { id: 'rcv-1' } };
        } catch {
          return { status: 401 };
        }
      },
      retryable: { status: 503 },
      permanent: { status: 410 },
      decode(request) {
        const payload = verify(request.headers, request.body);
        return { idempotencyKey: String(request.headers['idempotency-key']), text: payload.text, title: payload.title };
      },
      carriesIdempotencyKey: true,
    });
    return { notifier: webhookNotifier({ url: `${sink.baseUrl}/hook`, secret: 'whsec_kit', timeoutMs: sendTimeoutMs }), sink };
  },
  { name: 'webhookNotifier conformance', sendTimeoutMs },
);

testNotifier(
  async () => {
    const sink = await startPlatformSink({
      handle: fakeDingtalk('kit-token', 'SECkit'),
      retryable: { status: 200, body: { errcode: 130101, errmsg: 'send too fast, exceed 20 times per minute' } },
      permanent: { status: 200, body: { errcode: 310000, errmsg: 'keywords not in content' } },
      decode(request) {
        const body = json<{ markdown: { title: string; text: string } }>(request);
        // A markdown paragraph break is the line break the reader sees.
        return { idempotencyKey: null, text: body.markdown.text.replace(/\n\n/g, '\n'), title: body.markdown.title };
      },
      carriesIdempotencyKey: false,
    });
    return { notifier: dingtalkNotifier({ accessToken: 'kit-token', secret: 'SECkit', baseUrl: sink.baseUrl, timeoutMs: sendTimeoutMs }), sink, address: '13800138000' };
  },
  { name: 'dingtalkNotifier conformance', sendTimeoutMs },
);

testNotifier(
  async () => {
    const sink = await startPlatformSink({
      handle: fakeWecom('kit-key'),
      retryable: { status: 200, body: { errcode: 45009, errmsg: 'api freq out of limit' } },
      permanent: { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url' } },
      decode(request) {
        const body = json<{ text?: { content: string }; markdown?: { content: string } }>(request);
        return { idempotencyKey: null, text: body.text?.content ?? body.markdown?.content ?? '' };
      },
      carriesIdempotencyKey: false,
    });
    return { notifier: wecomNotifier({ key: 'kit-key', baseUrl: sink.baseUrl, timeoutMs: sendTimeoutMs }), sink, address: 'WangXiaoming' };
  },
  { name: 'wecomNotifier conformance', sendTimeoutMs },
);

testNotifier(
  async () => {
    const sink = await startPlatformSink({
      handle: fakeFeishu('kit-token', 'kit-secret'),
      retryable: { status: 200, body: { code: 11232, data: {}, msg: 'frequency limited' } },
      permanent: { status: 200, body: { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' } },
      decode(request) {
        const body = json<{ content: { post: Record<string, { title: string; content: { tag: string; text?: string }[][] }> } }>(request);
        const [post] = Object.values(body.content.post);
        const lines = (post?.content ?? []).map((line) => line.map((item) => item.text ?? '').join(''));
        return { idempotencyKey: null, text: lines.join('\n'), title: post?.title ?? '' };
      },
      carriesIdempotencyKey: false,
    });
    return { notifier: feishuNotifier({ webhook: 'kit-token', secret: 'kit-secret', baseUrl: sink.baseUrl, timeoutMs: sendTimeoutMs }), sink, address: 'ou_kit' };
  },
  { name: 'feishuNotifier conformance', sendTimeoutMs },
);
