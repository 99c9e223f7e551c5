import { describe, expect, it } from 'vitest';
import { sampleReport, sampleSources } from './__fixtures__/sample-report.js';

describe('gatherMonthlyReport', () => {
  it('asks for the month by unit and, when the series covers the cumulative period, one range by month', async () => {
    const sources = sampleSources();
    const asOf = new Date('2026-02-01T01:00:00Z');
    const data = await sampleReport({ unit: 'park', asOf }, sources);
    expect(sources.queries).toEqual([
      { period: { month: '2026-01' }, groupBy: ['park'], asOf },
      { period: { from: '2025-03-01', to: '2026-01-31' }, groupBy: ['month'], asOf },
    ]);
    expect(data.series).toMatchObject({ from: '2025-03-01', to: '2026-01-31', capped: false });
    expect(data.series.months.map((m) => m.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01']);
    expect(data.cumulative).toEqual({ from: '2025-03-01', to: '2026-01-31', collected: 460, concluded: 353, resolved: 320 });
  });

  it('takes every query at the moment the report is made when no asOf is given', async () => {
    const sources = sampleSources();
    const data = await sampleReport({}, sources);
    const now = sources.now();
    expect(sources.queries.map((q) => q.asOf)).toEqual([now, now]);
    expect(data.generatedAt).toBe(now.toISOString());
  });

  it('caps the series at 24 months, counting the cumulative figures in a query of their own', async () => {
    const sources = sampleSources();
    const data = await sampleReport({ month: '2026-01', since: '2023-06-15' }, sources);
    expect(sources.queries.map((q) => q.period)).toEqual([{ month: '2026-01' }, { from: '2024-02-01', to: '2026-01-31' }, { from: '2023-06-15', to: '2026-01-31' }]);
    expect(data.series).toMatchObject({ from: '2024-02-01', capped: true });
    expect(data.cumulative.from).toBe('2023-06-15');
  });

  it('keeps a series of exactly 24 months in one query', async () => {
    const sources = sampleSources();
    await sampleReport({ month: '2026-01', since: '2024-02-10' }, sources);
    expect(sources.queries.map((q) => q.period)).toEqual([{ month: '2026-01' }, { from: '2024-02-10', to: '2026-01-31' }]);
  });

  it('is JSON all the way down', async () => {
    const data = await sampleReport();
    expect(JSON.parse(JSON.stringify(data))).toEqual(data);
  });
});
