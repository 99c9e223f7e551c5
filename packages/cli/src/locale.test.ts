import { describe, expect, it } from 'vitest';
import { resolveLang } from './locale.js';

describe('resolveLang', () => {
  it('takes --lang first, then LC_ALL, LC_MESSAGES and LANG; zh… is Chinese, anything else English', () => {
    expect(resolveLang('en', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLang('zh', {})).toBe('zh-CN');
    expect(resolveLang(undefined, { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, { LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'C' })).toBe('zh-CN');
    expect(resolveLang(undefined, { LANG: 'zh_CN.GBK' })).toBe('zh-CN');
    expect(resolveLang(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(resolveLang(undefined, {})).toBe('en');
    expect(resolveLang(undefined, { LC_ALL: '', LANG: 'zh_CN' })).toBe('zh-CN');
  });
});
