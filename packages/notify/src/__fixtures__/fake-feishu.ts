import { createHmac } from 'node:crypto';
import type { ReceivedRequest, Reply } from './loopback-server.js';

/**
 * Feishu's custom bot as the platform checks a request with signature verification, written
 * apart from the notifier's code: the token in the path, `timestamp` (seconds) within an hour
 * and `sign` = Base64 HmacSHA256 keyed with `${timestamp}\n${secret}` over nothing, both in
 * the body, then a `text` or `post` message. Errors come back with a non-zero `code`.
 */
export function fakeFeishu(token: string, secret: string): (request: ReceivedRequest) => Reply {
  return (request) => {
    const url = new URL(request.url, 'http://bot.invalid');
    if (request.method !== 'POST' || url.pathname !== `/open-apis/bot/v2/hook/${token}`) {
      return { status: 200, body: { code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' } };
    }
    let body: { timestamp?: unknown; sign?: unknown; msg_type?: unknown; content?: { text?: unknown; post?: Record<string, { title?: unknown; content?: unknown }> } };
    try {
      body = JSON.parse(request.body.toString('utf8')) as typeof body;
    } catch {
      return { status: 400, body: { code: 9499, data: {}, msg: 'Bad Request' } };
    }
    const timestamp = typeof body.timestamp === 'string' || typeof body.timestamp === 'number' ? String(body.timestamp) : '';
    const expected = createHmac('sha256', Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest('base64');
    if (!/^\d{10}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > 3600 || body.sign !== expected) {
      return { status: 200, body: { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' } };
    }
    if (body.msg_type === 'text' && typeof body.content?.text === 'string') return { status: 200, body: { code: 0, data: {}, msg: 'success' } };
    if (body.msg_type === 'post') {
      const posts = Object.entries(body.content?.post ?? {});
      const valid =
        posts.length > 0 &&
        posts.every(
          ([locale, post]) =>
            ['zh_cn', 'en_us', 'ja_jp'].includes(locale) &&
            typeof post.title === 'string' &&
            Array.isArray(post.content) &&
            post.content.every((line: unknown) => Array.isArray(line) && line.every((item: { tag?: unknown }) => item.tag === 'text' || item.tag === 'at')),
        );
      if (valid) return { status: 200, body: { code: 0, data: {}, msg: 'success' } };
    }
    return { status: 400, body: { code: 9499, data: {}, msg: 'Bad Request' } };
  };
}
