/**
 * Bad input in every form of the hall. The client must let the input reach the server and show
 * the server's own message beside the field it names, with nothing raw on the page: no JSON
 * body, no problem document, no stack. A report repeated a fourth time with nothing new is
 * refused by the duplicate check, and the refusal reads in plain Chinese beside the form.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { PageWatch } from './hall-browser.js';
import { DESKTOP, PHONE, refusalsExpected } from './hall-browser.js';
import { fillCaptainReport, sendCaptainReport, type CaptainReport } from './captain-report.js';
import type { Cast, DevMember } from './hall-directory.js';
import { requestView } from './hall-directory.js';
import { confirmButton, pressAction, requestScreen, takeAction } from './request-actions.js';
import { navigateTo, openIntakeChannel, photographPart, pickEnterprise, rawErrorsOn, SCREEN_TIMEOUT, signIn, snapshot, waitForScreen } from './screens.js';

export interface BadInputWorld {
  url: string;
  cast: Cast;
  lawyer: DevMember;
  openPage(viewport: { width: number; height: number }): Promise<PageWatch>;
}

/** A page for a step that sends bad input on purpose: the server's refusals are expected. */
async function openRefusedPage(world: BadInputWorld, viewport: { width: number; height: number }): Promise<PageWatch> {
  const watch = await world.openPage(viewport);
  watch.expected = refusalsExpected;
  return watch;
}

/** Waits for the server's message beside `path` and checks that the page shows nothing raw. */
async function expectFieldError(page: Page, path: string, picture: string): Promise<string> {
  const error = page.locator(`[data-error-for="${path}"]`).first();
  await error.waitFor({ timeout: SCREEN_TIMEOUT });
  const message = (await error.innerText()).trim();
  expect(message, `the message beside ${path}`).not.toBe('');
  expect(await rawErrorsOn(page), `raw text on the page after bad input at ${path}`).toEqual([]);
  await snapshot(page, `bad-input-${picture}`);
  return message;
}

/** The report the captain corrects below, and then sends again and again. */
const SECOND_CASE: CaptainReport = { title: '合同纠纷：客户拖欠服务费', amount: '300,000' };

export async function badInputSteps(world: BadInputWorld): Promise<void> {
  const requestId = await intakeWithoutTitle(world);
  await visitRowWithoutTitle(world);
  await lawyerForms(world, requestId);
  await rulesWithoutText(world);
  await repeatRefused(world, requestId);
}

/** The captain sends a report with no title, reads the message, adds one and sends it again. */
async function intakeWithoutTitle(world: BadInputWorld): Promise<string> {
  const { url, cast } = world;
  const { page } = await openRefusedPage(world, PHONE);
  await signIn(page, url, cast.captain);
  await openIntakeChannel(page, 'captain_report');
  await pickEnterprise(page, cast.enterprise);
  await page.locator('#intake-category').selectOption('legal');
  await page.locator('[data-testid="intake-submit"]').click();
  await expectFieldError(page, 'title', 'intake-title-zh-CN-phone');

  // A word where the amount goes: the server checks attributes against the category and names `attributes.amount`.
  await page.locator('#intake-title').fill(SECOND_CASE.title);
  await page.locator('#intake-attr-amount').fill('三十万');
  await page.locator('[data-testid="intake-submit"]').click();
  await expectFieldError(page, 'attributes.amount', 'intake-amount-zh-CN-phone');

  // Corrected, the same fill goes through: a second case for the lawyer's forms below.
  await page.locator('#intake-attr-amount').fill(SECOND_CASE.amount);
  await page.locator('[data-testid="intake-submit"]').click();
  const link = page.locator('[data-testid="intake-result"] a[data-testid="open-request"]').first();
  await link.waitFor({ timeout: SCREEN_TIMEOUT });
  const id = /#\/requests\/([^/?#]+)/.exec((await link.getAttribute('href')) ?? '')?.[1];
  if (!id) throw new Error('the corrected report links to no request');
  return id;
}

/** A commissioner records a visit whose first request row has no title. */
async function visitRowWithoutTitle(world: BadInputWorld): Promise<void> {
  const { url, cast } = world;
  const { page } = await openRefusedPage(world, DESKTOP);
  await signIn(page, url, cast.commissioner);
  await openIntakeChannel(page, 'visit');
  await pickEnterprise(page, cast.enterprise);
  const category = page.locator('#intake-row-0-category');
  if ((await category.count()) > 0) await category.selectOption('policy');
  await page.locator('[data-testid="intake-submit"]').click();
  await expectFieldError(page, 'requests.0.title', 'visit-row-title-zh-CN-desktop');
}

