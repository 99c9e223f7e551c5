// The watchers run inside the page, where the DOM's globals exist.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Debian's Chromium driven by playwright-core (no browser download), and a watch on every
 * page: console errors, uncaught errors, content-policy refusals and any request that leaves
 * this machine. A screen that logs an error or is refused a style has a bug even when it looks
 * right.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const haveChromium = existsSync(CHROMIUM);
export const inCi = process.env['CI'] === 'true';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

export async function launchBrowser(): Promise<Browser> {
  if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium for the service hall's end-to-end test.`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** What went wrong in a page, collected as it happens. */
export interface PageWatch {
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  pageErrors: string[];
  /** Requests to any origin other than the hall's. */
  foreignRequests: string[];
  /** `securitypolicyviolation` events, from every document the page showed. */
  violations: string[];
  /** Answers of 400 and above, as `status METHOD path`. */
  httpErrors: string[];
  /**
   * Which error answers the step expects (a form's bad input is refused with 400). By default
   * only the shell's signed-out probe: `GET /api/me` answers 401 before anyone signs in.
   */
  expected: (answer: string) => boolean;
  close(): Promise<void>;
}

interface ViolationReporter {
  __e2eReportViolation(text: string): void;
}

/**
 * A fresh context (own cookies and localStorage: one person at one device) with one watched
 * page. People sign in through the UI, as they would.
 */
export async function openWatchedPage(browser: Browser, origin: string, viewport: { width: number; height: number }): Promise<PageWatch> {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const watch: PageWatch = {
    page,
    context,
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    violations: [],
    httpErrors: [],
    expected: signedOutProbe,
    async close() {
      await context.close();
    },
  };
  // Reported out of the page as they happen, so that a later navigation does not lose them.
  await page.exposeFunction('__e2eReportViolation', (text: string) => watch.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as ViolationReporter).__e2eReportViolation(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('console', (message) => {
    // Chromium logs every answer of 400 and above as a console error; those are judged from the answers themselves.
    if (message.type() === 'error' && !RESOURCE_STATUS.test(message.text())) watch.consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const { pathname } = new URL(response.url());
    watch.httpErrors.push(`${response.status()} ${response.request().method()} ${pathname}`);
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.stack ?? error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (!isLocal(url, origin)) watch.foreignRequests.push(url);
  });
  return watch;
}

const RESOURCE_STATUS = /^Failed to load resource: the server responded with a status of \d{3}/;

export function signedOutProbe(answer: string): boolean {
  return answer === '401 GET /api/me';
}

/** A step whose forms are meant to be refused: the server's 400 and 422 answers are expected. */
export function refusalsExpected(answer: string): boolean {
  return signedOutProbe(answer) || /^(400|422) (POST|PUT|PATCH) /.test(answer);
}

function isLocal(url: string, origin: string): boolean {
  try {
    const { hostname } = new URL(url);
    return new URL(url).origin === origin || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
  } catch {
    return false;
  }
}

/** Everything the watch saw that should not have happened, as one readable list. */
export function troubleIn(watch: PageWatch): string[] {
  return [
    ...watch.consoleErrors.map((e) => `console error: ${e}`),
    ...watch.pageErrors.map((e) => `page error: ${e}`),
    ...watch.violations.map((v) => `content policy refused: ${v}`),
    ...watch.foreignRequests.map((u) => `request left the machine: ${u}`),
    ...watch.httpErrors.filter((answer) => !watch.expected(answer)).map((answer) => `unexpected error answer: ${answer}`),
  ];
}
