import { beforeAll, describe, expect, it } from 'vitest';
import { shanghai, slaOfficeConfig } from '../__fixtures__/metrics-month.js';
import { smallOffice, submission, type SmallOffice } from '../__fixtures__/small-office.js';
import type { OfficeConfigInput } from '../config/config-schema.js';
import type { ServiceRequest } from '../model/request.js';
import type { MetricsResult } from './metrics-types.js';

const sh = shanghai;
const HOUR = 3_600_000;

// The fixture's SLA policy, plus extensions approved by the station head (R9 needs one).
function slaConfig(metrics?: OfficeConfigInput['metrics']): OfficeConfigInput {
  const config = slaOfficeConfig(metrics);
  config.slaPolicies = (config.slaPolicies ?? []).map((policy) => ({ ...policy, extension: { approvers: ['station_head'], maxWorkingDays: 10 } }));
  return config;
}

/**
 * Nine requests in March 2026, each exercising one edge of the definitions; the expected
 * figures below are worked out by hand from the times here (office hours 08:30–12:00 and
 * 13:30–17:30; respond in 4 working hours, resolve in 5 working days).
 */
async function march(fx: SmallOffice): Promise<Record<string, ServiceRequest>> {
  const at = (local: string): void => fx.clock.set(sh(local));
  const lead = (r: ServiceRequest) => fx.as(r.assigneeId ?? '');
  const submit = async (park2 = false): Promise<ServiceRequest> => {
    at('2026-03-02T09:00:00');
    return fx.system.requests.submit(submission(fx, park2 ? { enterpriseId: fx.ent2.id } : {}));
  };
  const current = async (r: ServiceRequest): Promise<ServiceRequest> => (await fx.system.requests.get(r.id)).request;
  const r: Record<string, ServiceRequest> = {};

  // R1: signed in 1 h, solved on time, satisfied. Concluded after 16 working hours.
  r.r1 = await submit();
  at('2026-03-02T10:00:00');
  await lead(r.r1).requests.accept({ requestId: r.r1.id });
  at('2026-03-03T10:00:00');
  await lead(r.r1).requests.reply({ requestId: r.r1.id, outcome: 'solved', note: '已追回' });
  at('2026-03-04T10:00:00');
  await fx.system.requests.followUp({ requestId: r.r1.id, rating: 'satisfied' });

  // R2: signed late (5 h; due 14:30), explained after the deadline, basically satisfied.
  r.r2 = await submit();
  at('2026-03-02T15:30:00');
  await lead(r.r2).requests.accept({ requestId: r.r2.id });
  at('2026-03-10T10:00:00');
  await lead(r.r2).requests.reply({ requestId: r.r2.id, outcome: 'explained', note: '已解释政策' });
  at('2026-03-10T11:00:00');
  await fx.system.requests.followUp({ requestId: r.r2.id, rating: 'basically_satisfied' });

  // R3 (park 2): never signed for, never replied: a late response, open and overdue at the end.
  r.r3 = await submit(true);

  // R4: signed in 0.5 h, out of scope, closed without a rating.
  r.r4 = await submit();
  at('2026-03-02T09:30:00');
  await lead(r.r4).requests.accept({ requestId: r.r4.id });
  at('2026-03-03T09:00:00');
  await lead(r.r4).requests.reply({ requestId: r.r4.id, outcome: 'out_of_scope', note: '不属于受理范围' });
  at('2026-03-03T10:00:00');
  await fx.system.requests.close({ requestId: r.r4.id, note: '企业电话无人接听' });

  // R5: withdrawn before its respond deadline, never signed: no response owed.
  r.r5 = await submit();
  at('2026-03-02T10:00:00');
  await fx.system.requests.withdraw({ requestId: r.r5.id, reason: '企业已自行解决' });

  // R6: a duplicate of R1, merged before its deadline: collected, but no response owed.
  r.r6 = await submit();
  at('2026-03-02T11:00:00');
  await fx.system.requests.merge({ requestId: r.r6.id, duplicateOfId: r.r1.id });

  // R7 (park 2): signed in 1 h, unsolvable, rated unsatisfied and concluded without a redo.
  r.r7 = await submit(true);
  at('2026-03-02T10:00:00');
  await lead(r.r7).requests.accept({ requestId: r.r7.id });
  at('2026-03-05T09:00:00');
  await lead(r.r7).requests.reply({ requestId: r.r7.id, outcome: 'unsolvable', note: '对方企业已注销' });
  at('2026-03-05T10:00:00');
  await fx.system.requests.followUp({ requestId: r.r7.id, rating: 'unsatisfied', redo: false });

  // R8: redone after an unsatisfied follow-up; counts once, with its final round.
  r.r8 = await submit();
  at('2026-03-02T09:10:00');
  await lead(r.r8).requests.accept({ requestId: r.r8.id });
  at('2026-03-03T09:00:00');
  await lead(r.r8).requests.reply({ requestId: r.r8.id, outcome: 'solved', note: '已处理' });
  at('2026-03-03T10:00:00');
  r.r8 = await fx.system.requests.followUp({ requestId: r.r8.id, rating: 'unsatisfied' });
  at('2026-03-03T11:00:00');
  await lead(r.r8).requests.accept({ requestId: r.r8.id });
  at('2026-03-04T09:00:00');
  await lead(r.r8).requests.reply({ requestId: r.r8.id, outcome: 'solved', note: '已重新处理' });
  at('2026-03-04T10:00:00');
  await fx.system.requests.followUp({ requestId: r.r8.id, rating: 'satisfied' });

  // R9: returned unsigned, redispatched, supervised, extended by 3 days, solved in time.
  r.r9 = await submit();
  at('2026-03-02T09:30:00');
  await lead(r.r9).requests.return({ requestId: r.r9.id, reason: '不属于本人专业' });
  at('2026-03-02T10:00:00');
  const other = r.r9.assigneeId === fx.members.lead.id ? fx.members.assisting.id : fx.members.lead.id;
  r.r9 = await fx.system.requests.redispatch({ requestId: r.r9.id, assigneeId: other });
  at('2026-03-02T11:00:00');
  await lead(r.r9).requests.accept({ requestId: r.r9.id });
  at('2026-03-03T09:00:00');
  await fx.as(fx.members.officeStaff.id).requests.supervise({ requestId: r.r9.id, note: '街道督办' });
  at('2026-03-05T09:00:00');
  await lead(r.r9).requests.requestExtension({ requestId: r.r9.id, workingDays: 3, reason: '需等待对方回函' });
  at('2026-03-05T10:00:00');
  await fx.as(fx.members.stationHead.id).requests.decideExtension({ requestId: r.r9.id, approve: true });
  at('2026-03-11T10:00:00');
  await lead(r.r9).requests.reply({ requestId: r.r9.id, outcome: 'solved', note: '已追回欠款' });
  at('2026-03-11T11:00:00');
  await fx.system.requests.followUp({ requestId: r.r9.id, rating: 'satisfied' });

  for (const key of Object.keys(r)) r[key] = await current(r[key] as ServiceRequest);
  at('2026-04-01T00:00:00');
  return r;
}

