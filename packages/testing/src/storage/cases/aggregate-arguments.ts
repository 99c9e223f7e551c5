import { it } from 'vitest';
import type { AggregateArgs } from '@kechuang/community';
import { createRecords, expectKechuangError, record, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

const BAD: readonly [string, Omit<AggregateArgs, 'model'>][] = [
  ['a percentile of a string field', { groupBy: [], percentiles: { p: { field: 'bucket', permille: 500 } } }],
  ['a percentile of a boolean field', { groupBy: [], percentiles: { p: { field: 'active', permille: 500 } } }],
  ['a percentile of a date field', { groupBy: [], percentiles: { p: { field: 'at', permille: 500 } } }],
  ['a percentile of a json field', { groupBy: [], percentiles: { p: { field: 'payload', permille: 500 } } }],
  ['a percentile of an unknown field', { groupBy: [], percentiles: { p: { field: 'nope', permille: 500 } } }],
  ['permille 0', { groupBy: [], percentiles: { p: { field: 'score', permille: 0 } } }],
  ['permille 1001', { groupBy: [], percentiles: { p: { field: 'score', permille: 1001 } } }],
  ['permille 1.5', { groupBy: [], percentiles: { p: { field: 'score', permille: 1.5 } } }],
  ['permille NaN', { groupBy: ['bucket'], percentiles: { p: { field: 'score', permille: Number.NaN } } }],
  ['an unknown field in a count', { groupBy: [], counts: { c: [{ field: 'nope', value: 1 }] } }],
  ['an unknown field in an OR group of a count', { groupBy: [], counts: { c: [{ or: [{ field: 'active', value: true }, { field: 'nope', value: 1 }] }] } }],
  ['eq null in a count', { groupBy: [], counts: { c: [{ field: 'note', value: null }] } }],
  ['a string compared with a number field in a count', { groupBy: [], counts: { c: [{ field: 'score', op: 'gt', value: '3' }] } }],
  ['a json field compared in a count', { groupBy: [], counts: { c: [{ field: 'payload', value: 'x' }] } }],
];

/** Bad counts and percentiles are refused with STORAGE_ERROR, whether or not there are rows. */
export function aggregateArgumentCases(ctx: ConformanceContext): void {
  it.each(BAD)('refuses %s with STORAGE_ERROR', async (what, args) => {
    await expectKechuangError(Promise.resolve().then(() => ctx.adapter.aggregate?.({ model: RECORD, ...args })), 'STORAGE_ERROR', `aggregate with ${what} on an empty table`);
    await createRecords(ctx.adapter, [record('r1', { score: 1 }), record('r2', { score: null })]);
    await expectKechuangError(Promise.resolve().then(() => ctx.adapter.aggregate?.({ model: RECORD, ...args })), 'STORAGE_ERROR', `aggregate with ${what}`);
  });
}
