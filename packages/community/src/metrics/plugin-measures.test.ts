import { beforeAll, describe, expect, it } from 'vitest';
import { shanghai } from '../__fixtures__/metrics-month.js';
import { thrown } from '../__fixtures__/expect-error.js';
import { smallOffice } from '../__fixtures__/small-office.js';
import { createCommunity } from '../community.js';
import { definePlugin } from '../plugins/define-plugin.js';
import type { PluginSetupContext } from '../plugins/plugin-context.js';
import { memoryStorage } from '../storage/memory-storage.js';
import type { StorageAdapter } from '../storage/types.js';
import { urgentMonth, type UrgentMonth } from './__fixtures__/urgent-month.js';
import type { MetricsQueryInput } from './metrics-input.js';
import type { MetricsResult } from './metrics-types.js';

const byPark = (result: MetricsResult, park: string) => result.rows.find((row) => row.labels.park?.code === park)?.measures;
const byMonth = (result: MetricsResult) => Object.fromEntries(result.rows.map((row) => [row.key.month, row.measures]));

describe('plugin measures in metrics.query', () => {
  let world: UrgentMonth;
  beforeAll(async () => {
    world = await urgentMonth();
  });

  it('counts each measure by its own date field, in total and per group, with zeros where nothing happened', async () => {
    const march = await world.fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['park'] });
    // Closed: only the urgent request closed in March (the withdrawn one is not `closed`, the
    // normal one not urgent, the April one closed later). Received and flagged: the four urgent
    // requests submitted in March.
    expect(march.total.measures).toEqual({ 'urgent.closed': 1, 'urgent.received': 4, 'urgent.flagged': 4 });
    expect(byPark(march, 'P01')).toEqual({ 'urgent.closed': 1, 'urgent.received': 2, 'urgent.flagged': 2 });
    expect(byPark(march, 'P02')).toEqual({ 'urgent.closed': 0, 'urgent.received': 2, 'urgent.flagged': 2 });
    // The core's figures are untouched by the plugin.
    expect(march.total.counts.collected).toBe(5);

    const april = await world.fx.system.metrics.query({ period: { month: '2026-04' } });
    expect(april.total.measures).toEqual({ 'urgent.closed': 1, 'urgent.received': 0, 'urgent.flagged': 0 });
  });

  it('shows every month of a month breakdown, and the total is the sum of the months', async () => {
    const quarter = await world.fx.system.metrics.query({ period: { quarter: '2026-Q1' }, groupBy: ['month'] });
    expect(byMonth(quarter)).toEqual({
      '2026-01': { 'urgent.closed': 0, 'urgent.received': 0, 'urgent.flagged': 0 },
      '2026-02': { 'urgent.closed': 1, 'urgent.received': 1, 'urgent.flagged': 1 },
      '2026-03': { 'urgent.closed': 1, 'urgent.received': 4, 'urgent.flagged': 4 },
    });
    expect(quarter.total.measures).toEqual({ 'urgent.closed': 2, 'urgent.received': 5, 'urgent.flagged': 5 });
  });

  it('lists the measures with their labels and fields', async () => {
    const result = await world.fx.system.metrics.query({ period: { month: '2026-03' } });
    expect(result.measures).toEqual({
      'urgent.closed': { field: 'closedAt', label: { 'zh-CN': '紧急诉求办结数', en: 'Urgent requests closed' } },
      'urgent.received': { field: 'createdAt', label: { 'zh-CN': '紧急诉求受理数', en: 'Urgent requests received' } },
      'urgent.flagged': { field: 'urgentFlaggedAt', label: { 'zh-CN': '紧急标记数', en: 'Urgent requests flagged' } },
    });
  });

  it('gives the same figures pushed down to the adapter and computed from fetched rows', async () => {
    const queries: MetricsQueryInput[] = [
      { period: { month: '2026-03' } },
      { period: { month: '2026-03' }, groupBy: ['park', 'channel'] },
      { period: { quarter: '2026-Q2' }, groupBy: ['month', 'park'] },
      { period: { from: '2026-02-01', to: '2026-04-30' }, groupBy: ['assignee'] },
    ];
    for (const query of queries) {
      const { evaluation: pushed, ...database } = await world.fx.system.metrics.query({ ...query, evaluation: 'database' });
      const { evaluation: fetched, ...inMemory } = await world.fx.system.metrics.query({ ...query, evaluation: 'in_memory' });
      expect([pushed, fetched]).toEqual(['database', 'in_memory']);
      expect(inMemory).toEqual(database);
    }
  });

  it('counts nothing that happened after asOf', async () => {
    const result = await world.fx.system.metrics.query({ period: { month: '2026-03' }, asOf: shanghai('2026-03-04T10:30:00') });
    expect(result.total.measures).toEqual({ 'urgent.closed': 0, 'urgent.received': 4, 'urgent.flagged': 4 });
  });

  it('counts only the requests the actor may see, and honours the filter', async () => {
    const captain = await world.fx.as(world.fx.members.otherCaptain.id).metrics.query({ period: { month: '2026-03' } });
    expect(captain.total.measures).toEqual({ 'urgent.closed': 0, 'urgent.received': 2, 'urgent.flagged': 2 });
    const filtered = await world.fx.system.metrics.query({ period: { month: '2026-03' }, filter: { parkId: [world.fx.park1.id] } });
    expect(filtered.total.measures).toEqual({ 'urgent.closed': 1, 'urgent.received': 2, 'urgent.flagged': 2 });
  });

  it('computes from rows when the adapter cannot aggregate', async () => {
    const memory = memoryStorage();
    const { aggregate: _aggregate, ...rest } = memory;
    const plain: StorageAdapter = { ...rest, capabilities: { ...memory.capabilities, aggregate: false } };
    const { fx } = await urgentMonth({ storage: plain });
    const result = await fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['park'] });
    expect(result.evaluation).toBe('in_memory');
    expect(result.total.measures).toEqual({ 'urgent.closed': 1, 'urgent.received': 4, 'urgent.flagged': 4 });
  });

  it('has empty measures without plugins', async () => {
    const fx = await smallOffice();
    const result = await fx.system.metrics.query({ period: { month: '2026-03' }, groupBy: ['month'] });
    expect(result.measures).toEqual({});
    expect(result.total.measures).toEqual({});
    expect(result.rows.every((row) => Object.keys(row.measures).length === 0)).toBe(true);
  });
});