describe('metrics.query: the definitions, worked by hand', () => {
  let fx: SmallOffice;
  let requests: Record<string, ServiceRequest>;
  let result: MetricsResult;

  beforeAll(async () => {
    fx = await smallOffice();
    await fx.system.config.update(slaConfig());
    requests = await march(fx);
    result = await fx.system.metrics.query({ period: { month: '2026-03' } });
  });

  it('records working time at sign-for and at conclusion', () => {
    expect(requests.r1?.respondWorkMs).toBe(1 * HOUR);
    expect(requests.r2?.respondWorkMs).toBe(5 * HOUR);
    expect(requests.r8?.respondWorkMs).toBe(1 * HOUR);
    expect(requests.r1?.concludeWorkMs).toBe(16 * HOUR);
    expect(requests.r2?.concludeWorkMs).toBe(47 * HOUR);
    expect(requests.r9?.concludeWorkMs).toBe(54.5 * HOUR);
    expect(requests.r9?.firstReturnedAt).toEqual(sh('2026-03-02T09:30:00'));
    expect(requests.r9?.supervisedAt).toEqual(sh('2026-03-03T09:00:00'));
    expect(requests.r9?.extendedAt).toEqual(sh('2026-03-05T10:00:00'));
    expect(requests.r3?.respondWorkMs).toBeNull();
  });

  it('counts every measure of the month', () => {
    expect(result.total.counts).toEqual({
      collected: 9,
      responseDue: 7,
      signedOnTime: 5,
      signed: 6,
      concluded: 5,
      resolved: 4,
      concludedWithDeadline: 5,
      concludedOnTime: 4,
      rated: 5,
      satisfied: 4,
      outOfScope: 1,
      withdrawn: 1,
      merged: 1,
      returned: 1,
      extended: 1,
      supervised: 1,
      backlog: 1,
      overdue: 1,
    });
  });

  it('derives the rates and the composite score', () => {
    expect(result.total.rates.response).toBeCloseTo(5 / 7, 12);
    expect(result.total.rates.resolution).toBe(0.8);
    expect(result.total.rates.satisfaction).toBe(0.8);
    expect(result.total.rates.onTime).toBe(0.8);
    expect(result.total.rates.composite).toBeCloseTo((0.3 * (5 / 7) + 0.35 * 0.8 + 0.35 * 0.8) / 1, 12);
  });

  it('gives nearest-rank medians and 90th percentiles of working time', () => {
    // Sign-for: 0.5, 1, 1, 1, 1, 5 h. Conclusion: 16, 16, 23.5, 47, 54.5 h.
    expect(result.total.durations).toEqual({ signFor: { p50: 1 * HOUR, p90: 5 * HOUR }, conclusion: { p50: 23.5 * HOUR, p90: 54.5 * HOUR } });
  });

  it('breaks down by park, and the parks add up to the total', async () => {
    const byPark = await fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['park'] });
    expect(byPark.rows.map((row) => [row.labels.park?.code, row.counts.collected, row.counts.backlog])).toEqual([
      ['P01', 7, 0],
      ['P02', 2, 1],
    ]);
    expect(byPark.rows[1]?.rates.resolution).toBe(0);
    expect(byPark.total.counts).toEqual(result.total.counts);
    expect(byPark.total.durations).toEqual(result.total.durations);
  });

  it('gives the same figures from fetched rows as pushed down to the adapter', async () => {
    for (const groupBy of [[], ['park'], ['assignee', 'category'], ['month']] as const) {
      const pushed = await fx.system.metrics.query({ period: { quarter: '2026-Q1' }, groupBy: [...groupBy], evaluation: 'database' });
      const fetched = await fx.system.metrics.query({ period: { quarter: '2026-Q1' }, groupBy: [...groupBy], evaluation: 'in_memory' });
      expect({ ...fetched, evaluation: 'database' }).toEqual(pushed);
    }
  });

  it('breaks a quarter down by month, every month shown, the snapshot taken at each month end', async () => {
    const quarter = await fx.system.metrics.query({ period: { quarter: '2026-Q1' }, groupBy: ['month'] });
    expect(quarter.rows.map((row) => [row.key.month, row.labels.month?.['zh-CN'], row.counts.collected])).toEqual([
      ['2026-01', '2026年1月', 0],
      ['2026-02', '2026年2月', 0],
      ['2026-03', '2026年3月', 9],
    ]);
    expect(quarter.total.counts).toEqual(result.total.counts);
  });

  it('follows the office: 基本满意 not counted, other weights', async () => {
    await fx.system.config.update(slaConfig({ basicallySatisfiedCounts: false, weights: { response: 0, resolution: 1, satisfaction: 1 } }));
    const strict = await fx.system.metrics.query({ period: { month: '2026-03' } });
    expect(strict.total.counts.satisfied).toBe(3);
    expect(strict.total.rates.composite).toBeCloseTo((0.8 + 0.6) / 2, 12);
    await fx.system.config.update(slaConfig());
  });

  it('counts nothing that happens after asOf', async () => {
    const early = await fx.system.metrics.query({ period: { month: '2026-03' }, asOf: sh('2026-03-02T12:00:00') });
    // By noon on 2 March: 9 submitted, R5 withdrawn, R6 merged; R1, R4, R7, R9
    // signed. R8 was signed too, but a redo counts once, with its final round (3 March): the
    // figures read the requests as they are now, with events after asOf left out.
    expect(early.total.counts).toMatchObject({ collected: 9, signed: 4, withdrawn: 1, merged: 1, backlog: 7, overdue: 0, concluded: 0 });
    // No respond deadline (14:30) has passed: only on-time sign-fors are settled.
    expect(early.total.counts.responseDue).toBe(4);
  });

  it('is available to back-office jobs on the community, as the system sees the office', async () => {
    const job = await fx.community.metrics.query({ officeId: fx.office.id, period: { month: '2026-03' } });
    expect(job.total).toEqual(result.total);
  });

  it('shows a captain only the parks they look after', async () => {
    const captain = await fx.as(fx.members.captain.id).metrics.query({ period: { month: '2026-03' } });
    expect(captain.total.counts.collected).toBe(7);
  });

  it('refuses a bad period with a message that says what to fix', async () => {
    await expect(fx.system.metrics.query({ period: { month: '2026-13' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('2026-01') });
    await expect(fx.system.metrics.query({ period: { from: '2026-03-31', to: '2026-03-01' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Swap') });
    await expect(fx.system.metrics.query({ period: { from: '2026-02-30', to: '2026-03-01' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
