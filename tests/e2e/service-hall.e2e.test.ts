/**
 * The service hall end to end, in a real browser against a real first start: a park captain
 * reports on a phone that a company cannot collect its final invoices, the routing sends it to
 * the legal station's lawyer, who signs for it and replies; the station head follows it up and
 * the dashboard left open on another device counts it without a reload. On the way, that
 * dashboard shows the audit chain growing by one entry per command, and the captain's second,
 * near-identical report is merged into the first by the duplicate check. Then every form is
 * given bad input (a fourth identical report among it), and every screen is photographed in
 * both languages at desktop and phone width (`tests/e2e/screenshots/`, git-ignored) for a
 * person to look at.
 *
 * The tests share one hall and run in order: each is one step of the story.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { figuresOf, readFigures, type Figures } from './dashboard-figures.js';
import { DESKTOP, haveChromium, inCi, launchBrowser, openWatchedPage, PHONE, troubleIn, type PageWatch, CHROMIUM } from './hall-browser.js';
import { castOf, currentMonth, memberById, monthlyTotals, requestView, type Cast, type DevMember } from './hall-directory.js';
import { startHall, type RunningHall } from './hall-process.js';
import { badInputSteps } from './bad-input-steps.js';
import { auditEntries, expectAuditCard, secondReportMerged, settledAuditEntries } from './plugin-steps.js';
import { statusBadge, takeAction, waitForStatus } from './request-actions.js';
import { navigateTo, openIntakeChannel, photograph, photographPart, pickEnterprise, pickMember, rawErrorsOn, SCREEN_TIMEOUT, SCREENSHOTS, signIn, waitForScreen, type ScreenName } from './screens.js';

if (!haveChromium && !inCi) {
  console.warn(`\n*** SKIPPING the service hall's end-to-end browser test: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install chromium fonts-noto-cjk) to run it. ***\n`);
}

const TITLE = '40余个项目尾款无法收回';
const DESCRIPTION = '企业承接的40余个软件项目已验收交付，但甲方迟迟不付尾款，合计约35万元，多次催收无果，希望得到法律援助。';
const REPLY_NOTE = '已约谈甲方并出具律师函，甲方承诺两周内分期支付尾款。';
// The same report with a sentence more: 94% alike, enough for the duplicate check to merge it.
const SECOND_DESCRIPTION = `${DESCRIPTION}请尽快协调。`;
// The smallest valid PNG: one transparent pixel, standing in for a photo of the invoice list.
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

describe.skipIf(!haveChromium && !inCi)('the service hall end to end: a captain’s report goes round the closed loop', () => {
  let hall: RunningHall;
  let browser: Browser;
  let cast: Cast;
  let attachment: string;
  /** Pages still open, checked for trouble after each step; `keep` ones outlive their step. */
  const open: { watch: PageWatch; keep: boolean }[] = [];
  const story: { requestId?: string; secondId?: string; lawyer?: DevMember; dashboard?: PageWatch; before?: Figures; chainAtStart?: number } = {};

  const openPage = async (viewport: { width: number; height: number }, keep = false): Promise<PageWatch> => {
    const watch = await openWatchedPage(browser, hall.url, viewport);
    open.push({ watch, keep });
    return watch;
  };
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`an earlier step did not leave ${what}`);
    return value;
  };

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium for the service hall's end-to-end test.`);
    const [started, launched] = await Promise.all([startHall(), launchBrowser()]);
    hall = started;
    browser = launched;
    console.log(`[e2e] service hall first start (demo year load + console build): URL printed after ${(hall.startupMs / 1000).toFixed(1)} s — ${hall.url}`);
    cast = await castOf(hall.url);
    // Pictures of an earlier run's failures would mislead whoever looks at this run's.
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const name of readdirSync(SCREENSHOTS)) if (name.startsWith('failed-')) rmSync(join(SCREENSHOTS, name));
    attachment = join(mkdtempSync(join(tmpdir(), 'hall-e2e-files-')), 'invoice-list.png');
    writeFileSync(attachment, PIXEL_PNG);
  }, 180_000);

  afterEach(async (context) => {
    const trouble: string[] = [];
    for (const entry of [...open]) {
      const { watch } = entry;
      if (context.task.result?.state === 'fail' && !watch.page.isClosed()) {
        await watch.page.screenshot({ path: join(SCREENSHOTS, `failed-${context.task.name.slice(0, 40).replace(/[^\w]+/g, '-')}-${open.indexOf(entry)}.png`), fullPage: true }).catch(() => undefined);
      }
      trouble.push(...troubleIn(watch));
      watch.consoleErrors.length = 0;
      watch.pageErrors.length = 0;
      watch.violations.length = 0;
      watch.foreignRequests.length = 0;
      watch.httpErrors.length = 0;
      if (!entry.keep) {
        await watch.close();
        open.splice(open.indexOf(entry), 1);
      }
    }
    expect(trouble, 'console errors, page errors, content-policy refusals, foreign requests or unexpected error answers').toEqual([]);
  }, 30_000);

  afterAll(async () => {
    for (const { watch } of open) await watch.close().catch(() => undefined);
    await browser?.close();
    await hall?.stop();
    // The server's own complaints (the worker logs its errors) help read a failure of the story.
    const complaints = (hall?.output() ?? '').split('\n').filter((line) => /error|warn|\(!\)/i.test(line));
    if (complaints.length > 0) console.log(`[e2e] the hall logged:\n${complaints.join('\n')}`);
    if (attachment) rmSync(join(attachment, '..'), { recursive: true, force: true });
  }, 30_000);

  it('shows the sign-in screen with the demo’s people', async () => {
    const { page } = await openPage(DESKTOP);
    await page.goto(`${hall.url}/`);
    await page.locator(`button.member-card[data-member="${cast.captain.memberId}"]`).waitFor({ timeout: SCREEN_TIMEOUT });
    expect(await page.locator('button.member-card').count()).toBeGreaterThan(5);
    await photograph(page, 'sign-in', null);
  });

  it('signing in opens each person’s home screen: a captain’s intake, the lawyer’s queue, the station head’s dashboard', async () => {
    const homes: [DevMember, ScreenName][] = [
      [cast.captain, 'intake'],
      [cast.lawyer, 'queue'],
      [cast.stationHead, 'dashboard'],
    ];
    const landed: Record<string, string> = {};
    for (const [member, home] of homes) {
      const { page } = await openPage(DESKTOP);
      await pickMember(page, hall.url, member);
      const shown = await page.locator(`main [data-screen="${home}"]`).waitFor({ timeout: 5_000 }).then(() => true, () => false);
      const hash = await page.evaluate(() => location.hash);
      landed[home] = shown ? hash : `no screen shown at ${hash}`;
    }
    expect(landed).toEqual({ intake: '#/intake', queue: '#/queue', dashboard: '#/dashboard' });
  });

  it('0 · the station head opens this month’s dashboard and keeps it open', async () => {
    const watch = await openPage(DESKTOP, true);
    story.dashboard = watch;
    const { page } = watch;
    await signIn(page, hall.url, cast.stationHead);
    await navigateTo(page, 'dashboard');
    await waitForScreen(page, 'dashboard');
    expect(await page.locator('#dashboard-month').inputValue()).toBe(currentMonth());
    await expect.poll(() => page.locator('[data-testid="live-status"]').getAttribute('data-live'), { timeout: SCREEN_TIMEOUT }).toBe('open');
    story.before = await readFigures(page);
    console.log(`[e2e] dashboard ${currentMonth()} before the story: ${JSON.stringify(story.before)}`);
    expect(story.before).toEqual(figuresOf(await monthlyTotals(hall.url, cast.stationHead, currentMonth())));
    // The demo year was replayed before the plugins were installed, so its commands are not
    // chained; the chain starts with the escalations the worker caught up on at start (the
    // demo's overdue requests), each an entry of its own.
    story.chainAtStart = await settledAuditEntries(hall.url, cast);
    await expectAuditCard(page, story.chainAtStart);
    // Gone if the page reloads: step 4 checks the figures changed in this very document.
    await page.evaluate(() => ((window as unknown as { __e2eSameDocument: boolean }).__e2eSameDocument = true));
  });

  it('1 · a captain reports on a phone that a company cannot collect its final invoices; it goes to the legal station', async () => {
    const { page } = await openPage(PHONE);
    await signIn(page, hall.url, cast.captain);
    await navigateTo(page, 'intake');
    await waitForScreen(page, 'intake');
    await photograph(page, 'intake', 'intake');
    const intake = await openIntakeChannel(page, 'captain_report');
    await pickEnterprise(page, cast.enterprise);
    const park = page.locator('#intake-park');
    if ((await park.count()) > 0 && (await park.evaluate((el) => el instanceof HTMLSelectElement && !el.disabled))) await park.selectOption(cast.parkId);
    await page.locator('#intake-category').selectOption('legal');
    await page.locator('#intake-attr-amount').fill('350000');
    await page.locator('#intake-title').fill(TITLE);
    await page.locator('#intake-description').fill(DESCRIPTION);
    await page.locator('#intake-attachments').setInputFiles(attachment);
    // The file uploads as soon as it is picked; the form lists it once the server has it.
    await intake.locator('[data-attachment-status="done"]', { hasText: 'invoice-list.png' }).waitFor({ timeout: SCREEN_TIMEOUT });
    await page.locator('[data-testid="intake-submit"]').click();

    const result = page.locator('[data-testid="intake-result"]');
    await result.waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => result.locator('[data-testid="routing-explanation"]').first().innerText()).toMatch(/legal_debts|公共法律服务驿站/);
    const link = result.locator('a[data-testid="open-request"]').first();
    const id = /#\/requests\/([^/?#]+)/.exec((await link.getAttribute('href')) ?? '')?.[1];
    expect(id, 'the result links to the new request').toBeTruthy();
    story.requestId = id;

    // Cross-check what the screen said with the API: routed by legal_debts to a lawyer, with the photo.
    const { request } = await requestView(hall.url, cast.stationHead, need(id, 'a request id'));
    expect(request).toMatchObject({ status: 'assigned', routing: { ruleId: 'legal_debts' } });
    expect(request.attachments).toHaveLength(1);
    story.lawyer = await memberById(hall.url, need(request.assigneeId ?? undefined, 'an assignee'));
    expect(story.lawyer.memberId, 'the lead is the legal station’s lawyer').toBe(cast.lawyer.memberId);
    await photograph(page, 'intake-result', 'intake');

    await link.click();
    const detail = await waitForScreen(page, 'request');
    await expect.poll(() => detail.locator('[data-testid="routing-explanation"]').first().innerText()).toMatch(/legal_debts|公共法律服务驿站/);
    expect(await rawErrorsOn(page)).toEqual([]);
  });

  it('1a · the dashboard that stayed open shows the audit chain intact, with the report as its first command', async () => {
    const { page } = need(story.dashboard, 'the open dashboard');
    const atStart = need(story.chainAtStart, 'the chain at start');
    await expectAuditCard(page, atStart + 1);
    expect(await auditEntries(hall.url, cast), 'the card and the API agree').toBe(atStart + 1);
    await photographPart(page, 'audit-chain', '[data-testid="audit-chain"]', 'dashboard');
  });

  it('1b · the captain reports the same problem again; the duplicate check merges it into the first and says why', async () => {
    const firstId = need(story.requestId, 'a request id');
    story.secondId = await secondReportMerged({ url: hall.url, cast, firstId, title: TITLE, description: SECOND_DESCRIPTION, openPage });
    // Two more entries: the second report's submission and the merge the check made as the system.
    await expectAuditCard(need(story.dashboard, 'the open dashboard').page, need(story.chainAtStart, 'the chain at start') + 3);
  });

  it('2 · the lawyer finds it in My queue, signs for it and replies that it is solved', async () => {
    const id = need(story.requestId, 'a request id');
    const { page } = await openPage(DESKTOP);
    await signIn(page, hall.url, need(story.lawyer, 'the lawyer'));
    await navigateTo(page, 'queue');
    const queue = await waitForScreen(page, 'queue');
    const row = queue.locator(`[data-request-id="${id}"]`).first();
    await row.waitFor({ timeout: SCREEN_TIMEOUT });
    await row.locator('[data-light]').first().waitFor();
    await photograph(page, 'queue', 'queue');

    await row.locator(`a[href*="${id}"]`).first().click();
    await waitForScreen(page, 'request');
    await takeAction(page, 'accept', 'accepted');
    await takeAction(page, 'reply', 'replied', async () => {
      await page.locator('#action-outcome').selectOption('solved');
      await page.locator('#action-note').fill(REPLY_NOTE);
    });
    expect(await statusBadge(page).innerText()).toContain('待回访');
    expect((await requestView(hall.url, cast.stationHead, id)).request.status).toBe('replied');
  });

  it('3 · the station head follows it up as satisfied; it is closed and the timeline shows every step', async () => {
    const id = need(story.requestId, 'a request id');
    const { page } = await openPage(DESKTOP);
    await signIn(page, hall.url, cast.stationHead);
    // The head opens the request from its link, as from a notification.
    await page.goto(`${hall.url}/#/requests/${id}`);
    const detail = await waitForScreen(page, 'request');
    await takeAction(page, 'follow_up', 'closed', async () => {
      await page.locator('#action-rating').selectOption('satisfied');
    });
    await waitForStatus(page, 'closed');
    expect(await statusBadge(page).innerText()).toContain('已办结');

    const timeline = detail.locator('[data-testid="timeline"]');
    const types = await timeline.locator('li[data-entry-type]').evaluateAll((items) => items.map((li) => li.getAttribute('data-entry-type')));
    const { timeline: recorded } = await requestView(hall.url, cast.stationHead, id);
    for (const type of ['submitted', 'routed', 'assigned', 'accepted', 'replied', 'followed_up']) expect(types, `the timeline shows ${type}`).toContain(type);
    expect(types.length, 'one item per recorded entry').toBe(recorded.length);
    await detail.locator('[data-testid="sla-history"]').first().waitFor();
    expect(await rawErrorsOn(page)).toEqual([]);
    await photograph(page, 'request', 'request');
  });

  it('4 · the dashboard that stayed open counts it without a reload; February 2026 and the printable report', async () => {
    const { page, context } = need(story.dashboard, 'the open dashboard');
    const before = need(story.before, 'the figures before');
    const plus = (n: number | null, more: number): number => (n ?? 0) + more;
    // Both reports were collected; the merged one is not counted as concluded.
    await expect
      .poll(async () => {
        const now = await readFigures(page);
        return { collected: now.collected, resolved: now.resolved, concluded: now.concluded };
      }, { timeout: 30_000, interval: 500 })
      .toEqual({ collected: plus(before.collected, 2), resolved: plus(before.resolved, 1), concluded: plus(before.concluded, 1) });
    expect(await page.evaluate(() => (window as unknown as { __e2eSameDocument?: boolean }).__e2eSameDocument), 'the figures changed without a reload').toBe(true);

    // The rates on screen are the report's for the month, now that the request counts.
    // (Overdue is left out: a deadline of the demo's open backlog may pass between the two reads.)
    const { overdue: _shown, ...after } = await readFigures(page);
    const { overdue: _computed, ...expected } = figuresOf(await monthlyTotals(hall.url, cast.stationHead, currentMonth()));
    expect(after).toEqual(expected);
    // Signed for on time, solved and rated satisfied: with no other conclusion this month the rates are full.
    if (before.concluded === 0 || before.concluded === null) expect({ resolution: after.resolution, satisfaction: after.satisfaction }).toEqual({ resolution: 100, satisfaction: 100 });
    console.log(`[e2e] dashboard ${currentMonth()} after the story: ${JSON.stringify(after)}`);

    await page.locator('#dashboard-month').selectOption('2026-02');
    const february = figuresOf(await monthlyTotals(hall.url, cast.stationHead, '2026-02'));
    await expect.poll(() => readFigures(page), { timeout: SCREEN_TIMEOUT, interval: 500 }).toEqual(february);
    expect(page.url()).toContain('month=2026-02');
    // One entry per command of the story so far, counted live on this same page.
    await expectAuditCard(page, await auditEntries(hall.url, cast));
    for (const chart of ['by-month', 'overdue-by-unit', 'rates-by-unit']) await page.locator(`[data-chart="${chart}"] svg`).first().waitFor();

    const report = page.locator('a[data-testid="monthly-report"]').first();
    const href = new URL((await report.getAttribute('href')) ?? '', page.url()).toString();
    expect(href).toContain('month=2026-02');
    const response = await context.request.get(href);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/html');
    expect(await response.text()).toContain('<svg');
    await photograph(page, 'dashboard', 'dashboard');
  });

  it('5 · bad input in every form shows the server’s message beside the field, never a raw body', async () => {
    await badInputSteps({ url: hall.url, cast, lawyer: need(story.lawyer, 'the lawyer'), openPage });
  });

  it('6 · the enterprise search and profile, and the rules page, in both languages', async () => {
    const id = need(story.requestId, 'a request id');
    const { page } = await openPage(DESKTOP);
    await signIn(page, hall.url, cast.stationHead);
    await navigateTo(page, 'enterprises');
    const search = await waitForScreen(page, 'enterprises');
    await page.locator('#enterprise-search').fill(cast.enterprise.name);
    const hit = search.locator(`a[data-enterprise-id="${cast.enterprise.id}"]`).first();
    await hit.waitFor({ timeout: SCREEN_TIMEOUT });
    await photograph(page, 'enterprises', 'enterprises');
    await hit.click();
    const profile = await waitForScreen(page, 'enterprise');
    await profile.locator('[data-testid="lifecycle"]').first().waitFor();
    await profile.locator(`[data-request-id="${id}"]`).first().waitFor({ timeout: SCREEN_TIMEOUT });
    await photograph(page, 'enterprise', 'enterprise');

    // The rules page explains where a pasted complaint would go, without filing it.
    await navigateTo(page, 'rules');
    const rules = await waitForScreen(page, 'rules');
    await page.locator('#rules-text').fill(`企业有40余个项目尾款无法收回\n${DESCRIPTION}`);
    await page.locator('#rules-category').selectOption('legal');
    await rules.locator('[data-testid="rules-explain"]').click();
    await rules.locator('[data-testid="routing-decision"][data-rule="legal_debts"]').waitFor({ timeout: SCREEN_TIMEOUT });
    await expect.poll(() => rules.locator('[data-testid="routing-explanation"]').first().innerText()).toContain('legal_debts');
    await photograph(page, 'rules', 'rules');
    expect(await rawErrorsOn(page)).toEqual([]);
  });
});
