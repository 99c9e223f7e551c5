import type { ReportUnit } from './report-input.js';
import { formatCount, formatDay, formatInstant, formatMonth, formatPercent, scoreNumber } from './format-figures.js';
import { subjectName } from './report-subject.js';
import { weightShares, type ReportFacts, type ReportTexts } from './report-texts.js';

const units: Record<ReportUnit, { one: string; other: string }> = {
  community: { one: 'community', other: 'communities' },
  park: { one: 'park', other: 'parks' },
  portfolio: { one: 'portfolio', other: 'portfolios' },
  category: { one: 'category', other: 'categories' },
  assignee: { one: 'assignee', other: 'assignees' },
  team: { one: 'team', other: 'teams' },
  channel: { one: 'channel', other: 'channels' },
};

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const many = (unit: ReportUnit, count: number): string => `${formatCount(count, 'en')} ${count === 1 ? units[unit].one : units[unit].other}`;

function ratesSentence(facts: ReportFacts): string {
  const { response, resolution, satisfaction, composite } = facts.total.rates;
  const parts: string[] = [];
  if (response !== null) parts.push(`response rate ${formatPercent(response)}`);
  if (resolution !== null) parts.push(`resolution rate ${formatPercent(resolution)}`);
  if (satisfaction !== null) parts.push(`satisfaction rate ${formatPercent(satisfaction)}`);
  if (composite !== null) parts.push(`composite score ${scoreNumber(composite)}`);
  return parts.length === 0 ? '' : ` ${capital(parts.join(', '))}.`;
}

/** The English texts of the monthly report. */
export const englishTexts: ReportTexts = {
  locale: 'en',
  unit: (unit) => ({ name: capital(units[unit].one), many: (count) => many(unit, count) }),
  title(facts) {
    const who = subjectName(facts.subject);
    return `Monthly report on enterprise requests — ${who ? `${who}, ` : ''}${formatMonth(facts.month, 'en')}`;
  },
  headline(facts) {
    const c = facts.total.counts;
    const who = subjectName(facts.subject);
    const month = formatMonth(facts.month, 'en');
    const noun = c.collected === 1 ? 'enterprise request' : 'enterprise requests';
    const first = who
      ? `In ${month}, ${who} collected ${formatCount(c.collected, 'en')} ${noun}, concluded ${formatCount(c.concluded, 'en')} and resolved ${formatCount(c.resolved, 'en')}.`
      : `In ${month}, ${formatCount(c.collected, 'en')} ${noun} were collected, ${formatCount(c.concluded, 'en')} concluded and ${formatCount(c.resolved, 'en')} resolved.`;
    const { collected, resolved, from } = facts.cumulative;
    const verb = collected === 1 ? 'has' : 'have';
    const since = ` Since ${formatDay(from, 'en')}, ${formatCount(collected, 'en')} ${collected === 1 ? 'request' : 'requests'} ${verb} been collected and ${formatCount(resolved, 'en')} resolved.`;
    return `${first}${ratesSentence(facts)}${since}`;
  },
  definitions(facts) {
    const [response, resolution, satisfaction] = weightShares(facts.settings.weights);
    const basic = facts.settings.basicallySatisfiedCounts ? '"Basically satisfied" counts as satisfied.' : '"Basically satisfied" does not count as satisfied.';
    return [
      'Notes: (1) Response rate = signed for on time ÷ due for sign-for; resolution rate = resolved (solved or explained) ÷ concluded; satisfaction rate = satisfied ÷ rated; on-time rate = concluded on time ÷ concluded with a deadline.',
      `(2) Composite score = ${response}% response + ${resolution}% resolution + ${satisfaction}% satisfaction; a rate without data is left out and the others count in proportion. ${basic}`,
      `(3) Times are working time. Figures as of ${formatInstant(facts.asOf, facts.period.timeZone, 'en')} (${facts.period.timeZone}).`,
    ].join(' ');
  },
  periodLine: (facts) =>
    `Period: ${formatDay(facts.period.from, 'en')} – ${formatDay(facts.period.to, 'en')} · ` +
    `Figures as of ${formatInstant(facts.asOf, facts.period.timeZone, 'en')} · ` +
    `Generated ${formatInstant(facts.generatedAt, facts.period.timeZone, 'en')} (${facts.period.timeZone})`,
  columns: {
    rank: 'Rank',
    code: 'Code',
    collected: 'Collected',
    responseDue: 'Due for sign-for',
    signedOnTime: 'Signed on time',
    response: 'Response rate (%)',
    concluded: 'Concluded',
    resolved: 'Resolved',
    resolution: 'Resolution rate (%)',
    rated: 'Rated',
    satisfied: 'Satisfied',
    satisfaction: 'Satisfaction rate (%)',
    onTime: 'On-time rate (%)',
    composite: 'Composite score',
    backlog: 'Backlog',
    overdue: 'Overdue',
    signForP50: 'Median time to sign for (working hours)',
    conclusionP50: 'Median time to conclude (working hours)',
  },
  table: {
    groups: { requests: 'Requests', rates: 'Rates', monthEnd: 'At month end' },
    rank: 'Rank',
    collected: 'Col\u00adlected',
    concluded: 'Con\u00adcluded',
    resolved: 'Re\u00adsolved',
    response: 'Re\u00adsponse',
    resolution: 'Reso\u00adlution',
    satisfaction: 'Satis\u00adfaction',
    onTime: 'On time',
    composite: 'Com\u00adposite score',
    backlog: 'Back\u00adlog',
    overdue: 'Over\u00addue',
  },
  total: 'Total',
  kpis: {
    collected: 'Collected',
    concluded: 'Concluded',
    resolved: 'Resolved',
    response: 'Response rate',
    resolution: 'Resolution rate',
    satisfaction: 'Satisfaction rate',
    onTime: 'On-time rate',
    composite: 'Composite score',
  },
  charts: {
    byMonth: 'Figure 1. Requests collected and resolved by month',
    rates: (unit) => `Figure 2. Response, resolution and satisfaction rates by ${units[unit].one}`,
    overdue: (unit) => `Figure 3. Overdue open requests by ${units[unit].one} at month end`,
    table: (unit) => `Table 1. ${capital(units[unit].other)} ranked by composite score`,
    legend: { collected: 'Collected', resolved: 'Resolved', response: 'Response', resolution: 'Resolution', satisfaction: 'Satisfaction', overdue: 'Overdue' },
    monthTick: (month) => formatMonth(month, 'en').slice(0, 3),
    yearTick: (year) => String(year),
    seriesCapped: (months, since) => `The chart shows the last ${months} months; the cumulative figures count from ${formatDay(since, 'en')}.`,
    ratesSubset: (unit, shown) =>
      `Of the ${many(unit, shown.ranked)} ranked, the chart shows the top ${shown.top} and the bottom ${shown.bottom} by composite score; Table 1 lists them all.`,
    ratesUnranked: (unit, count) => `${capital(many(unit, count))} with no rate to compute this month ${count === 1 ? 'is' : 'are'} not shown.`,
    ratesGap: (unit, count) => `… ${many(unit, count)} in between not shown …`,
    noUnits: (unit) => `No figures by ${units[unit].one} this month.`,
    noOverdue: (unit) => `No ${units[unit].one} had overdue open requests at the end of the month.`,
    overdueMore: (unit, count) => `${capital(many(unit, count))} more ${count === 1 ? 'has' : 'have'} overdue requests; see Table 1.`,
  },
};
