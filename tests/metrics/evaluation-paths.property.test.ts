import fc from 'fast-check';
import { isKechuangError, type CommunitySession, type MetricsDimension, type MetricsQueryInput, type MetricsResult, type ServiceRequest, type StorageAdapter } from '@kechuang/community';
import { postgresStorage } from '@kechuang/storage-postgres';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routingConfig } from '../../packages/community/src/__fixtures__/routing-config.js';
import { smallOffice, submission, type SmallOffice } from '../../packages/community/src/__fixtures__/small-office.js';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from '../../packages/storage-postgres/src/pg-test-database.js';

/**
 * Random histories through the real pipeline, replayed on the in-memory adapter, SQLite and
 * PostgreSQL with the same clock and ids. On each, metrics pushed down to the database and
 * metrics computed from fetched rows must be identical, and identical across the adapters.
 */

const NUM_RUNS = Number(process.env['KECHUANG_PROPERTY_RUNS'] ?? 20);
const MINUTE = 60_000;
const EXPECTED = new Set(['INVALID_TRANSITION', 'FORBIDDEN', 'VALIDATION_FAILED', 'CONFLICT', 'NOT_FOUND']);

type Step =
  | { kind: 'submit'; place: number }
  | { kind: 'wait'; minutes: number }
  | { kind: 'accept' | 'return' | 'redispatch' | 'supervise' | 'extend' | 'pause' | 'resume' | 'close' | 'withdraw'; target: number; flag: boolean }
  | { kind: 'reply'; target: number; outcome: 'solved' | 'explained' | 'unsolvable' | 'out_of_scope' }
  | { kind: 'followUp'; target: number; rating: 'satisfied' | 'basically_satisfied' | 'unsatisfied'; redo: boolean }
  | { kind: 'merge'; target: number; other: number }
  | { kind: 'progress'; target: number; choice: number };

const target = fc.nat({ max: 40 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('submit' as const), place: fc.nat({ max: 2 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('wait' as const), minutes: fc.integer({ min: 10, max: 24 * 60 }) }) },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constantFrom('accept', 'accept', 'return', 'redispatch', 'supervise', 'extend', 'pause', 'resume', 'close', 'withdraw') as fc.Arbitrary<'accept'>,
      target,
      flag: fc.boolean(),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('reply' as const), target, outcome: fc.constantFrom('solved', 'solved', 'explained', 'unsolvable', 'out_of_scope') as fc.Arbitrary<'solved'> }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('followUp' as const), target, rating: fc.constantFrom('satisfied', 'basically_satisfied', 'unsatisfied') as fc.Arbitrary<'satisfied'>, redo: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), target, other: target }) },
  // Moves a request one step further round the loop, so that histories reach conclusions.
  { weight: 30, arbitrary: fc.record({ kind: fc.constant('progress' as const), target, choice: fc.nat({ max: 99 }) }) },
);

/** The natural next step of a request in `status`; `choice` picks outcomes and ratings. */
function nextStep(status: string, t: number, choice: number): Step | null {
  const outcomes = ['solved', 'solved', 'solved', 'explained', 'unsolvable', 'out_of_scope'] as const;
  const ratings = ['satisfied', 'satisfied', 'basically_satisfied', 'unsatisfied'] as const;
  switch (status) {
    case 'assigned':
      return { kind: 'accept', target: t, flag: false };
    case 'accepted':
    case 'in_progress':
      return { kind: 'reply', target: t, outcome: outcomes[choice % outcomes.length] ?? 'solved' };
    case 'paused':
      return { kind: 'resume', target: t, flag: false };
    case 'replied':
      return { kind: 'followUp', target: t, rating: ratings[choice % ratings.length] ?? 'satisfied', redo: choice % 3 !== 0 };
    case 'returned':
      return { kind: 'redispatch', target: t, flag: choice % 2 === 0 };
    default:
      return null;
  }
}

const dimension = fc.constantFrom<MetricsDimension>('park', 'category', 'assignee', 'team', 'channel', 'community', 'portfolio', 'month');
const query: fc.Arbitrary<MetricsQueryInput> = fc.record({
  period: fc.constantFrom<MetricsQueryInput['period']>({ month: '2026-03' }, { month: '2026-04' }, { quarter: '2026-Q1' }, { from: '2026-03-10', to: '2026-04-20' }),
  groupBy: fc.uniqueArray(dimension, { maxLength: 2 }),
});

interface World {
  fx: SmallOffice;
  ids: string[];
}

async function world(storage: StorageAdapter): Promise<World> {
  const fx = await smallOffice({ storage });
  const config = routingConfig();
  config.slaPolicies = [
    { id: 'assistance', labels: { 'zh-CN': '求助类', en: 'Assistance' }, respond: { workingHours: 4 }, resolve: { workingDays: 5 }, extension: { approvers: ['station_head'], maxWorkingDays: 10 } },
  ];
  config.defaultSla = 'assistance';
  await fx.system.config.update(config);
  fx.clock.set(new Date('2026-03-02T09:00:00+08:00'));
  return { fx, ids: [] };
}

