import { beforeAll, describe, expect, it } from 'vitest';
import { workedMonth, type WorkedMonth } from '../__fixtures__/metrics-month.js';
import type { MonthlyReport } from './report-types.js';

describe('session.reports.monthly, end to end on a small office', () => {
  let month: WorkedMonth;
  let report: MonthlyReport;

  beforeAll(async () => {
    month = await workedMonth();
    report = await month.fx.system.reports.monthly({ month: '2026-03' });
  });

  it('returns JSON by default, the body being the data', () => {
    expect(report.format).toBe('json');
    expect(report.contentType).toBe('application/json; charset=utf-8');
    expect(report.filename).toBe('monthly-report-2026-03-park.zh-CN.json');
    expect(JSON.parse(report.body)).toEqual(JSON.parse(JSON.stringify(report.data)));
    expect(report.body).toBe(JSON.stringify(report.data, null, 2));
  });

  it('writes the office summary the street office reads out', () => {
    // March: a, b, e in park 1 and c, d in park 2 collected (e withdrawn); a, b, d concluded,
    // a and b resolved; 2 of 4 responses on time; 2 of 3 ratings satisfied (b basically).
    expect(report.data.texts.headline).toBe(
      '2026年3月，梦创社区共收集企业需求5条，办结3条，解决2个；响应率50.0%，解决率66.7%，满意率66.7%，综合得分61.7。2026年以来累计收集企业需求6条，解决3个。',
    );
    expect(report.data.texts.title).toBe('梦创社区企业需求办理情况月报（2026年3月）');
    expect(report.data.subject).toEqual({ office: '仓前街道', community: '梦创社区' });
  });

  it('ranks the parks by composite score with the figures metrics gives', async () => {
    const metrics = await month.fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['park'], asOf: new Date(report.data.asOf) });
    expect(report.data.units.map((u) => [u.rank, u.code, u.name['zh-CN'], u.counts.collected, u.counts.overdue])).toEqual([
      [1, 'P01', '梦想小镇一号园', 3, 0],
      [2, 'P02', '仓前数字产业园', 2, 1],
    ]);
    expect(report.data.units[0]?.rates.composite).toBeCloseTo(0.3 * 0.5 + 0.35 + 0.35, 12);
    expect(report.data.total).toEqual({ counts: metrics.total.counts, rates: metrics.total.rates, durations: metrics.total.durations });
    for (const unit of report.data.units) {
      const row = metrics.rows.find((r) => r.key.park === unit.id);
      expect(unit.counts).toEqual(row?.counts);
    }
  });

  it('counts from the 1st of January by default, month by month', () => {
    expect(report.data.cumulative).toEqual({ from: '2026-01-01', to: '2026-03-31', collected: 6, concluded: 4, resolved: 3 });
    expect(report.data.series).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
      capped: false,
      months: [
        { month: '2026-01', collected: 0, concluded: 0, resolved: 0 },
        { month: '2026-02', collected: 1, concluded: 1, resolved: 1 },
        { month: '2026-03', collected: 5, concluded: 3, resolved: 2 },
      ],
    });
    expect(report.data.period).toEqual({ from: '2026-03-01', to: '2026-03-31', timeZone: 'Asia/Shanghai' });
    expect(report.data.settings).toEqual({ basicallySatisfiedCounts: true, weights: { response: 0.3, resolution: 0.35, satisfaction: 0.35 } });
    expect(report.data.generatedAt).toBe('2026-03-31T16:00:00.000Z');
  });

  it('starts the cumulative figures where asked, and takes every figure at one asOf', async () => {
    const asOf = new Date('2026-03-03T04:00:00Z'); // 12:00 on 3 March in Shanghai
    const early = await month.fx.system.reports.monthly({ month: '2026-03', since: '2026-02-01', asOf, locale: 'en' });
    expect(early.data.asOf).toBe(asOf.toISOString());
    expect(early.data.cumulative).toMatchObject({ from: '2026-02-01', collected: 6 });
    // By then only a is concluded (replied at 10:00, followed up at 11:00).
    expect(early.data.total.counts.concluded).toBe(1);
    expect(early.data.series.months.map((m) => m.month)).toEqual(['2026-02', '2026-03']);
    expect(early.data.texts.headline).toMatch(/^In March 2026, 梦创社区 collected 5 enterprise requests, concluded 1 and resolved 1\. /);
    expect(early.data.texts.headline).toMatch(/Since 1 February 2026, 6 requests have been collected and 2 resolved\.$/);
  });

  it('ranks other units: channels, assignees', async () => {
    const byChannel = await month.fx.system.reports.monthly({ month: '2026-03', unit: 'channel', format: 'csv' });
    expect(byChannel.body.split('\r\n')[1]).toMatch(/^1,phone,电话,5,/);
    const byAssignee = await month.fx.system.reports.monthly({ month: '2026-03', unit: 'assignee' });
    expect(byAssignee.data.units.reduce((sum, u) => sum + u.counts.collected, 0)).toBe(5);
  });

  it('renders every format through the API', async () => {
    const expected = {
      csv: ['text/csv; charset=utf-8; header=present', 'monthly-report-2026-03-park.zh-CN.csv', '\uFEFF排名,编码,园区,'],
      markdown: ['text/markdown; charset=utf-8', 'monthly-report-2026-03-park.zh-CN.md', '# 梦创社区企业需求办理情况月报（2026年3月）'],
      html: ['text/html; charset=utf-8', 'monthly-report-2026-03-park.zh-CN.html', '<!DOCTYPE html>'],
    } as const;
    for (const [format, [contentType, filename, start]] of Object.entries(expected)) {
      const rendered = await month.fx.system.reports.monthly({ month: '2026-03', format: format as keyof typeof expected });
      expect([rendered.contentType, rendered.filename]).toEqual([contentType, filename]);
      expect(rendered.body.startsWith(start)).toBe(true);
      expect(rendered.data).toEqual(report.data);
    }
  });

  it('is available to back-office jobs on the community, as the system sees the office', async () => {
    const job = await month.fx.community.reports.monthly({ officeId: month.fx.office.id, month: '2026-03', asOf: report.data.asOf });
    expect(job.data.texts.headline).toBe(report.data.texts.headline);
  });

  it('shows a captain only the parks they look after', async () => {
    const captain = await month.fx.as(month.fx.members.captain.id).reports.monthly({ month: '2026-03' });
    expect(captain.data.units.map((u) => u.code)).toEqual(['P01']);
    expect(captain.data.total.counts.collected).toBe(3);
  });

  it('refuses bad input, saying what to fix', async () => {
    const monthly = month.fx.system.reports.monthly;
    const cases: [unknown, string][] = [
      [{ month: '2026-13' }, 'use a month like 2026-01'],
      [{ month: '2026-03', since: '2026-04-01' }, "must not be after the report month's last day (2026-03-31)"],
      [{ month: '2026-03', since: '2026-02-30' }, 'not a calendar date'],
      [{ month: '2026-03', since: '2015-01-01' }, 'use a date no earlier than 2016-04-01'],
      [{ month: '2026-03', unit: 'building' }, 'unit'],
      [{ month: '2026-03', format: 'pdf' }, 'format'],
      [{ month: '2026-03', locale: 'fr' }, 'locale'],
      [{ month: '2026-03', colour: 'red' }, 'colour'],
      [{}, 'month'],
    ];
    for (const [input, message] of cases) {
      await expect(monthly(input as { month: string })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining(message) });
    }
  });
});
