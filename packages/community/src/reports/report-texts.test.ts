import { describe, expect, it } from 'vitest';
import { sampleParkRows, sampleReport, sampleSources } from './__fixtures__/sample-report.js';
import { reportTexts, weightShares, type ReportFacts } from './report-texts.js';
import type { MonthlyReportData } from './report-types.js';

const facts = ({ texts: _texts, ...rest }: MonthlyReportData): ReportFacts => rest;

describe('the headline', () => {
  it('reads like the office’s own summary in Chinese', async () => {
    const data = await sampleReport();
    expect(data.texts.headline).toBe(
      '2026年1月，梦创社区共收集企业需求38条，办结35条，解决32个；响应率97.4%，解决率91.4%，满意率95.0%，综合得分94.5。自2025年3月1日以来累计收集企业需求460条，解决320个。',
    );
  });

  it('reads naturally in English', async () => {
    const data = await sampleReport({ locale: 'en' });
    expect(data.texts.headline).toBe(
      'In January 2026, 梦创社区 collected 38 enterprise requests, concluded 35 and resolved 32. Response rate 97.4%, resolution rate 91.4%, satisfaction rate 95.0%, composite score 94.5. Since 1 March 2025, 460 requests have been collected and 320 resolved.',
    );
  });

  it('speaks of the year so far when counting from New Year’s Day', async () => {
    const data = await sampleReport({ since: undefined });
    expect(data.cumulative).toMatchObject({ from: '2026-01-01', collected: 38, resolved: 32 });
    expect(data.texts.headline.endsWith('。2026年以来累计收集企业需求38条，解决32个。')).toBe(true);
  });

  it('falls back to the office, or to no name, and leaves out rates without data', async () => {
    const quiet = sampleParkRows().filter((row) => row.key.park === 'id-P05');
    const data = await sampleReport({}, sampleSources({ parks: quiet, subject: { office: '仓前街道', community: null } }));
    expect(data.texts.headline).toBe('2026年1月，仓前街道共收集企业需求0条，办结0条，解决0个。自2025年3月1日以来累计收集企业需求460条，解决320个。');
    const anonymous = { ...facts(data), subject: { office: null, community: null } };
    expect(reportTexts('zh-CN').headline(anonymous)).toMatch(/^2026年1月，共收集企业需求0条，/);
    expect(reportTexts('en').headline(anonymous)).toBe(
      'In January 2026, 0 enterprise requests were collected, 0 concluded and 0 resolved. Since 1 March 2025, 460 requests have been collected and 320 resolved.',
    );
    expect(reportTexts('en').title(anonymous)).toBe('Monthly report on enterprise requests — January 2026');
    expect(reportTexts('zh-CN').title(anonymous)).toBe('企业需求办理情况月报（2026年1月）');
  });

  it('counts one request in the singular', async () => {
    const data = facts(await sampleReport({ locale: 'en' }));
    const one = { ...data, total: { ...data.total, counts: { ...data.total.counts, collected: 1 } }, cumulative: { ...data.cumulative, collected: 1, resolved: 1 } };
    expect(reportTexts('en').headline(one)).toMatch(/collected 1 enterprise request, .* Since 1 March 2025, 1 request has been collected and 1 resolved\.$/);
  });
});

describe('the definitions', () => {
  it('state the weights in force and whether 基本满意 counts', async () => {
    const data = facts(await sampleReport());
    expect(reportTexts('zh-CN').definitions(data)).toContain('综合得分＝响应率×30%＋解决率×35%＋满意率×35%，某项无数据时按其余各项权重折算；“基本满意”计入满意。');
    const strict = { ...data, settings: { basicallySatisfiedCounts: false, weights: { response: 20, resolution: 40, satisfaction: 40 } } };
    expect(reportTexts('zh-CN').definitions(strict)).toContain('综合得分＝响应率×20%＋解决率×40%＋满意率×40%，某项无数据时按其余各项权重折算；“基本满意”不计入满意。');
    expect(reportTexts('en').definitions(strict)).toContain('Composite score = 20% response + 40% resolution + 40% satisfaction;');
  });

  it('give weights as shares of their sum', () => {
    expect(weightShares({ response: 0.3, resolution: 0.35, satisfaction: 0.35 })).toEqual(['30', '35', '35']);
    expect(weightShares({ response: 1, resolution: 1, satisfaction: 1 })).toEqual(['33.3', '33.3', '33.3']);
  });
});

describe('the period line', () => {
  it('names the period, the moment of the figures and when the report was made', async () => {
    const data = facts(await sampleReport());
    expect(reportTexts('zh-CN').periodLine(data)).toBe('统计周期：2026年1月1日至2026年1月31日　数据截至：2026年2月1日 09:00　生成时间：2026年2月3日 09:30（北京时间）');
    expect(reportTexts('en').periodLine(data)).toBe('Period: 1 January 2026 – 31 January 2026 · Figures as of 1 February 2026, 09:00 · Generated 3 February 2026, 09:30 (Asia/Shanghai)');
  });
});