async function apply(w: World, s: Step): Promise<string> {
  const { fx } = w;
  if (s.kind === 'wait') {
    fx.clock.advance(s.minutes * MINUTE);
    return 'ok';
  }
  if (s.kind === 'submit') {
    const extra = [{}, { enterpriseId: fx.ent2.id, category: 'policy', channel: 'visit' as const }, { enterpriseId: null, category: 'other', channel: 'online' as const }][s.place];
    w.ids.push((await fx.system.requests.submit(submission(fx, extra))).id);
    return 'ok';
  }
  const id = w.ids[s.target % Math.max(1, w.ids.length)];
  if (id === undefined) return 'none';
  const request: ServiceRequest = (await fx.system.requests.get(id)).request;
  if (s.kind === 'progress') {
    const next = nextStep(request.status, s.target, s.choice);
    return next ? apply(w, next) : 'done';
  }
  const lead: CommunitySession = fx.as(request.assigneeId ?? fx.members.lead.id);
  const head = fx.as(fx.members.stationHead.id);
  try {
    switch (s.kind) {
      case 'accept': await lead.requests.accept({ requestId: id }); break;
      case 'return': await lead.requests.return({ requestId: id, reason: '不属于本人' }); break;
      case 'redispatch': await head.requests.redispatch({ requestId: id, assigneeId: s.flag ? fx.members.lead.id : fx.members.assisting.id }); break;
      case 'supervise': await fx.as(fx.members.officeStaff.id).requests.supervise({ requestId: id }); break;
      case 'extend':
        await lead.requests.requestExtension({ requestId: id, workingDays: 2, reason: '等待材料' });
        await head.requests.decideExtension({ requestId: id, approve: s.flag });
        break;
      case 'pause': await lead.requests.start({ requestId: id }).catch(() => undefined); await lead.requests.pause({ requestId: id, reason: '等待企业补充材料' }); break;
      case 'resume': await lead.requests.resume({ requestId: id }); break;
      case 'close': await fx.system.requests.close({ requestId: id }); break;
      case 'withdraw': await fx.system.requests.withdraw({ requestId: id, reason: '企业撤回' }); break;
      case 'reply': await lead.requests.reply({ requestId: id, outcome: s.outcome, note: '已办理' }); break;
      case 'followUp': await fx.system.requests.followUp({ requestId: id, rating: s.rating, redo: s.redo }); break;
      case 'merge': await fx.system.requests.merge({ requestId: id, duplicateOfId: w.ids[s.other % w.ids.length] ?? id }); break;
    }
    return 'ok';
  } catch (error) {
    if (isKechuangError(error) && EXPECTED.has(error.code)) return error.code;
    throw error;
  }
}

const strip = ({ evaluation: _e, ...rest }: MetricsResult): Omit<MetricsResult, 'evaluation'> => rest;

describe('metrics: the database and in-memory paths agree on random histories', () => {
  let pgReady = false;
  const schemas: string[] = [];
  beforeAll(async () => {
    pgReady = await probeDatabase('tests/metrics/evaluation-paths.property.test.ts');
  });
  afterAll(async () => {
    for (const schema of schemas) await dropSchema(schema);
  });

  it('memory, SQLite and PostgreSQL, pushed down and from rows: one answer', async () => {
    let histories = 0;
    let commands = 0;
    let comparisons = 0;
    let succeeded = 0;
    let concluded = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 40, maxLength: 120 }), fc.array(query, { minLength: 1, maxLength: 3 }), async (steps, queries) => {
        const storages: StorageAdapter[] = [sqliteStorage({ filename: ':memory:' })];
        if (pgReady) {
          const schema = freshSchemaName();
          schemas.push(schema);
          storages.push(postgresStorage({ connectionString, schema, max: 2 }));
        }
        const worlds = [await world((await import('@kechuang/community')).memoryStorage()), ...(await Promise.all(storages.map(world)))];
        try {
          for (const s of steps) {
            const results = await Promise.all(worlds.map((w) => apply(w, s)));
            // Same history everywhere: a command that fails fails on every adapter alike.
            expect(new Set(results).size).toBe(1);
            commands += 1;
            if (results[0] === 'ok' && s.kind !== 'wait') succeeded += 1;
          }
          for (const q of queries) {
            const answers: Omit<MetricsResult, 'evaluation'>[] = [];
            for (const w of worlds) {
              answers.push(strip(await w.fx.system.metrics.query({ ...q, evaluation: 'database' })));
              answers.push(strip(await w.fx.system.metrics.query({ ...q, evaluation: 'in_memory' })));
            }
            for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
            concluded += answers[0]?.total.counts.concluded ?? 0;
            comparisons += answers.length - 1;
          }
          histories += 1;
        } finally {
          await Promise.all(storages.map((s) => s.close?.()));
        }
      }),
      { numRuns: NUM_RUNS },
    );
    console.log(
      `[metrics paths] ${histories} random histories, ${commands} steps (${succeeded} commands that changed a request) on each of ${pgReady ? 'memory, SQLite and PostgreSQL' : 'memory and SQLite'}; ` +
        `${comparisons} results compared, all identical; ${concluded} concluded requests counted across the queries`,
    );
    // The histories must reach the far end of the loop, or the comparison proves little.
    expect(concluded).toBeGreaterThan(0);
  }, 300_000);
});
