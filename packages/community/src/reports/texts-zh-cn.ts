import type { ReportUnit } from './report-input.js';
import { formatCount, formatDay, formatInstant, formatMonth, formatPercent, scoreNumber } from './format-figures.js';
import { subjectName } from './report-subject.js';
import { weightShares, type ReportFacts, type ReportTexts } from './report-texts.js';

const units: Record<ReportUnit, { name: string; measure: string }> = {
  community: { name: '社区', measure: '个' },
  park: { name: '园区', measure: '个' },
  portfolio: { name: '分管领域', measure: '个' },
  category: { name: '诉求类别', measure: '个' },
  assignee: { name: '承办人', measure: '名' },
  team: { name: '承办团队', measure: '个' },
  channel: { name: '受理渠道', measure: '个' },
};

const unitName = (unit: ReportUnit): string => units[unit].name;
const zoneName = (zone: string): string => (zone === 'Asia/Shanghai' ? '北京时间' : zone);

function ratesClause(facts: ReportFacts): string {
  const { response, resolution, satisfaction, composite } = facts.total.rates;
  const parts: string[] = [];
  if (response !== null) parts.push(`响应率${formatPercent(response)}`);
  if (resolution !== null) parts.push(`解决率${formatPercent(resolution)}`);
  if (satisfaction !== null) parts.push(`满意率${formatPercent(satisfaction)}`);
  if (composite !== null) parts.push(`综合得分${scoreNumber(composite)}`);
  return parts.join('，');
}

function sinceClause(facts: ReportFacts): string {
  const { from } = facts.cumulative;
  // Counting from New Year's Day of the report's year is the usual "this year so far".
  return from === `${facts.month.slice(0, 4)}-01-01` ? `${from.slice(0, 4)}年以来` : `自${formatDay(from, 'zh-CN')}以来`;
}

/** The zh-CN texts of the monthly report, in the register of a government work report. */
export const chineseTexts: ReportTexts = {
  locale: 'zh-CN',
  unit: (unit) => ({ name: unitName(unit), many: (count) => `${count}${units[unit].measure}${unitName(unit)}` }),
  title: (facts) => `${subjectName(facts.subject) ?? ''}企业需求办理情况月报（${formatMonth(facts.month, 'zh-CN')}）`,
  headline(facts) {
    const c = facts.total.counts;
    const who = subjectName(facts.subject) ?? '';
    const month = `${formatMonth(facts.month, 'zh-CN')}，${who}共收集企业需求${formatCount(c.collected, 'zh-CN')}条，办结${formatCount(c.concluded, 'zh-CN')}条，解决${formatCount(c.resolved, 'zh-CN')}个`;
    const rates = ratesClause(facts);
    const cumulative = `${sinceClause(facts)}累计收集企业需求${formatCount(facts.cumulative.collected, 'zh-CN')}条，解决${formatCount(facts.cumulative.resolved, 'zh-CN')}个。`;
    return `${month}${rates ? `；${rates}` : ''}。${cumulative}`;
  },
  definitions(facts) {
    const [response, resolution, satisfaction] = weightShares(facts.settings.weights);
    const basic = facts.settings.basicallySatisfiedCounts ? '“基本满意”计入满意' : '“基本满意”不计入满意';
    return [
      '注：1. 响应率＝按时签收数÷应签收数；解决率＝解决数（已解决、已解释答复）÷办结数；满意率＝满意数÷评价数；按时办结率＝按期办结数÷有办理时限的办结数。',
      `2. 综合得分＝响应率×${response}%＋解决率×${resolution}%＋满意率×${satisfaction}%，某项无数据时按其余各项权重折算；${basic}。`,
      `3. 用时按工作时间计算。数据截至${formatInstant(facts.asOf, facts.period.timeZone, 'zh-CN')}（${zoneName(facts.period.timeZone)}）。`,
    ].join('');
  },
  periodLine: (facts) =>
    `统计周期：${formatDay(facts.period.from, 'zh-CN')}至${formatDay(facts.period.to, 'zh-CN')}　` +
    `数据截至：${formatInstant(facts.asOf, facts.period.timeZone, 'zh-CN')}　` +
    `生成时间：${formatInstant(facts.generatedAt, facts.period.timeZone, 'zh-CN')}（${zoneName(facts.period.timeZone)}）`,
  columns: {
    rank: '排名',
    code: '编码',
    collected: '收集',
    responseDue: '应签收',
    signedOnTime: '按时签收',
    response: '响应率(%)',
    concluded: '办结',
    resolved: '解决',
    resolution: '解决率(%)',
    rated: '评价',
    satisfied: '满意',
    satisfaction: '满意率(%)',
    onTime: '按时办结率(%)',
    composite: '综合得分',
    backlog: '积压',
    overdue: '超期',
    signForP50: '签收用时中位数(工作小时)',
    conclusionP50: '办结用时中位数(工作小时)',
  },
  table: {
    groups: { requests: '企业需求（条）', rates: '比率', monthEnd: '月末（条）' },
    rank: '排名',
    collected: '收集',
    concluded: '办结',
    resolved: '解决',
    response: '响应率',
    resolution: '解决率',
    satisfaction: '满意率',
    onTime: '按时办结率',
    composite: '综合得分',
    backlog: '积压',
    overdue: '超期',
  },
  total: '合计',
  kpis: { collected: '收集', concluded: '办结', resolved: '解决', response: '响应率', resolution: '解决率', satisfaction: '满意率', onTime: '按时办结率', composite: '综合得分' },
  charts: {
    byMonth: '图1　各月企业需求收集与解决情况（条）',
    rates: (unit) => `图2　各${unitName(unit)}响应率、解决率、满意率`,
    overdue: (unit) => `图3　各${unitName(unit)}月末超期未办结诉求（条）`,
    table: (unit) => `表1　各${unitName(unit)}综合排名`,
    legend: { collected: '收集', resolved: '解决', response: '响应率', resolution: '解决率', satisfaction: '满意率', overdue: '超期' },
    monthTick: (month) => `${Number(month.slice(5))}月`,
    yearTick: (year) => `${year}年`,
    seriesCapped: (months, since) => `图中列出最近${months}个月；累计数自${formatDay(since, 'zh-CN')}起计算。`,
    ratesSubset: (unit, shown) =>
      `共${shown.ranked}${units[unit].measure}${unitName(unit)}参与排名，图中列出综合得分前${shown.top}名和后${shown.bottom}名，完整排名见表1。`,
    ratesUnranked: (unit, count) => `另有${count}${units[unit].measure}${unitName(unit)}本月无可计算的比率，未列入图中。`,
    ratesGap: (unit, count) => `…… 中间${count}${units[unit].measure}${unitName(unit)}从略 ……`,
    noUnits: (unit) => `本月无可按${unitName(unit)}统计的数据。`,
    noOverdue: (unit) => `截至月末，各${unitName(unit)}均无超期未办结的诉求。`,
    overdueMore: (unit, count) => `另有${count}${units[unit].measure}${unitName(unit)}有超期诉求，详见表1。`,
  },
};
