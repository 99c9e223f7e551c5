/**
 * Steps every part of the story takes on a page: sign in as someone, switch the language,
 * wait for a screen by the selectors contract, photograph it, and check that a failure reads as
 * words rather than a raw body or a stack.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DESKTOP, PHONE } from './hall-browser.js';

export type Locale = 'zh-CN' | 'en';
export type ScreenName = 'sign-in' | 'intake' | 'queue' | 'request' | 'enterprises' | 'enterprise' | 'rules' | 'dashboard';

export const SCREENSHOTS = resolve(import.meta.dirname, 'screenshots');

/** Screens load the demo's directory and reports; a loaded 2-core machine needs some slack. */
export const SCREEN_TIMEOUT = 20_000;

/** The root of a screen once its data has loaded. */
export function screen(page: Page, name: ScreenName): Locator {
  return page.locator(`[data-screen="${name}"][data-ready="true"]`);
}

export async function waitForScreen(page: Page, name: ScreenName): Promise<Locator> {
  const root = screen(page, name);
  await root.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
  return root;
}

/** Opens the hall and picks the member on the sign-in screen, as a person does. */
export async function pickMember(page: Page, url: string, member: { memberId: string; name: string }): Promise<void> {
  await page.goto(`${url}/`);
  await page.locator('[data-screen="sign-in"]').waitFor({ timeout: SCREEN_TIMEOUT });
  const card = page.locator(`button.member-card[data-member="${member.memberId}"]`);
  await page.locator('button.member-card').first().waitFor({ timeout: SCREEN_TIMEOUT });
  // The long list of park captains is folded: someone not shown is found by name.
  if ((await card.count()) === 0) await page.locator('.sign-in__search').fill(member.name);
  await card.click({ timeout: SCREEN_TIMEOUT });
  await page.locator('[data-testid="signed-in-as"]').waitFor({ timeout: SCREEN_TIMEOUT });
}

/** Signs in and waits for the member's home screen. */
export async function signIn(page: Page, url: string, member: { memberId: string; name: string }): Promise<void> {
  await pickMember(page, url, member);
  await page.locator('main [data-screen]').first().waitFor({ timeout: SCREEN_TIMEOUT });
}

/** The language in force, as the shell marks it on `<html lang>`. */
export async function localeOf(page: Page): Promise<Locale> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** Switches the language with the header's toggle, if it is not the one wanted already. */
export async function useLocale(page: Page, locale: Locale): Promise<void> {
  if ((await localeOf(page)) === locale) return;
  await page.locator('[data-testid="language-toggle"]').click();
  await page.waitForFunction((want) => document.documentElement.lang === want, locale);
  const stored = await page.evaluate(() => localStorage.getItem('kechuang.hall.locale'));
  if (stored !== locale) throw new Error(`the language toggle kept ${stored} instead of ${locale}`);
}

/** Goes to a screen through the navigation bar. */
export async function navigateTo(page: Page, nav: 'intake' | 'queue' | 'enterprises' | 'rules' | 'dashboard'): Promise<void> {
  await page.locator(`[data-nav="${nav}"]`).click();
}

/**
 * Opens the intake on `channel`'s tab and waits until that tab's form is the one shown. A tab is
 * a hash change, rendered a moment later: typing before then fills the form being replaced.
 */
export async function openIntakeChannel(page: Page, channel: 'phone' | 'walk_in' | 'visit' | 'captain_report'): Promise<Locator> {
  await navigateTo(page, 'intake');
  const intake = await waitForScreen(page, 'intake');
  await intake.locator(`[role="tab"][data-channel="${channel}"]`).click();
  const shown = page.locator(`[data-screen="intake"][data-ready="true"][data-channel="${channel}"]`);
  await shown.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
  return shown;
}

/** Types the enterprise's name into the intake's picker and picks it from the suggestions. */
export async function pickEnterprise(page: Page, enterprise: { id: string; name: string }): Promise<void> {
  await page.locator('#intake-enterprise').fill(enterprise.name);
  await page.locator(`[data-enterprise-id="${enterprise.id}"]`).first().click({ timeout: SCREEN_TIMEOUT });
  await page.locator('[data-testid="intake-enterprise-chosen"]').waitFor({ timeout: SCREEN_TIMEOUT });
}

/**
 * Photographs the screen in front of the page in both languages at desktop and phone width,
 * full page: `screenshots/<name>-<locale>-<desktop|phone>.png`. The page is left in the
 * language and size it had.
 */
export async function photograph(page: Page, name: string, root: ScreenName | null): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const startLocale = await localeOf(page);
  const startSize = page.viewportSize() ?? DESKTOP;
  const locales: Locale[] = startLocale === 'en' ? ['en', 'zh-CN'] : ['zh-CN', 'en'];
  for (const locale of locales) {
    await useLocale(page, locale);
    for (const [device, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await page.setViewportSize(size);
      if (root) await settled(page, root);
      // A full-page picture of a scrolled page draws the sticky header where the scroll left it.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(SCREENSHOTS, `${name}-${locale}-${device}.png`), fullPage: true });
    }
  }
  await useLocale(page, startLocale);
  await page.setViewportSize(startSize);
  if (root) await settled(page, root);
}

/**
 * Photographs one part of the screen (a panel, a note) in both languages at desktop and
 * phone width: `screenshots/<name>-<locale>-<desktop|phone>.png`. The part is taken once it
 * has finished loading (no `aria-busy="true"` left on it); the page is left as it was.
 */
export async function photographPart(page: Page, name: string, selector: string, root: ScreenName): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const startLocale = await localeOf(page);
  const startSize = page.viewportSize() ?? DESKTOP;
  const part = page.locator(selector).first();
  for (const locale of startLocale === 'en' ? (['en', 'zh-CN'] as const) : (['zh-CN', 'en'] as const)) {
    await useLocale(page, locale);
    for (const [device, size] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
      await page.setViewportSize(size);
      await settled(page, root);
      await part.waitFor({ state: 'visible', timeout: SCREEN_TIMEOUT });
      await page.locator(`${selector}[aria-busy="true"]`).waitFor({ state: 'detached', timeout: SCREEN_TIMEOUT });
      await part.screenshot({ path: join(SCREENSHOTS, `${name}-${locale}-${device}.png`) });
    }
  }
  await useLocale(page, startLocale);
  await page.setViewportSize(startSize);
  await settled(page, root);
}

/** One full-page picture of the page as it is now: `screenshots/<name>.png`. */
export async function snapshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** The screen is ready and not reloading (a language switch may refetch texts from the server). */
async function settled(page: Page, root: ScreenName): Promise<void> {
  await waitForScreen(page, root);
  await page.locator(`[data-screen="${root}"][data-loading="true"]`).waitFor({ state: 'detached', timeout: SCREEN_TIMEOUT });
  // Fonts and layout settle after a resize before the picture is taken.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))));
}

/** Raw bodies and stacks that must never reach the screen, whatever went wrong. */
export async function rawErrorsOn(page: Page): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const found: string[] = [];
  for (const [what, pattern] of [
    ['a JSON body', /\{"/],
    ['a problem document', /"type":/],
    ['a stack line', /^\s*at \S.*[\w/.-]+:\d+:\d+\)?\s*$/m],
    ['an Error: prefix', /\bError:/],
  ] as const) {
    const match = pattern.exec(text);
    if (match) found.push(`${what}: …${text.slice(Math.max(0, match.index - 40), match.index + 80)}…`);
  }
  return found;
}
