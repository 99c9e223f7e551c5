/**
 * The plugins' part of the story, as people meet them in the hall: the audit chain on the
 * station head's dashboard, and the duplicate check, which merges a second report of the same
 * problem into the first and says why on both the intake result and the request page.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { fillCaptainReport, sendCaptainReport } from './captain-report.js';
import { auditChainOf, requestView, type Cast } from './hall-directory.js';
import { photographPart, rawErrorsOn, SCREEN_TIMEOUT, signIn, waitForScreen } from './screens.js';
import type { PageWatch } from './hall-browser.js';
import { PHONE } from './hall-browser.js';

/** What the dashboard's audit-chain card says: `intact`, `broken` or `checking`, and its entry count when intact. */
export async function auditCard(page: Page): Promise<{ state: string | null; entries: number | null }> {
  const card = page.locator('[data-testid="audit-chain"]').first();
  const entries = await card.getAttribute('data-entries', { timeout: SCREEN_TIMEOUT });
  return { state: await card.getAttribute('data-state'), entries: entries === null ? null : Number(entries) };
}

/** Waits until the card shows the chain intact with `entries` entries (it reloads with the dashboard's live updates). */
export async function expectAuditCard(page: Page, entries: number): Promise<void> {
  await expect.poll(() => auditCard(page), { timeout: 30_000, interval: 500 }).toEqual({ state: 'intact', entries });
}

export interface SecondReportWorld {
  url: string;
  cast: Cast;
  /** The first report's request. */
  firstId: string;
  title: string;
  description: string;
  openPage(viewport: { width: number; height: number }): Promise<PageWatch>;
}

/**
 * The captain reports the same problem again with a sentence more. The duplicate check finds
 * it 94% alike the first, still open, and merges it there: the intake result says so, and the
 * new request's page shows the panel with the first request, its score, the shared text and
 * the reason recorded. Returns the second request's id.
 */
export async function secondReportMerged(world: SecondReportWorld): Promise<string> {
  const { url, cast, firstId } = world;
  const { page } = await world.openPage(PHONE);
  await signIn(page, url, cast.captain);
  await fillCaptainReport(page, cast, { title: world.title, description: world.description, amount: '350000' });
  const secondId = await sendCaptainReport(page);
  expect(secondId).not.toBe(firstId);

  const note = page.locator('[data-testid="intake-duplicate"]').first();
  await note.waitFor({ timeout: SCREEN_TIMEOUT });
  expect(await note.getAttribute('data-decision')).toBe('merged');
  expect(await note.locator('a[data-testid="intake-duplicate-link"]').getAttribute('href')).toBe(`#/requests/${firstId}`);
  expect(await note.innerText()).toMatch(/已自动合并/);
  await photographPart(page, 'intake-duplicate', '[data-testid="intake-duplicate"]', 'intake');

  // What the note said is what the server did: merged into the first, as the check decided.
  const { request } = await requestView(url, cast.stationHead, secondId);
  expect(request).toMatchObject({ status: 'merged', duplicateOfId: firstId, duplicatesAction: 'merge' });

  await page.locator('[data-testid="intake-result"] a[data-testid="open-request"]').first().click();
  const detail = await waitForScreen(page, 'request');
  const panel = detail.locator('[data-testid="duplicates-panel"]').first();
  await panel.waitFor({ timeout: SCREEN_TIMEOUT });
  expect(await panel.getAttribute('data-decision')).toBe('merged');
  const item = panel.locator(`[data-duplicate-id="${firstId}"]`).first();
  expect(Number(await item.getAttribute('data-score'))).toBeGreaterThanOrEqual(0.9);
  expect(await item.locator('[data-testid="duplicate-score"]').innerText()).toMatch(/^相似度 (9\d|100)%$/);
  expect(await item.locator(`a[href="#/requests/${firstId}"]`).innerText()).toBe(world.title);
  expect(await item.innerText(), 'the text both requests share').toContain('重合内容');
  expect(await panel.locator('[data-testid="duplicates-merged"]').innerText(), 'the reason the check recorded').toContain('经查重');
  expect(await rawErrorsOn(page)).toEqual([]);
  await photographPart(page, 'duplicates-panel', '[data-testid="duplicates-panel"]', 'request');
  return secondId;
}

/** The chain as the API verifies it, for comparing with the card. */
export async function auditEntries(url: string, cast: Cast): Promise<number> {
  const answer = await auditChainOf(url, cast.stationHead);
  if (!answer.ok) throw new Error(`the audit chain is broken: ${answer.problem.message}`);
  return answer.entries;
}

/**
 * The chain's length once the hall's worker has caught up: it escalates the demo's overdue
 * requests at start, one entry each, so the count is read until it stops moving.
 */
export async function settledAuditEntries(url: string, cast: Cast): Promise<number> {
  let last = await auditEntries(url, cast);
  for (let i = 0; i < 30; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await auditEntries(url, cast);
    if (now === last) return now;
    last = now;
  }
  throw new Error(`the audit chain was still growing after 30 s (${last} entries): is the worker firing in a loop?`);
}
