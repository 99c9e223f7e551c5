import { definePlugin } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoServer, type DemoServer } from '../__fixtures__/demo-server.js';
import { pluginServer } from '../__fixtures__/plugin-server.js';
import { expectInvalid, expectProblem, otherDirectory, reply, type OtherDirectory } from '../__fixtures__/http-expect.js';

let world: DemoServer;
let other: OtherDirectory;
let head: string;
/** This month in the office's time zone, `YYYY-MM`. */
const month = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
beforeAll(async () => {
  world = await demoServer();
  other = await otherDirectory(world);
  head = world.demo.stationHeadId;
  for (const [category, title] of [
    ['legal', '尾款无法收回'],
    ['talent', '招聘工程师'],
    ['finance', '申请贷款'],
  ] as const) {
    const response = await world.call(head, 'POST', '/api/requests', { communityId: world.demo.communityId, enterpriseId: world.p01.enterpriseId, parkId: world.demo.parkIds.get('P01'), channel: 'phone', category, title });
    expect(response.status).toBe(201);
  }
});

interface Figures {
  total: { counts: { collected: number }; rates: Record<string, number | null> };
  rows: { key: Record<string, string | null>; labels: Record<string, Record<string, string>>; counts: { collected: number } }[];
}
const query = async (who: string, body: unknown, call = world.call) => {
  const got = await reply(await call(who, 'POST', '/api/metrics/query', body));
  return { ...got, figures: got.body as unknown as Figures };
};

describe('POST /api/metrics/query', () => {
  it("gives the month's figures, broken down by category, without writing anything", async () => {
    const { status, figures, body } = await query(head, { period: { month }, groupBy: ['category'] });
    expect(status).toBe(200);
    expect(body).toMatchObject({ officeId: world.office.id, groupBy: ['category'], period: { kind: 'month', label: month } });
    expect(figures.total.counts.collected).toBe(3);
    expect(figures.rows.map((r) => r.key['category']).sort()).toEqual(['finance', 'legal', 'talent']);
    expect(figures.rows.find((r) => r.key['category'] === 'legal')!.labels['category']!['zh-CN']).toBe('法律服务');
    // Read-only: asking again gives the same figures, and no request was added.
    expect((await query(head, { period: { month }, groupBy: ['category'] })).figures.total).toEqual(figures.total);
    expect(((await reply(await world.call(head, 'GET', '/api/requests'))).body['items'] as unknown[]).length).toBe(3);
  });

  it('filters, and counts only what the caller may see', async () => {
    const legal = await query(head, { period: { month }, filter: { category: ['legal'] } });
    expect(legal.figures.total.counts.collected).toBe(1);
    // The lawyer sees only what is assigned to the legal team: the legal request.
    const lawyer = await query(world.demo.lawyerId, { period: { month } });
    expect(lawyer.figures.total.counts.collected).toBe(1);
  });

  it('answers bad input with every issue', async () => {
    await expectInvalid(await world.call(head, 'POST', '/api/metrics/query', { period: { month: '2026-13' }, groupBy: ['colour'], evaluation: 'quickly' }), 'body.period.month', 'body.groupBy.0', 'body.evaluation');
    await expectInvalid(await world.call(head, 'POST', '/api/metrics/query', { period: { month }, groupBy: ['park', 'park'] }), 'body.groupBy');
    await expectInvalid(await world.call(head, 'POST', '/api/metrics/query', { period: { month }, extra: true }), 'body.extra');
    await expectInvalid(await world.call(head, 'POST', '/api/metrics/query', {}), 'body.period');
    await expectProblem(await world.call(head, 'POST', '/api/metrics/query', 'period=2026-01', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it("counts nothing of the other office: filtering by its ids finds nothing, and it sees none of this office's", async () => {
    const theirIds = await query(head, { period: { month }, filter: { communityId: [other.communityId], parkId: [other.parkId] } });
    expect(theirIds.status).toBe(200);
    expect(theirIds.figures.total.counts.collected).toBe(0);
    for (const secret of other.secrets) expect(theirIds.text).not.toContain(secret);
    const fromThere = await query(world.other.memberId, { period: { month }, groupBy: ['park', 'category'] }, world.callOther);
    expect(fromThere.status).toBe(200);
    // The other office has its one request from the fixture, and none of these.
    expect(fromThere.figures.total.counts.collected).toBe(1);
    expect(fromThere.text).not.toContain(world.demo.parkIds.get('P01')!);
    expect(fromThere.text).not.toContain('梦创');
  });

  it('asks for credentials first (401)', async () => {
    await expectProblem(await world.call(null, 'POST', '/api/metrics/query', { period: { month } }), 401, 'UNAUTHENTICATED');
  });
});

describe("plugins' measures over HTTP", () => {
  it('carries each measure with its labels, and its count in the total and every row', async () => {
    const phoned = definePlugin({
      id: 'phoned',
      setup: ({ metrics }) =>
        metrics.measure({ name: 'phoned.received', label: { 'zh-CN': '电话受理数', en: 'Received by phone' }, field: 'createdAt', where: [{ field: 'channel', value: 'phone' }] }),
    });
    const server = await pluginServer([phoned()]);
    const response = await reply(await server.call(server.headId, 'POST', '/api/metrics/query', { period: { month }, groupBy: ['category'] }));
    expect(response.status).toBe(200);
    expect(response.body['measures']).toEqual({ 'phoned.received': { field: 'createdAt', label: { 'zh-CN': '电话受理数', en: 'Received by phone' } } });
    expect((response.body['total'] as { measures: unknown }).measures).toEqual({ 'phoned.received': 1 });
    expect((response.body['rows'] as { measures: unknown }[]).map((row) => row.measures)).toEqual([{ 'phoned.received': 1 }]);
  });
});
