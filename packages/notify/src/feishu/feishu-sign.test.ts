import { describe, expect, it } from 'vitest';
import { feishuSign } from './feishu-sign.js';

describe('feishuSign', () => {
  it('matches the documented algorithm at the documentation\'s example timestamp', () => {
    // Feishu's guide signs at timestamp 1599360473; with secret 'this is secret', computed
    // outside this project (Python hmac and OpenSSL, key = f'{ts}\n{secret}', empty message).
    expect(feishuSign(1599360473, 'this is secret')).toBe('/eYKrXQBzTjUZJ3s6NX16VxGbTwmK7AEs8/FnvC1CSw=');
  });

  it('keys the HMAC with timestamp and secret rather than signing them (DingTalk\'s way)', () => {
    expect(feishuSign(1599360473, 'this is secret')).not.toBe('hmPWwU+7lVdm3ZZz0r9tSfx0L4Q26jWOZr9+Gs6EZQM=');
    expect(feishuSign(1599360474, 'this is secret')).not.toBe(feishuSign(1599360473, 'this is secret'));
  });
});
