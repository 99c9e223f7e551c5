import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { expectInvalid, expectProblem, reply } from '../__fixtures__/http-expect.js';
import { contentDisposition } from './content-disposition.js';
import { reportPolicy } from './report-routes.js';

let world: DemoServer;
let head: string;
const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
beforeAll(async () => {
  world = await demoServer();
  head = world.demo.stationHeadId;
  const submitted = await world.call(head, 'POST', '/api/requests', { communityId: world.demo.communityId, enterpriseId: world.p01.enterpriseId, channel: 'phone', category: 'legal', title: '尾款无法收回' });
  expect(submitted.status).toBe(201);
});

const report = (query: string, who: string | null = head, call = world.call) => call(who, 'GET', `/api/reports/monthly?${query}`);

describe('GET /api/reports/monthly', () => {
  it('gives the report data as JSON, as a file named for the month and unit', async () => {
    const response = await report(`month=${month}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="monthly-report-${month}-park.zh-CN.json"`);
    const data = (await response.json()) as { month: string; unit: string; officeId: string; total: { counts: { collected: number } } };
    expect(data).toMatchObject({ month, unit: 'park', officeId: world.office.id });
    expect(data.total.counts.collected).toBe(1);
  });

  it('renders CSV (UTF-8 with a BOM), Markdown and HTML with their own media types', async () => {
    const csv = await report(`month=${month}&format=csv&unit=category&locale=en`);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers.get('content-disposition')).toBe(`attachment; filename="monthly-report-${month}-category.en.csv"`);
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain('Legal services');

    const markdown = await report(`month=${month}&format=markdown`);
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename="monthly-report-.+\.md"$/);
    expect(await markdown.text()).toMatch(/^#/m);
  });

  it('serves HTML inline under its own content policy, so its inline styles and SVG render', async () => {
    const response = await report(`month=${month}&format=html&since=${month.slice(0, 4)}-01-01`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="monthly-report-${month}-park.zh-CN.html"`);
    const html = await response.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(meta).toContain("style-src 'unsafe-inline'");
    // The header is the report's own policy: nothing stricter that would blank it, nothing looser.
    expect(response.headers.get('content-security-policy')).toBe(meta);
    expect(html).toContain('<svg');
    expect(html).toContain('<style>');
    // The server's other secure headers stay.
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('answers bad input with every issue', async () => {
    const bad = await expectInvalid(await report('month=2026-13&format=pdf&unit=street'), 'query.month', 'query.format', 'query.unit');
    expect(bad.body['detail']).toContain('month');
    await expectInvalid(await report(`month=${month}&since=${Number(month.slice(0, 4)) + 1}-01-01`), 'query.since');
    await expectInvalid(await report(`month=${month}&since=2026-02-30`), 'query.since');
    await expectInvalid(await report(`month=${month}&asOf=soon`), 'query.asOf');
    await expectInvalid(await report(`month=${month}&colour=red`), 'query.colour');
    await expectInvalid(await report('format=csv'), 'query.month');
  });

  it("shows the other office its own figures, and nothing of this office's", async () => {
    const response = await report(`month=${month}&format=html`, world.other.memberId, world.callOther);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('良渚');
    expect(html).not.toContain('梦创');
    const json = (await (await report(`month=${month}`, world.other.memberId, world.callOther)).json()) as { officeId: string };
    expect(json.officeId).toBe(world.other.office.id);
  });

  it('counts for a captain only what the captain may see', async () => {
    const captainOfAnotherPark = [...world.demo.captainIds.entries()].find(([park]) => park !== 'P01')![1];
    const data = (await reply(await report(`month=${month}`, captainOfAnotherPark))).body as { total: { counts: { collected: number } } };
    expect(data.total.counts.collected).toBe(0);
  });

  it('asks for credentials first (401)', async () => {
    await expectProblem(await report(`month=${month}`, null), 401, 'UNAUTHENTICATED');
  });
});

describe('contentDisposition', () => {
  it('names an ASCII file plainly', () => {
    expect(contentDisposition('monthly-report-2026-01-park.zh-CN.csv', 'attachment')).toBe('attachment; filename="monthly-report-2026-01-park.zh-CN.csv"');
  });

  it('gives a Chinese name in filename* (RFC 6266/5987) with an ASCII stand-in', () => {
    expect(contentDisposition('梦创社区2026年1月报.csv', 'attachment')).toBe(
      `attachment; filename="____2026_1__.csv"; filename*=UTF-8''%E6%A2%A6%E5%88%9B%E7%A4%BE%E5%8C%BA2026%E5%B9%B41%E6%9C%88%E6%8A%A5.csv`,
    );
    expect(decodeURIComponent(contentDisposition('月报 (终稿).html', 'inline').split("UTF-8''")[1]!)).toBe('月报 (终稿).html');
    expect(contentDisposition("it's (final)*.md", 'inline')).toBe(`inline; filename="it's (final)*.md"`);
  });

  it('keeps quotes, backslashes, slashes and control characters out of the header', () => {
    const header = contentDisposition('../a"b\\c\r\nSet-Cookie: x.csv', 'attachment');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split('filename="')[1]!.split('"')[0]).toBe('.._a_b_cSet-Cookie: x.csv');
    expect(header).toContain("filename*=UTF-8''.._a%22b_cSet-Cookie%3A%20x.csv");
  });
});

describe('reportPolicy', () => {
  it("reads the report's own policy, or falls back to the strict one", () => {
    expect(reportPolicy('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'">')).toBe("default-src 'none'");
    expect(reportPolicy('<html></html>')).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  });
});
