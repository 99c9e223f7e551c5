import { describe, expect, it } from 'vitest';
import { dingtalkSign } from './dingtalk-sign.js';

describe('dingtalkSign', () => {
  it('matches the documented algorithm on the documentation\'s example secret', () => {
    // DingTalk's Python sample with secret 'this is secret' at timestamp 1577262236757, run
    // outside this project: quote_plus(b64encode(hmac(secret, f'{ts}\n{secret}', sha256)))
    // gives hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D (OpenSSL agrees).
    const sign = dingtalkSign(1577262236757, 'this is secret');
    expect(sign).toBe('hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
    expect(new URLSearchParams({ sign }).toString()).toBe('sign=hmPWwU%2B7lVdm3ZZz0r9tSfx0L4Q26jWOZr9%2BGs6EZQM%3D');
  });
});
