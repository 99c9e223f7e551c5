/** The languages `kechuang` speaks. */
export type Lang = 'zh-CN' | 'en';

/** A message table: the same keys in each language. */
export type Messages<T> = Readonly<Record<Lang, T>>;

/** Maps a locale string (`zh_CN.UTF-8`, `zh-TW`, `en_US`, `C`) to a language: `zh…` → zh-CN, anything else → en. */
export function langOf(value: string): Lang {
  return value.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * The language of the messages: `--lang` beats `LC_ALL`, then `LC_MESSAGES`, then `LANG`
 * (the POSIX order); none set means English.
 *
 * @example
 * ```ts
 * resolveLang(undefined, { LANG: 'zh_CN.UTF-8' }); // 'zh-CN'
 * resolveLang('en', { LANG: 'zh_CN.UTF-8' });      // 'en'
 * ```
 */
export function resolveLang(flag: string | undefined, env: Readonly<Record<string, string | undefined>>): Lang {
  if (flag !== undefined && flag !== '') return langOf(flag);
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[name];
    if (value !== undefined && value !== '') return langOf(value);
  }
  return 'en';
}