/** The lawyer returns the second case without a reason, then asks for 0 working days more. */
async function lawyerForms(world: BadInputWorld, requestId: string): Promise<void> {
  const { url, cast, lawyer } = world;
  const assignee = (await requestView(url, cast.stationHead, requestId)).request.assigneeId;
  expect(assignee, 'the second legal case goes to the same lawyer').toBe(lawyer.memberId);
  const { page } = await openRefusedPage(world, DESKTOP);
  await signIn(page, url, lawyer);
  await page.goto(`${url}/#/requests/${requestId}`);
  await waitForScreen(page, 'request');

  await pressAction(page, 'return');
  await confirmButton(page).click();
  await expectFieldError(page, 'reason', 'return-reason-zh-CN-desktop');
  expect((await requestView(url, cast.stationHead, requestId)).request.status, 'a refused return changes nothing').toBe('assigned');

  // Thought better of it: cancel the return and sign for the case instead.
  await requestScreen(page).locator('[data-testid="action-form"]').getByRole('button', { name: /取消|Cancel/ }).click();
  await requestScreen(page).locator('[data-testid="action-form"]').waitFor({ state: 'detached' });
  await takeAction(page, 'accept', 'accepted');
  await pressAction(page, 'request_extension');
  await page.locator('#action-working-days').fill('0');
  await page.locator('#action-reason').fill('需等待法院排期');
  await confirmButton(page).click();
  await expectFieldError(page, 'workingDays', 'extension-days-zh-CN-desktop');
  await requestScreen(page).locator('[data-testid="request-status"][data-status="accepted"]').first().waitFor();
}

/** The station head asks the rules page to explain an empty request. */
async function rulesWithoutText(world: BadInputWorld): Promise<void> {
  const { url, cast } = world;
  const { page } = await openRefusedPage(world, DESKTOP);
  await signIn(page, url, cast.stationHead);
  await navigateTo(page, 'rules');
  const rules = await waitForScreen(page, 'rules');
  await page.locator('#rules-category').selectOption('legal');
  await rules.locator('[data-testid="rules-explain"]').click();
  // The text becomes the request's title, so the server names `title`.
  await expectFieldError(page, 'title', 'rules-text-zh-CN-desktop');
}

/**
 * The captain sends the second case twice more, word for word (the duplicate check merges both
 * into it), and a fourth time: that one is refused (409) and nothing is written. The refusal
 * says in Chinese how often it was sent and what to do, and links the case to follow up.
 */
async function repeatRefused(world: BadInputWorld, caseId: string): Promise<void> {
  const { url, cast } = world;
  const watch = await world.openPage(PHONE);
  watch.expected = (answer) => refusalsExpected(answer) || answer === '409 POST /api/requests';
  const { page } = watch;
  await signIn(page, url, cast.captain);
  for (const round of [2, 3]) {
    await fillCaptainReport(page, cast, SECOND_CASE);
    const id = await sendCaptainReport(page);
    expect((await requestView(url, cast.stationHead, id)).request, `repeat ${round} is merged into the case`).toMatchObject({ status: 'merged', duplicateOfId: caseId });
    await page.locator('[data-testid="intake-another"]').click();
  }
  await fillCaptainReport(page, cast, SECOND_CASE);
  await page.locator('[data-testid="intake-submit"]').click();
  const refusal = page.locator('[data-testid="repeat-refused"]').first();
  await refusal.waitFor({ timeout: SCREEN_TIMEOUT });
  expect(await refusal.innerText()).toMatch(/不予重复受理[\s\S]*该企业近 30 天内已以相同内容提交过 3 次/);
  expect(await refusal.locator('a[data-testid="repeat-follow-up"]').getAttribute('href')).toBe(`#/requests/${caseId}`);
  expect(await page.locator('[data-testid="intake-result"]').count(), 'nothing was filed').toBe(0);
  expect(await page.locator('#intake-title').inputValue(), 'the form keeps what was typed').toBe(SECOND_CASE.title);
  expect(await rawErrorsOn(page)).toEqual([]);
  await photographPart(page, 'repeat-refused', '[data-testid="repeat-refused"]', 'intake');
}
