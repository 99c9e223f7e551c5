import { createHmac } from 'node:crypto';
import type { ReceivedRequest, Reply } from './loopback-server.js';

/**
 * DingTalk's custom robot as the platform checks a request in signed mode, written apart from
 * the notifier's code: the token, the timestamp within an hour, the `sign` query parameter
 * (URL-decoded, then compared with the Base64 HmacSHA256 keyed with the secret over
 * `${timestamp}\n${secret}`), and a text or markdown body. Errors come back the way DingTalk
 * sends them: HTTP 200 with a non-zero `errcode`.
 */
export function fakeDingtalk(accessToken: string, secret: string, clock: () => number = Date.now): (request: ReceivedRequest) => Reply {
  return (request) => {
    const url = new URL(request.url, 'http://robot.invalid');
    if (request.method !== 'POST' || url.pathname !== '/robot/send') return { status: 404, body: '<html>404 Not Found</html>' };
    if (url.searchParams.get('access_token') !== accessToken) return { status: 200, body: { errcode: 300001, errmsg: 'token is not exist' } };

    const timestamp = url.searchParams.get('timestamp') ?? '';
    if (!/^\d{13}$/.test(timestamp) || Math.abs(clock() - Number(timestamp)) > 3_600_000) {
      return { status: 200, body: { errcode: 310000, errmsg: 'invalid timestamp' } };
    }
    // A Base64 `+` sent unencoded would reach DingTalk as a space and fail the comparison.
    const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest('base64');
    if (url.searchParams.get('sign') !== expected) {
      return { status: 200, body: { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' } };
    }

    if (!String(request.headers['content-type']).startsWith('application/json')) return { status: 200, body: { errcode: 43004, errmsg: '无效的HTTP HEADER Content-Type' } };
    let body: { msgtype?: unknown; text?: { content?: unknown }; markdown?: { title?: unknown; text?: unknown }; at?: unknown };
    try {
      body = JSON.parse(request.body.toString('utf8')) as typeof body;
    } catch {
      return { status: 200, body: { errcode: 40035, errmsg: '缺少参数 json' } };
    }
    const valid =
      (body.msgtype === 'text' && typeof body.text?.content === 'string' && body.text.content !== '') ||
      (body.msgtype === 'markdown' && typeof body.markdown?.title === 'string' && typeof body.markdown.text === 'string' && body.markdown.text !== '');
    if (!valid) return { status: 200, body: { errcode: 40035, errmsg: '缺少参数 msgtype/content' } };
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  };
}
