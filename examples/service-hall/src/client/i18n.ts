/**
 * The console's two languages. zh-CN is the default; the choice is kept in localStorage.
 * Each screen keeps its own texts beside it (`defineTexts`), so no file holds every string.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];

const STORAGE_KEY = 'kechuang.hall.locale';

export function initialLocale(): Locale {
  const kept = globalThis.localStorage?.getItem(STORAGE_KEY);
  return kept === 'en' || kept === 'zh-CN' ? kept : 'zh-CN';
}

export function keepLocale(locale: Locale): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
}

export const LocaleContext = createContext<Locale>('zh-CN');

/** The language the console is shown in. */
export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/**
 * A screen's texts in both languages, checked to have the same shape; the hook returns the
 * set for the language in force.
 *
 * @example
 * ```ts
 * const useTexts = defineTexts({ 'zh-CN': { title: '我的待办' }, en: { title: 'My queue' } });
 * const t = useTexts();
 * ```
 */
export function defineTexts<T>(texts: { 'zh-CN': T; en: NoInfer<T> }): () => T {
  return () => texts[useLocale()];
}

/** A name kept in both languages, as the config keeps labels. */
export type Labels = Partial<Record<Locale, string>>;

/** The label in the language in force, falling back to the other, then to `fallback`. */
export function pickLabel(labels: Labels | undefined, locale: Locale, fallback: string): string {
  return labels?.[locale] ?? labels?.['zh-CN'] ?? labels?.en ?? fallback;
}
