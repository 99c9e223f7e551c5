import type { ReceivedRequest, Reply } from './loopback-server.js';

/**
 * WeCom's group robot webhook as the platform checks a request: the `key`, a JSON body of
 * `text` (content at most 2048 UTF-8 bytes, optional mention lists of strings) or `markdown`
 * (at most 4096 bytes). Errors come back as HTTP 200 with a non-zero `errcode`.
 */
export function fakeWecom(key: string): (request: ReceivedRequest) => Reply {
  return (request) => {
    const url = new URL(request.url, 'http://robot.invalid');
    if (request.method !== 'POST' || url.pathname !== '/cgi-bin/webhook/send') return { status: 404, body: 'not found' };
    if (url.searchParams.get('key') !== key) {
      return { status: 200, body: { errcode: 93000, errmsg: 'invalid webhook url, hint: [1772413200_1_a1b2c3], from ip: 127.0.0.1, more info at https://open.work.weixin.qq.com/devtool/query?e=93000' } };
    }
    let body: { msgtype?: unknown; text?: Record<string, unknown>; markdown?: Record<string, unknown> };
    try {
      body = JSON.parse(request.body.toString('utf8')) as typeof body;
    } catch {
      return { status: 200, body: { errcode: 40058, errmsg: 'invalid json' } };
    }
    const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.byteLength(value, 'utf8') : -1);
    const strings = (value: unknown) => value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    if (body.msgtype === 'text') {
      const size = bytes(body.text?.['content']);
      if (size <= 0) return { status: 200, body: { errcode: 44004, errmsg: 'empty content' } };
      if (size > 2048 || !strings(body.text?.['mentioned_list']) || !strings(body.text?.['mentioned_mobile_list'])) {
        return { status: 200, body: { errcode: 40058, errmsg: 'invalid text' } };
      }
    } else if (body.msgtype === 'markdown') {
      const size = bytes(body.markdown?.['content']);
      if (size <= 0) return { status: 200, body: { errcode: 44004, errmsg: 'empty content' } };
      if (size > 4096) return { status: 200, body: { errcode: 40058, errmsg: 'markdown.content exceed max length 4096' } };
    } else {
      return { status: 200, body: { errcode: 40008, errmsg: 'invalid message type' } };
    }
    return { status: 200, body: { errcode: 0, errmsg: 'ok' } };
  };
}
