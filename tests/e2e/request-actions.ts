/**
 * Taking an action on the request screen as a person does: press the action's button, fill
 * its inline form if it has one, confirm, and wait for the status the workflow leads to.
 */
import type { Locator, Page } from 'playwright-core';
import { SCREEN_TIMEOUT } from './screens.js';

export function requestScreen(page: Page): Locator {
  return page.locator('[data-screen="request"]');
}

export function statusBadge(page: Page): Locator {
  return requestScreen(page).locator('[data-testid="request-status"]').first();
}

export async function statusOf(page: Page): Promise<string | null> {
  return statusBadge(page).getAttribute('data-status', { timeout: SCREEN_TIMEOUT });
}

export async function waitForStatus(page: Page, status: string): Promise<void> {
  await requestScreen(page).locator(`[data-testid="request-status"][data-status="${status}"]`).first().waitFor({ timeout: SCREEN_TIMEOUT });
}

/** Opens an action's form (or takes a one-click action) by its button. */
export async function pressAction(page: Page, action: string): Promise<void> {
  await requestScreen(page).locator(`button[data-action="${action}"]`).first().click({ timeout: SCREEN_TIMEOUT });
}

export function confirmButton(page: Page): Locator {
  return requestScreen(page).locator('[data-testid="action-submit"]').first();
}

/**
 * Takes an action through to its new status. `fill` completes the form; one-click actions
 * (sign for, start) may have no form, in which case the status changes straight away.
 */
export async function takeAction(page: Page, action: string, to: string, fill?: (page: Page) => Promise<void>): Promise<void> {
  await pressAction(page, action);
  const done = requestScreen(page).locator(`[data-testid="request-status"][data-status="${to}"]`).first();
  const confirm = confirmButton(page);
  await done.or(confirm).first().waitFor({ timeout: SCREEN_TIMEOUT });
  if (await confirm.isVisible()) {
    await fill?.(page);
    await confirm.click();
  }
  await done.waitFor({ timeout: SCREEN_TIMEOUT });
}
