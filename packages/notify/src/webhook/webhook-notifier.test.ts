import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNotifyError } from '../__fixtures__/expect-notify-error.js';
import { startLoopbackServer, type LoopbackServer, type ReceivedRequest, type Reply } from '../__fixtures__/loopback-server.js';
import { context, notification } from '../__fixtures__/notification.js';
import { verifyWebhook } from './verify-webhook.js';
import { webhookNotifier } from './webhook-notifier.js';

const secret = 'whsec_integration_test';
const verify = verifyWebhook({ secret });

/** An integrator's receiver: verifies every delivery with verifyWebhook and answers 401 or 200. */
function receiver(request: ReceivedRequest): Reply {
  try {
    const payload = verify(request.headers, request.body);
    return { status: 200, body: { id: `rcv-${payload.id}` } };
  } catch (error) {
    return { status: 401, body: { error: error instanceof Error ? error.message : String(error) } };
  }
}

describe('webhookNotifier against a receiver on loopback', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer(receiver);
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const notifier = (options: Partial<Parameters<typeof webhookNotifier>[0]> = {}) =>
    webhookNotifier({ url: `${server.baseUrl}/hooks/kechuang`, secret, timeoutMs: 2_000, ...options });

  it('POSTs signed JSON that verifyWebhook accepts, and takes the externalId from the answer', async () => {
    const message = notification();
    const result = await notifier().send(message, context({ attempt: 3 }));
    expect(result).toEqual({ externalId: `rcv-${message.id}` });

    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/hooks/kechuang');
    expect(request?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(request?.headers['idempotency-key']).toBe(message.idempotencyKey);
    expect(request?.headers['x-kechuang-attempt']).toBe('3');
    expect(request?.headers['x-kechuang-event']).toBe('request.assign');
    const body = JSON.parse(request?.body.toString('utf8') ?? '') as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['id', 'idempotencyKey', 'event', 'locale', 'title', 'text', 'to', 'officeId', 'requestId', 'data', 'createdAt']);
    expect(body).toMatchObject({ text: message.text, to: message.to, createdAt: '2026-03-02T01:00:00.000Z', requestId: 'req-1' });
  });

  it('signs v1= hex HMAC-SHA256 over `${timestamp}.${body}` with the secret', async () => {
    // A fixed clock, so the receiver (which checks freshness) is bypassed for this one.
    server.queue({ status: 200 });
    await notifier({ now: () => new Date('2026-03-02T01:00:00.900Z') }).send(notification(), context());
    const request = server.requests[0] as ReceivedRequest;
    expect(request.headers['x-kechuang-timestamp']).toBe('1772413200');
    const expected = createHmac('sha256', secret).update(Buffer.concat([Buffer.from('1772413200.'), request.body])).digest('hex');
    expect(request.headers['x-kechuang-signature']).toBe(`v1=${expected}`);
  });

  it('is refused (permanently) by a receiver holding another secret', async () => {
    const error = await expectNotifyError(notifier({ secret: 'whsec_wrong' }).send(notification(), context()), 'NOTIFY_PERMANENT');
    expect(error.details['status']).toBe(401);
    expect(error.message).not.toContain('whsec_wrong');
  });

  it('keeps caller headers but never lets them replace the signed ones', async () => {
    const spoofing = notifier({ headers: { authorization: 'Bearer gateway-token', 'x-kechuang-signature': 'v1=00', 'IDEMPOTENCY-KEY': 'spoof' } });
    await spoofing.send(notification(), context());
    const request = server.requests[0] as ReceivedRequest;
    expect(request.headers['authorization']).toBe('Bearer gateway-token');
    expect(request.headers['idempotency-key']).toBe(notification().idempotencyKey);
    expect(request.headers['x-kechuang-signature']).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it('delivers with a null externalId when the answer has no JSON id', async () => {
    server.queue({ status: 204 }, { status: 200, body: 'ok' }, { status: 202, body: { received: true } }, { status: 200, body: { id: 42 } });
    const sender = notifier();
    expect(await sender.send(notification(), context())).toEqual({ externalId: null });
    expect(await sender.send(notification(), context())).toEqual({ externalId: null });
    expect(await sender.send(notification(), context())).toEqual({ externalId: null });
    expect(await sender.send(notification(), context())).toEqual({ externalId: '42' });
  });

  it('classifies 408, 429 and 5xx as retryable, with the Retry-After wait', async () => {
    const sender = notifier();
    for (const status of [408, 429, 500, 502, 503, 504]) {
      server.queue({ status, body: { error: 'try later' } });
      await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_RETRYABLE');
    }
    server.queue({ status: 503, headers: { 'retry-after': '7' } });
    expect((await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_RETRYABLE')).details['retryAfterMs']).toBe(7_000);
    const later = new Date(Date.now() + 120_000).toUTCString();
    server.queue({ status: 429, headers: { 'retry-after': later } });
    const wait = (await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_RETRYABLE')).details['retryAfterMs'];
    expect(wait).toBeGreaterThan(100_000);
    expect(wait).toBeLessThanOrEqual(120_000);
  });

  it('classifies the other 4xx and redirects as permanent', async () => {
    const sender = notifier();
    for (const status of [400, 403, 404, 410, 413, 422]) {
      server.queue({ status });
      await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_PERMANENT');
    }
    server.queue({ status: 301, headers: { location: 'https://elsewhere.example/hook' } });
    expect((await expectNotifyError(sender.send(notification(), context()), 'NOTIFY_PERMANENT')).message).toMatch(/redirect/);
    expect(server.requests).toHaveLength(7);
  });

  it('gives up retryably when the receiver does not answer within timeoutMs', async () => {
    server.queue('hang');
    const error = await expectNotifyError(notifier({ timeoutMs: 150 }).send(notification(), context()), 'NOTIFY_RETRYABLE');
    expect(error.message).toMatch(/no answer within 150 ms/);
  });

  it('abandons the request retryably when the dispatcher aborts ctx.signal', async () => {
    server.queue('hang');
    const controller = new AbortController();
    const sending = notifier({ timeoutMs: 30_000 }).send(notification(), context({ signal: controller.signal }));
    await server.nextRequest();
    controller.abort(new Error('worker shutting down'));
    expect((await expectNotifyError(sending, 'NOTIFY_RETRYABLE')).message).toMatch(/abandoned/);

    const before = server.requests.length;
    await expectNotifyError(notifier().send(notification(), context({ signal: AbortSignal.abort() })), 'NOTIFY_RETRYABLE');
    expect(server.requests).toHaveLength(before);
  });

  it('treats a refused connection as retryable, without the URL in the message', async () => {
    const closed = await startLoopbackServer(() => ({ status: 200 }));
    const url = `${closed.baseUrl}/hooks/kechuang?token=secret-in-url`;
    await closed.close();
    const error = await expectNotifyError(webhookNotifier({ url, secret }).send(notification(), context()), 'NOTIFY_RETRYABLE');
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).not.toContain('secret-in-url');
  });

  it('names itself webhook, with no rate limit unless given one', () => {
    expect(notifier()).toMatchObject({ id: 'webhook', channel: 'webhook' });
    expect(notifier().rateLimits).toBeUndefined();
    expect(notifier({ id: 'oa', rateLimits: [{ limit: 10, windowMs: 1_000 }] })).toMatchObject({ id: 'oa', rateLimits: [{ limit: 10, windowMs: 1_000 }] });
  });
});
