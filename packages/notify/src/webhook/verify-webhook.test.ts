import { isKechuangError } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { notification } from '../__fixtures__/notification.js';
import { signWebhook } from './sign-webhook.js';
import { verifyWebhook, type WebhookRejection } from './verify-webhook.js';
import { webhookPayload } from './webhook-payload.js';

const secret = 'whsec_receiver';
const now = new Date('2026-03-02T01:00:00.000Z');
const timestamp = Math.floor(now.getTime() / 1000);
const body = JSON.stringify(webhookPayload(notification()));

function signed(overrides: { secret?: string; timestamp?: number; body?: string } = {}): Record<string, string> {
  const ts = overrides.timestamp ?? timestamp;
  return {
    'x-kechuang-timestamp': String(ts),
    'x-kechuang-signature': signWebhook({ secret: overrides.secret ?? secret, timestamp: ts, body: overrides.body ?? body }),
  };
}

function rejection(run: () => unknown): WebhookRejection {
  try {
    run();
  } catch (error) {
    if (!isKechuangError(error, 'VALIDATION_FAILED')) throw error;
    const code = error.details.issues?.[0]?.code;
    return code as WebhookRejection;
  }
  throw new Error('expected the delivery to be rejected, but it was accepted');
}

describe('verifyWebhook', () => {
  const verify = verifyWebhook({ secret, now: () => now });

  it('returns the payload of an authentic delivery, from Node headers or fetch Headers, text or bytes', () => {
    const payload = verify(signed(), body);
    expect(payload).toEqual(JSON.parse(body));
    expect(payload.idempotencyKey).toBe('request.assign:req-1:member-7:channel');
    expect(payload.createdAt).toBe('2026-03-02T01:00:00.000Z');
    expect(verify(new Headers(signed()), Buffer.from(body))).toEqual(payload);
    expect(verify({ 'X-Kechuang-Timestamp': String(timestamp), 'X-Kechuang-Signature': signed()['x-kechuang-signature'] }, body)).toEqual(payload);
  });

  it('rejects a tampered body', () => {
    const tampered = body.replace('138****1234', '13800001234');
    expect(rejection(() => verify(signed(), tampered))).toBe('webhook_signature_mismatch');
  });

  it('rejects a delivery signed with another secret', () => {
    expect(rejection(() => verify(signed({ secret: 'whsec_someone_else' }), body))).toBe('webhook_signature_mismatch');
  });

  it('rejects a signature moved onto another timestamp', () => {
    const headers = { ...signed(), 'x-kechuang-timestamp': String(timestamp + 1) };
    expect(rejection(() => verify(headers, body))).toBe('webhook_signature_mismatch');
  });

  it('rejects stale and future timestamps beyond the tolerance, and accepts them within it', () => {
    expect(rejection(() => verify(signed({ timestamp: timestamp - 301 }), body))).toBe('webhook_timestamp_stale');
    expect(rejection(() => verify(signed({ timestamp: timestamp + 301 }), body))).toBe('webhook_timestamp_future');
    expect(verify(signed({ timestamp: timestamp - 300 }), body).id).toBe(notification().id);
    expect(verify(signed({ timestamp: timestamp + 300 }), body).id).toBe(notification().id);
    const lenient = verifyWebhook({ secret, toleranceMs: 3_600_000, now: () => now });
    expect(lenient(signed({ timestamp: timestamp - 3000 }), body).id).toBe(notification().id);
  });

  it('rejects missing or malformed headers', () => {
    const { 'x-kechuang-signature': signature, 'x-kechuang-timestamp': stamp } = signed();
    expect(rejection(() => verify({ 'x-kechuang-timestamp': stamp }, body))).toBe('webhook_signature_missing');
    expect(rejection(() => verify({ 'x-kechuang-signature': signature }, body))).toBe('webhook_timestamp_missing');
    expect(rejection(() => verify({ 'x-kechuang-timestamp': 'yesterday', 'x-kechuang-signature': signature }, body))).toBe('webhook_timestamp_malformed');
    expect(rejection(() => verify({ 'x-kechuang-timestamp': stamp, 'x-kechuang-signature': 'sha256=abc' }, body))).toBe('webhook_signature_missing');
    expect(rejection(() => verify({ 'x-kechuang-timestamp': stamp, 'x-kechuang-signature': 'v1=zz' }, body))).toBe('webhook_signature_missing');
  });

  it('names the offending header in the error', () => {
    try {
      verify(signed({ secret: 'wrong' }), body);
      expect.unreachable();
    } catch (error) {
      expect(isKechuangError(error, 'VALIDATION_FAILED')).toBe(true);
      if (!isKechuangError(error)) return;
      expect(error.details.issues?.[0]?.path).toEqual(['headers', 'x-kechuang-signature']);
      expect(error.message).toMatch(/signature does not match/);
    }
  });

  it('rejects a correctly signed body that is not a notification payload', () => {
    const other = '{"hello":"world"}';
    expect(rejection(() => verify(signed({ body: other }), other))).toBe('webhook_body_malformed');
    expect(rejection(() => verify(signed({ body: 'not json' }), 'not json'))).toBe('webhook_body_malformed');
  });

  it('accepts the old and the new secret while they rotate, and any listed signature', () => {
    const rotating = verifyWebhook({ secret: ['whsec_new', secret], now: () => now });
    expect(rotating(signed(), body).id).toBe(notification().id);
    expect(rotating(signed({ secret: 'whsec_new' }), body).id).toBe(notification().id);
    const both = `${signed({ secret: 'whsec_old' })['x-kechuang-signature']}, ${signed()['x-kechuang-signature']}`;
    expect(verify({ 'x-kechuang-timestamp': String(timestamp), 'x-kechuang-signature': both }, body).id).toBe(notification().id);
  });

  it('refuses to be built without a secret', () => {
    expect(() => verifyWebhook({ secret: '' })).toThrow(TypeError);
    expect(() => verifyWebhook({ secret: [] })).toThrow(TypeError);
  });
});
