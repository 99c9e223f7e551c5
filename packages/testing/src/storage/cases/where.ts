import { beforeEach, expect, it } from 'vitest';
import type { Where } from '@kechuang/community';
import { at, createRecords, record, sortedIds, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

const ALL = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6'];

const ROWS = [
  record('w1', {
    title: 'Alpha',
    note: 'first note',
    amount: 10,
    score: 1.5,
    active: true,
    flagged: true,
    at: at('2024-01-01T00:00:00.000Z'),
    due: at('2024-02-01T00:00:00.000Z'),
    extra: { k: 1 },
    bucket: 'x',
    rank: 1,
  }),
  record('w2', {
    title: 'alpha',
    note: null,
    amount: -5,
    score: null,
    active: false,
    flagged: null,
    at: at('2024-01-02T00:00:00.000Z'),
    due: null,
    bucket: 'x',
    rank: 2,
  }),
  record('w3', {
    title: '100% pure',
    note: 'a_b',
    amount: 0,
    score: 0,
    active: true,
    flagged: false,
    at: at('2024-01-03T00:00:00.000Z'),
    due: at('2024-03-01T00:00:00.000Z'),
    bucket: 'y',
    rank: 3,
  }),
  record('w4', {
    title: '100 pure',
    note: 'aXb',
    amount: 2.5,
    score: -1,
    active: false,
    flagged: true,
    at: at('2024-01-04T00:00:00.000Z'),
    due: null,
    bucket: 'y',
    rank: 4,
  }),
  record('w5', {
    title: '科创社区服务',
    note: '企业诉求',
    amount: 1000,
    score: 99,
    active: true,
    flagged: null,
    at: at('2024-01-05T00:00:00.000Z'),
    due: at('2024-01-10T00:00:00.000Z'),
    bucket: 'z',
    rank: 5,
  }),
  record('w6', {
    title: 'beta_test\\dir',
    note: 'Beta',
    amount: 10,
    score: 2,
    active: false,
    flagged: false,
    at: at('2024-01-06T00:00:00.000Z'),
    due: null,
    bucket: 'z',
    rank: 6,
  }),
];

function label(where: Where): string {
  return JSON.stringify(where);
}

/** Checks findMany, count and findOne agree on which rows `where` selects. */
async function expectMatches(ctx: ConformanceContext, where: Where, expected: readonly string[]): Promise<void> {
  const rows = await ctx.adapter.findMany({ model: RECORD, where });
  expect(sortedIds(rows), `findMany where ${label(where)}`).toStrictEqual([...expected].sort());
  expect(await ctx.adapter.count({ model: RECORD, where }), `count where ${label(where)}`).toBe(expected.length);
  const one = await ctx.adapter.findOne({ model: RECORD, where });
  if (expected.length === 0) expect(one, `findOne where ${label(where)}`).toBeNull();
  else expect(expected, `findOne where ${label(where)}`).toContain(one?.['id']);
}

/** Every WhereOperator, SQL null semantics, literal LIKE characters, AND and OR groups. */
export function whereCases(ctx: ConformanceContext): void {
  beforeEach(() => createRecords(ctx.adapter, ROWS));

  it('eq (the default operator) matches strings case-sensitively, numbers, booleans and dates', async () => {
    await expectMatches(ctx, [{ field: 'title', value: 'Alpha' }], ['w1']);
    await expectMatches(ctx, [{ field: 'title', op: 'eq', value: 'alpha' }], ['w2']);
    await expectMatches(ctx, [{ field: 'title', value: '科创社区服务' }], ['w5']);
    await expectMatches(ctx, [{ field: 'amount', value: 10 }], ['w1', 'w6']);
    await expectMatches(ctx, [{ field: 'score', value: 1.5 }], ['w1']);
    await expectMatches(ctx, [{ field: 'active', value: true }], ['w1', 'w3', 'w5']);
    await expectMatches(ctx, [{ field: 'at', value: at('2024-01-02T00:00:00.000Z') }], ['w2']);
  });

  it('ne excludes the value and every row whose field is null (SQL semantics)', async () => {
    await expectMatches(ctx, [{ field: 'amount', op: 'ne', value: 10 }], ['w2', 'w3', 'w4', 'w5']);
    await expectMatches(ctx, [{ field: 'note', op: 'ne', value: 'Beta' }], ['w1', 'w3', 'w4', 'w5']);
    await expectMatches(ctx, [{ field: 'flagged', op: 'ne', value: true }], ['w3', 'w6']);
  });

  it('lt, lte, gt and gte compare numbers numerically (not as text)', async () => {
    await expectMatches(ctx, [{ field: 'amount', op: 'lt', value: 0 }], ['w2']);
    await expectMatches(ctx, [{ field: 'amount', op: 'lte', value: 0 }], ['w2', 'w3']);
    await expectMatches(ctx, [{ field: 'amount', op: 'gt', value: 10 }], ['w5']);
    await expectMatches(ctx, [{ field: 'amount', op: 'gte', value: 10 }], ['w1', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'amount', op: 'gt', value: 9 }], ['w1', 'w5', 'w6']);
    await expectMatches(
      ctx,
      [
        { field: 'amount', op: 'gt', value: 2.4 },
        { field: 'amount', op: 'lt', value: 2.6 },
      ],
      ['w4']
    );
  });

  it('lt, lte, gt and gte compare dates by time, to the millisecond', async () => {
    await expectMatches(ctx, [{ field: 'at', op: 'lt', value: at('2024-01-03T00:00:00.000Z') }], ['w1', 'w2']);
    await expectMatches(ctx, [{ field: 'at', op: 'lte', value: at('2024-01-01T00:00:00.000Z') }], ['w1']);
    await expectMatches(ctx, [{ field: 'at', op: 'gt', value: at('2024-01-03T00:00:00.000Z') }], ['w4', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'at', op: 'gte', value: at('2024-01-05T00:00:00.000Z') }], ['w5', 'w6']);
    await expectMatches(
      ctx,
      [
        { field: 'at', op: 'gt', value: at('2024-01-01T23:59:59.999Z') },
        { field: 'at', op: 'lt', value: at('2024-01-02T00:00:00.001Z') },
      ],
      ['w2']
    );
    await expectMatches(ctx, [{ field: 'due', op: 'gt', value: at('2024-01-31T00:00:00.000Z') }], ['w1', 'w3']);
  });

  it('lt, lte, gt and gte compare strings in binary order and booleans as false < true', async () => {
    await expectMatches(ctx, [{ field: 'title', op: 'gte', value: 'a' }], ['w2', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'title', op: 'lt', value: 'B' }], ['w1', 'w3', 'w4']);
    await expectMatches(ctx, [{ field: 'title', op: 'gt', value: 'alpha' }], ['w5', 'w6']);
    await expectMatches(ctx, [{ field: 'active', op: 'gt', value: false }], ['w1', 'w3', 'w5']);
    await expectMatches(ctx, [{ field: 'active', op: 'lt', value: true }], ['w2', 'w4', 'w6']);
  });

  it('comparisons against a null field never match', async () => {
    await expectMatches(ctx, [{ field: 'score', op: 'lt', value: 100 }], ['w1', 'w3', 'w4', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'score', op: 'gte', value: -100 }], ['w1', 'w3', 'w4', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'score', op: 'ne', value: 0 }], ['w1', 'w4', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'due', op: 'lte', value: at('2099-01-01T00:00:00.000Z') }], ['w1', 'w3', 'w5']);
    await expectMatches(ctx, [{ field: 'flagged', op: 'in', value: [true, false] }], ['w1', 'w3', 'w4', 'w6']);
  });

  it('in matches any listed value; an empty in matches nothing', async () => {
    await expectMatches(ctx, [{ field: 'amount', op: 'in', value: [10, 0] }], ['w1', 'w3', 'w6']);
    await expectMatches(ctx, [{ field: 'bucket', op: 'in', value: ['x', 'z'] }], ['w1', 'w2', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'title', op: 'in', value: ['Alpha', 'missing'] }], ['w1']);
    await expectMatches(
      ctx,
      [{ field: 'at', op: 'in', value: [at('2024-01-01T00:00:00.000Z'), at('2024-01-06T00:00:00.000Z')] }],
      ['w1', 'w6']
    );
    await expectMatches(ctx, [{ field: 'id', op: 'in', value: [] }], []);
    await expectMatches(ctx, [{ field: 'note', op: 'in', value: [] }], []);
  });

  it('not_in excludes the listed values and null fields; an empty not_in matches every row, nulls included', async () => {
    await expectMatches(ctx, [{ field: 'amount', op: 'not_in', value: [10] }], ['w2', 'w3', 'w4', 'w5']);
    await expectMatches(ctx, [{ field: 'note', op: 'not_in', value: ['Beta'] }], ['w1', 'w3', 'w4', 'w5']);
    await expectMatches(ctx, [{ field: 'bucket', op: 'not_in', value: ['x', 'y', 'z'] }], []);
    await expectMatches(ctx, [{ field: 'note', op: 'not_in', value: [] }], ALL);
    await expectMatches(ctx, [{ field: 'flagged', op: 'not_in', value: [] }], ALL);
  });

  it('contains and starts_with are case-sensitive and work on Chinese text', async () => {
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: 'pha' }], ['w1', 'w2']);
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: 'PHA' }], []);
    await expectMatches(ctx, [{ field: 'title', op: 'starts_with', value: 'alp' }], ['w2']);
    await expectMatches(ctx, [{ field: 'title', op: 'starts_with', value: 'Alp' }], ['w1']);
    await expectMatches(ctx, [{ field: 'title', op: 'starts_with', value: 'pha' }], []);
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: '社区' }], ['w5']);
    await expectMatches(ctx, [{ field: 'note', op: 'contains', value: 'a' }], ['w3', 'w4', 'w6']);
  });

  it('contains and starts_with take % and _ literally (SQL adapters must escape LIKE patterns)', async () => {
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: '%' }], ['w3']);
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: '0%' }], ['w3']);
    await expectMatches(ctx, [{ field: 'title', op: 'starts_with', value: '100%' }], ['w3']);
    await expectMatches(ctx, [{ field: 'title', op: 'starts_with', value: '100 ' }], ['w4']);
    await expectMatches(ctx, [{ field: 'note', op: 'contains', value: '_' }], ['w3']);
    await expectMatches(ctx, [{ field: 'note', op: 'starts_with', value: 'a_' }], ['w3']);
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: '%_%' }], []);
  });

  it('contains and starts_with take backslashes literally', async () => {
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: '\\' }], ['w6']);
    await expectMatches(ctx, [{ field: 'title', op: 'contains', value: 'test\\d' }], ['w6']);
    await expectMatches(ctx, [{ field: 'title', op: 'starts_with', value: 'beta_test\\' }], ['w6']);
    await expectMatches(ctx, [{ field: 'note', op: 'contains', value: '\\' }], []);
  });

  it('is_null and is_not_null work on every field type', async () => {
    await expectMatches(ctx, [{ field: 'note', op: 'is_null' }], ['w2']);
    await expectMatches(ctx, [{ field: 'score', op: 'is_null' }], ['w2']);
    await expectMatches(ctx, [{ field: 'flagged', op: 'is_null' }], ['w2', 'w5']);
    await expectMatches(ctx, [{ field: 'due', op: 'is_null' }], ['w2', 'w4', 'w6']);
    await expectMatches(ctx, [{ field: 'extra', op: 'is_null' }], ['w2', 'w3', 'w4', 'w5', 'w6']);
    await expectMatches(ctx, [{ field: 'extra', op: 'is_not_null' }], ['w1']);
    await expectMatches(ctx, [{ field: 'flagged', op: 'is_not_null' }], ['w1', 'w3', 'w4', 'w6']);
    await expectMatches(ctx, [{ field: 'title', op: 'is_null' }], []);
    await expectMatches(ctx, [{ field: 'id', op: 'is_not_null' }], ALL);
  });

  it('an empty where, or none at all, matches every row', async () => {
    await expectMatches(ctx, [], ALL);
    expect(sortedIds(await ctx.adapter.findMany({ model: RECORD }))).toStrictEqual(ALL);
    expect(await ctx.adapter.count({ model: RECORD })).toBe(ALL.length);
  });

  it('conditions are ANDed', async () => {
    await expectMatches(
      ctx,
      [
        { field: 'active', value: true },
        { field: 'amount', op: 'gte', value: 10 },
      ],
      ['w1', 'w5']
    );
    await expectMatches(
      ctx,
      [
        { field: 'active', value: true },
        { field: 'amount', op: 'gte', value: 10 },
        { field: 'bucket', value: 'x' },
      ],
      ['w1']
    );
  });

  it('an OR group matches rows meeting any of its conditions', async () => {
    await expectMatches(
      ctx,
      [
        {
          or: [
            { field: 'title', value: 'Alpha' },
            { field: 'amount', op: 'lt', value: 0 },
          ],
        },
      ],
      ['w1', 'w2']
    );
    await expectMatches(
      ctx,
      [
        {
          or: [
            { field: 'note', value: 'Beta' },
            { field: 'score', op: 'is_null' },
          ],
        },
      ],
      ['w2', 'w6']
    );
    await expectMatches(ctx, [{ or: [{ field: 'bucket', value: 'y' }] }], ['w3', 'w4']);
  });

  it('an OR group is ANDed with the other conditions, wherever it appears', async () => {
    const group = {
      or: [
        { field: 'note', op: 'contains' as const, value: '_' },
        { field: 'score', op: 'lt' as const, value: 0 },
      ],
    };
    await expectMatches(ctx, [{ field: 'bucket', value: 'y' }, group], ['w3', 'w4']);
    await expectMatches(ctx, [group, { field: 'bucket', value: 'y' }], ['w3', 'w4']);
    await expectMatches(ctx, [{ field: 'bucket', value: 'y' }, { field: 'active', value: true }, group], ['w3']);
  });

  it('several OR groups must each hold', async () => {
    await expectMatches(
      ctx,
      [
        {
          or: [
            { field: 'bucket', value: 'x' },
            { field: 'bucket', value: 'y' },
          ],
        },
        {
          or: [
            { field: 'active', value: true },
            { field: 'flagged', op: 'is_null' },
          ],
        },
      ],
      ['w1', 'w2', 'w3']
    );
  });

  it('OR groups keep null semantics, and an empty OR group matches nothing', async () => {
    await expectMatches(
      ctx,
      [
        {
          or: [
            { field: 'note', op: 'ne', value: 'Beta' },
            { field: 'score', op: 'gt', value: 50 },
          ],
        },
      ],
      ['w1', 'w3', 'w4', 'w5']
    );
    await expectMatches(ctx, [{ or: [] }], []);
  });
}
