/**
 * A park captain's report filled in on the intake screen as a person does: the captain-report
 * tab, the enterprise picked from the search, 法律服务 with its amount, a title and a
 * description. The story files several reports for the same enterprise this way.
 */
import type { Page } from 'playwright-core';
import type { Cast } from './hall-directory.js';
import { openIntakeChannel, pickEnterprise, SCREEN_TIMEOUT } from './screens.js';

export interface CaptainReport {
  title: string;
  description?: string;
  /** The amount as typed, e.g. `350000` or `300,000`. */
  amount: string;
}

/** Opens the intake's captain-report tab and fills a report for the cast's enterprise, without sending it. */
export async function fillCaptainReport(page: Page, cast: Cast, report: CaptainReport): Promise<void> {
  await openIntakeChannel(page, 'captain_report');
  await pickEnterprise(page, cast.enterprise);
  await page.locator('#intake-category').selectOption('legal');
  await page.locator('#intake-attr-amount').fill(report.amount);
  await page.locator('#intake-title').fill(report.title);
  if (report.description !== undefined) await page.locator('#intake-description').fill(report.description);
}

/** Sends the filled report and returns the id of the request the result links to. */
export async function sendCaptainReport(page: Page): Promise<string> {
  await page.locator('[data-testid="intake-submit"]').click();
  const link = page.locator('[data-testid="intake-result"] a[data-testid="open-request"]').first();
  await link.waitFor({ timeout: SCREEN_TIMEOUT });
  const id = /#\/requests\/([^/?#]+)/.exec((await link.getAttribute('href')) ?? '')?.[1];
  if (!id) throw new Error('the intake result links to no request');
  return id;
}
