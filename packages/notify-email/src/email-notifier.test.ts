import { type AddressInfo, type Server, type Socket, createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type KechuangError, type NotificationMessage, type Notifier, type NotifyContext, isKechuangError } from '@kechuang/community';
import nodemailer from 'nodemailer';
import { type SmtpSink, type SmtpSinkOptions, startSmtpSink } from './__fixtures__/smtp-sink.js';
import { emailNotifier, type EmailNotifierOptions } from './email-notifier.js';

const FROM = '梦创社区 <noreply@kechuang.example.cn>';
const ADDRESS = 'li.na@qiye.example.cn';

function message(overrides: Partial<NotificationMessage> = {}): NotificationMessage {
  return {
    id: 'outbox-1',
    idempotencyKey: 'request.assign:request-7:member-3:email',
    event: 'request.assign',
    locale: 'zh-CN',
    title: '您有一条新的企业诉求待签收',
    text: '李娜您好：\n您有一条新的企业诉求待签收，请于2025年3月5日17:00前办结。\n联系电话：138****1234',
    html: '<p>李娜您好：</p><p>您有一条新的企业诉求待签收，请于<strong>2025年3月5日17:00</strong>前办结。</p>',
    to: { memberId: 'member-3', name: '李娜', address: ADDRESS },
    officeId: 'office-1',
    requestId: 'request-7',
    data: { requestId: 'request-7' },
    createdAt: new Date('2025-03-03T01:00:00.000Z'),
    ...overrides,
  };
}

function context(signal: AbortSignal = new AbortController().signal): NotifyContext {
  return { attempt: 1, signal, now: new Date('2025-03-03T01:00:05.000Z') };
}

async function rejection(promise: Promise<unknown>): Promise<KechuangError> {
  try {
    await promise;
  } catch (error) {
    if (isKechuangError(error)) return error;
    throw error;
  }
  throw new Error('expected the send to reject');
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sinkAndNotifier(
  options: Partial<EmailNotifierOptions> = {},
  sinkOptions: SmtpSinkOptions = {}
): Promise<{ sink: SmtpSink; notifier: Notifier }> {
  const sink = await startSmtpSink(sinkOptions);
  cleanups.push(() => sink.close());
  const notifier = emailNotifier({ smtp: { host: '127.0.0.1', port: sink.port }, from: FROM, timeoutMs: 2_000, ...options });
  cleanups.push(async () => notifier.close?.());
  return { sink, notifier };
}

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

describe('emailNotifier delivers through SMTP', () => {
  it('sends the title as subject, the text and HTML parts, UTF-8 intact, to the recipient', async () => {
    const { sink, notifier } = await sinkAndNotifier();
    const sent = message();
    const result = await notifier.send(sent, context());

    expect(sink.mails).toHaveLength(1);
    const [{ envelope, parsed }] = sink.mails as [(typeof sink.mails)[number]];
    expect(envelope).toEqual({ from: 'noreply@kechuang.example.cn', to: [ADDRESS] });
    expect(parsed.subject).toBe('您有一条新的企业诉求待签收');
    expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(sent.text);
    expect(parsed.html).toBe(sent.html);
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value : []).toEqual([{ name: '李娜', address: ADDRESS }]);
    expect(parsed.from?.value).toEqual([{ name: '梦创社区', address: 'noreply@kechuang.example.cn' }]);
    expect(parsed.headers.get('x-kechuang-idempotency-key')).toBe(sent.idempotencyKey);
    expect(parsed.headers.get('x-kechuang-event')).toBe('request.assign');
    expect(parsed.headers.get('content-language')).toBe('zh-CN');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(result.externalId).toBe(parsed.messageId);
    expect(result.externalId).toMatch(/^<kechuang\.[0-9a-f]{40}@kechuang\.example\.cn>$/);
  });

  it('keeps the Message-ID and the idempotency header on a retry, and gives other keys other ids', async () => {
    const { sink, notifier } = await sinkAndNotifier();
    const first = await notifier.send(message(), context());
    const retry = await notifier.send(message({ id: 'outbox-1' }), { ...context(), attempt: 2 });
    const other = await notifier.send(message({ id: 'outbox-2', idempotencyKey: 'request.assign:request-8:member-3:email' }), context());
    expect(retry.externalId).toBe(first.externalId);
    expect(other.externalId).not.toBe(first.externalId);
    expect(sink.mails.map((mail) => mail.parsed.messageId)).toEqual([first.externalId, first.externalId, other.externalId]);
    expect(sink.mails.map((mail) => mail.parsed.headers.get('x-kechuang-idempotency-key'))).toEqual([
      'request.assign:request-7:member-3:email',
      'request.assign:request-7:member-3:email',
      'request.assign:request-8:member-3:email',
    ]);
  });

  it('turns the text into escaped HTML when the message has no HTML body', async () => {
    const { sink, notifier } = await sinkAndNotifier();
    await notifier.send(message({ html: null, text: '退回原因：<script>alert(1)</script> & 其他\n请重新派单。\n\n梦创社区' }), context());
    const html = sink.mails[0]!.parsed.html;
    expect(html).toContain('<p>退回原因：&lt;script&gt;alert(1)&lt;/script&gt; &amp; 其他<br>\n请重新派单。</p>');
    expect(html).toContain('<p>梦创社区</p>');
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).not.toContain('<script>');
  });

  it('logs in with the configured credentials, and a refused login is permanent', async () => {
    const credentials = { user: 'notify@kechuang.example.cn', pass: 's3cret' };
    const { sink, notifier } = await sinkAndNotifier({}, { auth: credentials });
    const good = emailNotifier({ smtp: { host: '127.0.0.1', port: sink.port, auth: credentials }, from: FROM, timeoutMs: 2_000 });
    cleanups.push(async () => good.close?.());
    await good.send(message(), context());
    expect(sink.mails).toHaveLength(1);

    const wrong = emailNotifier({ smtp: { host: '127.0.0.1', port: sink.port, auth: { ...credentials, pass: 'wrong' } }, from: FROM, timeoutMs: 2_000 });
    cleanups.push(async () => wrong.close?.());
    const error = await rejection(wrong.send(message(), context()));
    expect(error.code).toBe('NOTIFY_PERMANENT');
    expect(error.details['responseCode']).toBe(535);
    // Without credentials the server refuses MAIL FROM with 530: also a final no.
    expect((await rejection(notifier.send(message(), context()))).code).toBe('NOTIFY_PERMANENT');
  });

  it('sends through a transporter it is given, and leaves it open on close()', async () => {
    const sink = await startSmtpSink();
    cleanups.push(() => sink.close());
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.port, secure: false });
    cleanups.push(async () => transport.close());
    const first = emailNotifier({ transport, from: { name: '梦创社区', address: 'noreply@kechuang.example.cn' }, id: 'email-office' });
    expect(first.id).toBe('email-office');
    expect(first.channel).toBe('email');
    await first.send(message(), context());
    await first.close?.();
    await transport.sendMail({ from: 'noreply@kechuang.example.cn', to: ADDRESS, subject: 'still open', text: 'ok' });
    expect(sink.mails.map((mail) => mail.parsed.subject)).toEqual(['您有一条新的企业诉求待签收', 'still open']);
  });
});