type Measure = Parameters<PluginSetupContext<unknown, Record<string, unknown>>['metrics']['measure']>[0];

const measuring = (id: string, measures: Measure[], fields: Record<string, { type: 'date' | 'json' | 'string'; nullable: true }> = {}) =>
  definePlugin({
    id,
    schema: { fields: { request: fields } },
    setup: ({ metrics }) => measures.forEach((m) => metrics.measure(m)),
  })();

const label = { 'zh-CN': '计数', en: 'Count' };

describe('checking measures at createCommunity', () => {
  it('accepts a date field of the core or of any plugin', () => {
    const stamps = measuring('stamps', [{ name: 'stamps.stamped', label, field: 'stampsAt' }], { stampsAt: { type: 'date', nullable: true } });
    const reader = measuring('reader', [
      { name: 'reader.stamped', label, field: 'stampsAt', where: [{ field: 'priority', value: 'urgent' }] },
      { name: 'reader.supervised', label, field: 'supervisedAt', where: [{ or: [{ field: 'escalationLevel', op: 'gte', value: 1 }, { field: 'stampsAt', op: 'is_not_null' }] }] },
    ]);
    expect(createCommunity({ storage: memoryStorage(), plugins: [stamps, reader] }).plugins.map((p) => p.id)).toEqual(['stamps', 'reader']);
  });

  it('refuses a field that is not a date, or not a field, naming the plugin and the field, all at once', () => {
    const error = thrown(
      () =>
        createCommunity({
          storage: memoryStorage(),
          plugins: [
            measuring(
              'bad',
              [
                { name: 'bad.titles', label, field: 'title' },
                { name: 'bad.ghost', label, field: 'closedOn' },
                { name: 'bad.notes', label, field: 'badNotes' },
              ],
              { badNotes: { type: 'json', nullable: true } },
            ),
          ],
        }),
      'PLUGIN_ERROR',
    );
    expect(error.message).toContain("plugin 'bad' counts the metrics measure 'bad.titles' by the string field 'title'");
    expect(error.message).toContain("plugin 'bad' counts the metrics measure 'bad.ghost' by 'closedOn', which is not a field of the request");
    expect(error.message).toContain("plugin 'bad' counts the metrics measure 'bad.notes' by the json field 'badNotes'");
    expect(error.details['problems']).toHaveLength(3);
  });

  it('refuses a where-clause the storage would refuse, and a missing label', () => {
    const error = thrown(
      () =>
        createCommunity({
          storage: memoryStorage(),
          plugins: [
            measuring('bad', [
              { name: 'bad.unknown', label, field: 'closedAt', where: [{ field: 'urgency', value: 'high' }] },
              { name: 'bad.typed', label, field: 'closedAt', where: [{ field: 'closedAt', op: 'gte', value: '2026-01-01' }] },
              { name: 'bad.unlabelled', label: { 'zh-CN': '', en: 'Count' }, field: 'closedAt' },
            ]),
          ],
        }),
      'PLUGIN_ERROR',
    );
    expect(error.message).toMatch(/'bad\.unknown' a where-clause the storage refuses: Unknown field "urgency"/);
    expect(error.message).toMatch(/'bad\.typed' a where-clause the storage refuses: .*closedAt/);
    expect(error.message).toContain("plugin 'bad' must give the metrics measure 'bad.unlabelled' a label in both zh-CN and en");
  });

  it('refuses a measure named outside the plugin namespace', () => {
    const error = thrown(() => createCommunity({ storage: memoryStorage(), plugins: [measuring('mine', [{ name: 'theirs.count', label, field: 'closedAt' }])] }), 'PLUGIN_ERROR');
    expect(error.message).toContain("plugin 'mine' must name its metrics measure 'theirs.count' as 'mine.<name>'");
  });
});
