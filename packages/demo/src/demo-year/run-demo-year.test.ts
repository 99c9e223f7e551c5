/**
 * The demo year on memory storage: one run of the default seed shared by every assertion, a
 * second run of it for determinism, and a run of another seed.
 */
import type { ServiceRequest, TimelineEntry } from '@kechuang/community';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemoYear, type DemoYear, type DemoYearStage } from './run-demo-year.js';

const END = new Date('2026-03-01T00:00:00+08:00');

async function rowsOf(year: DemoYear): Promise<{ requests: ServiceRequest[]; timelines: TimelineEntry[][] }> {
  const session = year.community.as({ kind: 'system', officeId: year.officeId });
  const requests: ServiceRequest[] = [];
  let cursor: string | undefined;
  do {
    const page = await session.requests.list({ order: 'oldest', limit: 500, ...(cursor ? { cursor } : {}) });
    requests.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const timelines: TimelineEntry[][] = [];
  for (const r of requests) timelines.push((await session.requests.get(r.id)).timeline);
  return { requests, timelines };
}

let year: DemoYear;
let again: DemoYear;
let other: DemoYear;
let rows: Awaited<ReturnType<typeof rowsOf>>;
const progress: { done: number; total: number; stage: DemoYearStage }[] = [];

beforeAll(async () => {
  year = await runDemoYear({ onProgress: (done, total, stage) => progress.push({ done, total, stage }) });
  again = await runDemoYear();
  other = await runDemoYear({ seed: 7 });
  rows = await rowsOf(year);
}, 180_000);

describe('runDemoYear', () => {
  it('leaves the clock at the end of the year, 2026-03-01 00:00 in Shanghai', () => {
    expect(year.clock.now()).toEqual(END);
    expect(year.period).toEqual({ from: new Date('2025-03-01T00:00:00+08:00'), to: END });
    expect(year.summary).toMatchObject({ from: '2025-02-28T16:00:00.000Z', to: '2026-02-28T16:00:00.000Z', seed: 20250301 });
  });

  it('collects about 460 requests (merged duplicates included) and resolves about 320', () => {
    const { summary } = year;
    expect(summary.collected).toBe(rows.requests.length);
    expect(summary.collected).toBeGreaterThanOrEqual(437);
    expect(summary.collected).toBeLessThanOrEqual(483);
    expect(summary.resolved).toBeGreaterThanOrEqual(304);
    expect(summary.resolved).toBeLessThanOrEqual(336);
    const resolved = rows.requests.filter((r) => r.status === 'closed' && (r.outcome === 'solved' || r.outcome === 'explained'));
    expect(resolved).toHaveLength(summary.resolved);
  });

  it('has plausible rates', () => {
    const { rates, followUpRatings } = year.summary;
    expect(rates.response).toBeGreaterThanOrEqual(0.95);
    expect(rates.resolution).toBeGreaterThanOrEqual(0.85);
    expect(rates.resolution).toBeLessThanOrEqual(0.92);
    expect(rates.satisfaction).toBeGreaterThanOrEqual(0.9);
    // Counting every follow-up call, the unsatisfied ones that led to a redo included.
    const calls = followUpRatings.satisfied + followUpRatings.basically_satisfied + followUpRatings.unsatisfied;
    expect((followUpRatings.satisfied + followUpRatings.basically_satisfied) / calls).toBeGreaterThanOrEqual(0.9);
  });

  it('replays every kind of event of the closed loop', () => {
    const { summary } = year;
    const { requests, timelines } = rows;
    const entries = timelines.flat();
    const has = (type: string): number => entries.filter((e) => e.type === type).length;
    expect(summary.visits).toBeGreaterThan(0);
    expect(Object.values(summary.byChannel).every((n) => n > 0)).toBe(true);
    expect(Object.keys(summary.byCategory).sort()).toEqual(['complaint', 'facilities', 'finance', 'legal', 'other', 'party', 'policy', 'public_services', 'safety', 'talent']);
    expect(summary.returns.redispatched).toBeGreaterThan(0);
    expect(summary.returns.overruled).toBeGreaterThan(0);
    expect(has('returned')).toBe(summary.returns.returned);
    expect(has('redispatched')).toBe(summary.returns.redispatched);
    expect(has('return_overruled')).toBe(summary.returns.overruled);
    expect(summary.lateSignFor).toBeGreaterThan(0);
    expect(has('paused')).toBe(summary.pauses);
    expect(summary.pauses).toBeGreaterThan(0);
    expect(has('extension_approved')).toBe(summary.extensions.approved);
    expect(has('extension_refused')).toBe(summary.extensions.refused);
    expect(summary.extensions.approved).toBeGreaterThan(0);
    expect(summary.extensions.refused).toBeGreaterThan(0);
    expect(requests.filter((r) => r.supervision !== null)).toHaveLength(summary.supervisions);
    expect(summary.supervisions).toBeGreaterThan(0);
    expect(has('redone')).toBe(summary.redos);
    expect(summary.redos).toBeGreaterThan(0);
    expect(requests.filter((r) => r.redoCount > 0 && r.status === 'closed').length).toBeGreaterThan(0);
    expect(summary.byStatus['withdrawn']).toBe(summary.withdrawn);
    expect(summary.withdrawn).toBeGreaterThan(0);
    const merged = requests.filter((r) => r.status === 'merged');
    expect(merged).toHaveLength(summary.merged);
    expect(summary.merged).toBeGreaterThan(0);
    const ids = new Set(requests.map((r) => r.id));
    expect(merged.every((r) => r.duplicateOfId !== null && ids.has(r.duplicateOfId) && r.enterpriseId !== null)).toBe(true);
    expect(summary.byOutcome.out_of_scope).toBeGreaterThan(0);
    expect(summary.byOutcome.unsolvable).toBeGreaterThan(0);
    expect(summary.byRating.unrated).toBe(summary.closedWithoutRating.unreachable + summary.closedWithoutRating.outOfScope);
    expect(summary.closedWithoutRating.unreachable).toBeGreaterThan(0);
  });

  it('lets the worker fire SLA reminders and escalations as time passes', () => {
    const { summary } = year;
    const escalated = rows.timelines.flat().filter((e) => e.type === 'escalated');
    expect(summary.timersFired.reminders).toBeGreaterThan(0);
    expect(summary.timersFired.escalations).toBeGreaterThan(0);
    expect(escalated.length).toBeGreaterThan(0);
    expect(escalated.every((e) => e.actor.kind === 'system')).toBe(true);
    expect(summary.escalated.level1 + summary.escalated.level2OrMore).toBe(rows.requests.filter((r) => r.escalationLevel > 0).length);
    expect(summary.escalated.level2OrMore).toBeGreaterThan(0);
    // An escalation fires once its deadline has passed.
    for (const e of escalated) expect(e.at.getTime()).toBeGreaterThanOrEqual(new Date(String(e.data['resolveDueAt'])).getTime());
  });

  it('leaves a handful of requests open at the end of the year', () => {
    expect(year.summary.stillOpen).toBeGreaterThan(0);
    expect(year.summary.stillOpen).toBeLessThanOrEqual(25);
  });

  it('has people act in office hours on working days, in time order, within the year', () => {
    const { calendar } = year;
    for (const timeline of rows.timelines) {
      const times = timeline.map((e) => e.at.getTime());
      expect(times).toEqual([...times].sort((a, b) => a - b));
      for (const entry of timeline) {
        expect(entry.at.getTime()).toBeLessThan(END.getTime());
        if (entry.actor.kind === 'member') expect(calendar.isWorkingTime(entry.at), `${entry.type} at ${entry.at.toISOString()}`).toBe(true);
      }
    }
    const inFestival = rows.requests.filter((r) => {
      const date = calendar.localDate(r.createdAt);
      return date >= '2026-02-15' && date <= '2026-02-23';
    });
    expect(inFestival).toEqual([]);
  });

  it('routes by the office config', () => {
    const routed = rows.requests.filter((r) => r.routing !== null);
    expect(routed).toHaveLength(rows.requests.length);
    const rules = new Set(routed.map((r) => r.routing?.ruleId ?? 'fallback'));
    for (const rule of ['legal_debts', 'talent_and_hiring', 'economic_matters', 'governance_matters', 'public_matters', 'party_matters', 'fallback']) expect(rules).toContain(rule);
    expect(rows.requests.filter((r) => r.channel === 'captain_report').every((r) => r.tags.includes('园区长上报'))).toBe(true);
    const legal = rows.requests.filter((r) => r.category === 'legal');
    expect(legal.length).toBeGreaterThan(0);
    expect(legal.every((r) => r.routing?.ruleId === 'legal_debts')).toBe(true);
    const safety = rows.requests.filter((r) => r.category === 'safety');
    expect(safety.every((r) => r.priority === 'urgent' && r.slaPolicy === 'urgent')).toBe(true);
  });

  it('reports its progress: the directory, then the 365 days of the year', () => {
    const stages = [...new Set(progress.map((p) => p.stage))];
    expect(stages).toEqual(['directory', 'year']);
    const last = progress.filter((p) => p.stage === 'directory').at(-1);
    expect(last?.done).toBe(last?.total);
    expect(progress.at(-1)).toEqual({ done: 365, total: 365, stage: 'year' });
    const days = progress.filter((p) => p.stage === 'year').map((p) => p.done);
    expect(days).toEqual([...days].sort((a, b) => a - b));
  });

  it('is deterministic: the same seed gives identical ids, rows, timelines and summary', async () => {
    expect(again.summary).toEqual(year.summary);
    expect(again.officeId).toBe(year.officeId);
    expect(await rowsOf(again)).toEqual(rows);
  });

  it('gives another seed a different but similar year', () => {
    expect(other.officeId).not.toBe(year.officeId);
    expect(other.summary).not.toEqual(year.summary);
    expect(other.summary.collected).toBeGreaterThanOrEqual(437);
    expect(other.summary.collected).toBeLessThanOrEqual(483);
    expect(other.summary.resolved).toBeGreaterThanOrEqual(304);
    expect(other.summary.resolved).toBeLessThanOrEqual(336);
    expect(other.summary.rates.response).toBeGreaterThanOrEqual(0.95);
  });
});