describe('emailNotifier classifies failures', () => {
  it.each([
    [null, 'no address'],
    ['', 'an empty address'],
    ['13800001234', 'a mobile number'],
    ['li.na@localhost', 'a single-label domain'],
    ['li na@qiye.example.cn', 'a space'],
    ['a@qiye.example.cn, b@qiye.example.cn', 'two addresses'],
    ['李娜 <li.na@qiye.example.cn>', 'a display name'],
    ['li.na@qiye.example.cn\r\nBcc: x@evil.example', 'a header injection'],
    ['li.na@qiye..example.cn', 'an empty domain label'],
  ])('refuses %j (%s) as permanent without connecting', async (address, _what) => {
    const { sink, notifier } = await sinkAndNotifier();
    const error = await rejection(notifier.send(message({ to: { memberId: 'member-3', name: '李娜', address } }), context()));
    expect(error.code).toBe('NOTIFY_PERMANENT');
    expect(sink.requests()).toBe(0);
  });

  it.each([
    [550, '5.1.1 Mailbox unknown', 'NOTIFY_PERMANENT'],
    [553, '5.1.3 Mailbox name not allowed', 'NOTIFY_PERMANENT'],
    [554, '5.7.1 Relay access denied', 'NOTIFY_PERMANENT'],
    [451, '4.3.0 Temporary local problem', 'NOTIFY_RETRYABLE'],
    [452, '4.2.2 Mailbox full', 'NOTIFY_RETRYABLE'],
  ] as const)('RCPT TO answered %i is %s', async (code, text, expected) => {
    const { sink, notifier } = await sinkAndNotifier();
    sink.nextReply({ code, text });
    const error = await rejection(notifier.send(message(), context()));
    expect(error.code).toBe(expected);
    expect(error.details['responseCode']).toBe(code);
    expect(sink.mails).toHaveLength(0);
    // The connection stays usable for the next message.
    await notifier.send(message(), context());
    expect(sink.mails).toHaveLength(1);
  });

  it('a closed port is retryable', async () => {
    const probe = createServer();
    const port = await listening(probe);
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const notifier = emailNotifier({ smtp: { host: '127.0.0.1', port }, from: FROM, timeoutMs: 2_000 });
    cleanups.push(async () => notifier.close?.());
    const error = await rejection(notifier.send(message(), context()));
    expect(error.code).toBe('NOTIFY_RETRYABLE');
  });

  it('a server that never greets is retryable once timeoutMs passes', async () => {
    const sockets = new Set<Socket>();
    const silent = createServer((socket) => void sockets.add(socket));
    const port = await listening(silent);
    cleanups.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const notifier = emailNotifier({ smtp: { host: '127.0.0.1', port }, from: FROM, timeoutMs: 300 });
    cleanups.push(async () => notifier.close?.());
    expect((await rejection(notifier.send(message(), context()))).code).toBe('NOTIFY_RETRYABLE');
  });

  it('close() closes the pooled connections and later sends fail as retryable', async () => {
    const { sink, notifier } = await sinkAndNotifier();
    await notifier.send(message(), context());
    expect(sink.openConnections()).toBe(1);
    await notifier.close?.();
    for (let waited = 0; sink.openConnections() > 0 && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(sink.openConnections()).toBe(0);
    expect((await rejection(notifier.send(message(), context()))).code).toBe('NOTIFY_RETRYABLE');
    await notifier.close?.();
  });
});

describe('emailNotifier options', () => {
  it('needs exactly one of smtp and transport, a sender address and a positive timeout', () => {
    const transport = nodemailer.createTransport({ jsonTransport: true });
    expect(() => emailNotifier({ from: FROM })).toThrow(TypeError);
    expect(() => emailNotifier({ from: FROM, transport, smtp: { host: '127.0.0.1', port: 25 } })).toThrow(TypeError);
    expect(() => emailNotifier({ from: '梦创社区', transport })).toThrow(/sender address/);
    expect(() => emailNotifier({ from: FROM, transport, timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(emailNotifier({ from: FROM, transport, rateLimits: [{ limit: 30, windowMs: 60_000 }] }).rateLimits).toEqual([{ limit: 30, windowMs: 60_000 }]);
  });
});
