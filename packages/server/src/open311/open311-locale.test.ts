import { describe, expect, it } from 'vitest';
import { localeOf } from './open311-locale.js';

describe('localeOf', () => {
  it('takes the locale parameter first', () => {
    expect(localeOf('en', 'zh-CN')).toBe('en');
    expect(localeOf('en-US', undefined)).toBe('en');
    expect(localeOf('zh', 'en')).toBe('zh-CN');
  });

  it("otherwise follows the client's most preferred language it can serve", () => {
    expect(localeOf(undefined, 'en-GB,en;q=0.9')).toBe('en');
    expect(localeOf(undefined, 'fr-FR,zh-CN;q=0.8,en;q=0.5')).toBe('zh-CN');
    expect(localeOf(undefined, 'zh;q=0.4, en;q=0.7')).toBe('en');
    expect(localeOf(undefined, 'en;q=0, zh')).toBe('zh-CN');
  });

  it('falls back to zh-CN, the language offices write in', () => {
    expect(localeOf(undefined, undefined)).toBe('zh-CN');
    expect(localeOf(undefined, 'fr, de')).toBe('zh-CN');
  });
});
