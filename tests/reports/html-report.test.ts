// The layout checks run inside the page, where the DOM's globals exist.
/// <reference lib="dom" />
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CommunitySession } from '@kechuang/community';
import { runDemoYear } from '@kechuang/demo';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The monthly HTML report of the demo year's February 2026 (counted from 1 March 2025), opened
 * in Debian's headless Chromium: it must load nothing from anywhere, fit A4 and print to a
 * sane number of pages with its three charts drawn. It leaves a screenshot, the PDF and the
 * HTML in __output__/ for a person to look at.
 */
const CHROMIUM = '/usr/bin/chromium';
const A4_WIDTH_PX = 794; // 210 mm at 96 px per inch
const OUTPUT = fileURLToPath(new URL('./__output__/', import.meta.url));
const CHARTS = ['chart-by-month', 'chart-rates-by-unit', 'chart-overdue-by-unit'];

type MonthlyReport = Awaited<ReturnType<CommunitySession['reports']['monthly']>>;

const haveChromium = existsSync(CHROMIUM);
const inCi = process.env['CI'] === 'true';
if (!haveChromium && !inCi) {
  console.warn(`\n*** SKIPPING the HTML report browser check: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install chromium) to run it. ***\n`);
}

/** The number of pages in a PDF Chromium wrote: its page objects (not the /Pages tree nodes). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}

describe.skipIf(!haveChromium && !inCi)('the monthly HTML report in a browser', () => {
  let browser: Browser;
  const reports = new Map<'zh-CN' | 'en', MonthlyReport>();

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium for the HTML report check.`);
    // A smaller directory loads faster; the year still collects about 460 requests.
    const year = await runDemoYear({ enterprises: 600 });
    const session = year.community.as({ kind: 'system', officeId: year.officeId });
    for (const locale of ['zh-CN', 'en'] as const) {
      reports.set(locale, await session.reports.monthly({ month: '2026-02', since: '2025-03-01', format: 'html', locale }));
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    mkdirSync(OUTPUT, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`renders, fits A4 and prints (${locale})`, async () => {
      const report = reports.get(locale);
      if (!report) throw new Error('no report');
      expect(report.data.series.months).toHaveLength(12);
      expect(report.data.units.length).toBeGreaterThan(10);

      const page = await browser.newPage({ viewport: { width: A4_WIDTH_PX, height: 1123 } });
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      // Anything the page asks the network for is recorded and refused.
      await page.route('**/*', async (route) => {
        requested.push(route.request().url());
        await route.abort();
      });
      await page.setContent(report.body, { waitUntil: 'load' });
      expect(requested).toEqual([]);

      const layout = await page.evaluate((ids) => {
        const body = document.body.getBoundingClientRect();
        const rightmost = Math.max(...Array.from(document.querySelectorAll('body *'), (el) => el.getBoundingClientRect().right));
        const charts = ids.map((id) => {
          const box = document.getElementById(id)?.getBoundingClientRect();
          return { id, width: box?.width ?? 0, height: box?.height ?? 0 };
        });
        return { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth, bodyRight: body.right, rightmost, charts };
      }, CHARTS);
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.viewport);
      // No element reaches past the printable column (182 mm).
      expect(layout.rightmost).toBeLessThanOrEqual(layout.bodyRight + 0.5);
      for (const chart of layout.charts) {
        expect(chart.width, chart.id).toBeGreaterThan(300);
        expect(chart.height, chart.id).toBeGreaterThan(20);
      }

      const name = locale === 'zh-CN' ? 'monthly-report' : 'monthly-report.en';
      const screenshot = await page.screenshot({ fullPage: true, path: `${OUTPUT}${name}.png` });
      expect(screenshot.byteLength).toBeGreaterThan(10_000);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      writeFileSync(`${OUTPUT}${name}.pdf`, pdf);
      writeFileSync(`${OUTPUT}${name}.html`, report.body);
      // Title, figures and 25-odd parks: two to five A4 pages, never one long strip or dozens.
      const pages = pdfPageCount(pdf);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(5);
      expect(requested).toEqual([]);
      await page.close();
    });
  }
});
