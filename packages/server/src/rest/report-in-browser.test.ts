// The checks run inside the page, where the DOM's globals exist.
/// <reference lib="dom" />
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { serve, type RunningServer } from '../node/index.js';

/**
 * The HTML monthly report as a browser gets it from the server — through Node's HTTP server,
 * under the server's secure headers and the report's own content policy — must still render:
 * its inline styles apply, its SVG charts have a size, and the page reports no policy violation.
 */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env['CI'] === 'true';
if (!haveChromium && !inCi) {
  console.warn(`\n*** SKIPPING the served HTML report browser check: ${CHROMIUM} is missing. Install Debian's chromium (apt-get install chromium) to run it. ***\n`);
}

const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());

describe.skipIf(!haveChromium && !inCi)('the served HTML report in a browser', () => {
  let world: DemoServer;
  let running: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`${CHROMIUM} is missing: CI must install Debian's chromium for the HTML report check.`);
    world = await demoServer();
    const parks = [...world.demo.parkIds.values()];
    for (const [i, category] of ['legal', 'talent', 'finance', 'facilities', 'policy', 'legal'].entries()) {
      const response = await world.call(world.demo.stationHeadId, 'POST', '/api/requests', { communityId: world.demo.communityId, parkId: parks[i % parks.length], channel: 'phone', category, title: `诉求${i}` });
      expect(response.status).toBe(201);
    }
    running = await serve(world.server, { port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('renders with its styles and charts, and nothing is refused by the content policy', async () => {
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    await page.setExtraHTTPHeaders({ 'x-kechuang-dev-member': `${world.office.id}/${world.demo.stationHeadId}` });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const response = await page.goto(`${running.url}/api/reports/monthly?month=${month}&format=html`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'unsafe-inline'");

    const rendered = await page.evaluate(() => {
      const charts = Array.from(document.querySelectorAll('svg'), (svg) => svg.getBoundingClientRect());
      const table = document.querySelector('table');
      return {
        violations: (window as unknown as { violations: string[] }).violations,
        title: document.querySelector('h1')?.textContent ?? '',
        charts: charts.map((box) => ({ width: box.width, height: box.height })),
        // The stylesheet collapses the ranking table's borders; without it the browser's default is `separate`.
        borderCollapse: table ? getComputedStyle(table).borderCollapse : null,
      };
    });
    expect(rendered.violations).toEqual([]);
    expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
    expect(rendered.title).toContain(month.slice(0, 4));
    expect(rendered.charts.length).toBeGreaterThanOrEqual(2);
    for (const chart of rendered.charts) expect(chart.width).toBeGreaterThan(100);
    expect(rendered.borderCollapse).toBe('collapse');
    await page.close();
  });
});
