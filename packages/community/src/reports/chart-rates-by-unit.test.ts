import { describe, expect, it } from 'vitest';
import { sampleReport, sampleSources } from './__fixtures__/sample-report.js';
import { chartRatesByUnit } from './chart-rates-by-unit.js';
import { reportTexts } from './report-texts.js';

describe('chartRatesByUnit', () => {
  it('draws a bar for each rate of each ranked unit on a 0–100% axis', async () => {
    const data = await sampleReport();
    const svg = chartRatesByUnit(data, reportTexts('zh-CN'));
    expect(svg).toContain('100%');
    expect(svg.match(/<rect/g)?.length ?? 0).toBeGreaterThan(3);
  });

  it('says in words that no unit is ranked, with no empty axis for the note to collide with', async () => {
    const data = await sampleReport({}, sampleSources({ parks: [] }));
    const texts = reportTexts('en');
    const svg = chartRatesByUnit(data, texts);
    expect(svg).toContain(texts.charts.noUnits(data.unit));
    expect(svg).not.toContain('100%');
    expect(svg).not.toContain('<line');
  });
});
