import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signWebhook } from './sign-webhook.js';

describe('signWebhook', () => {
  it('matches a vector computed independently (Python hmac, OpenSSL)', () => {
    // printf '1767225600.{"id":"n1","text":"您有一条新的企业诉求待签收"}' | openssl dgst -sha256 -hmac whsec_kechuang
    const body = '{"id":"n1","text":"您有一条新的企业诉求待签收"}';
    expect(signWebhook({ secret: 'whsec_kechuang', timestamp: 1767225600, body })).toBe('v1=ea08f274950f903b64567522a53adbec8a34ec916fa34ce604ad518224cbd412');
  });

  it('signs the same bytes whether the body is given as text or as bytes', () => {
    const body = '{"title":"督办"}';
    expect(signWebhook({ secret: 's', timestamp: 1, body: Buffer.from(body, 'utf8') })).toBe(signWebhook({ secret: 's', timestamp: 1, body }));
  });

  it('covers the timestamp, so a replay with a fresh timestamp does not verify', () => {
    const expected = createHmac('sha256', 's').update('100.{}').digest('hex');
    expect(signWebhook({ secret: 's', timestamp: 100, body: '{}' })).toBe(`v1=${expected}`);
    expect(signWebhook({ secret: 's', timestamp: 101, body: '{}' })).not.toBe(`v1=${expected}`);
  });
});
