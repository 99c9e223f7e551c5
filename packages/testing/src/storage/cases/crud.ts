import { expect, it } from 'vitest';
import type { JsonValue, Row } from '@kechuang/community';
import { at, byId, createRecords, expectSameRow, record, type ConformanceContext } from '../conformance-helpers.js';
import { RECORD } from '../conformance-schema.js';

const STRINGS = [
  'plain ASCII',
  '科创社区服务站：企业诉求直通车',
  'emoji 🚀👩‍💻🇨🇳 mixed with 中文',
  '',
  `quotes ' " \` and a \\ backslash`,
  'line\nbreak\ttab\r\n',
  '100% _literal_ % and _',
  '  leading and trailing spaces  ',
  '\u00e9 (precomposed) vs e\u0301 (combining)',
];

const NUMBERS = [0, 1, -1, 42, -273.15, 3.141592653589793, 0.1 + 0.2, 1e-7, 123456.789, 9007199254740991, -9007199254740991];

const DATES = [
  '2024-02-29T23:59:59.123Z',
  '1970-01-01T00:00:00.000Z',
  '1969-07-20T20:17:40.001Z',
  '2099-12-31T23:59:59.999Z',
  '2024-06-01T08:00:00.007Z',
];

const JSON_VALUES: JsonValue[] = [
  { office: '梦创街道', tags: ['企业', 'policy'], nested: { deep: { deeper: [1, 2.5, -3, { x: null }] } }, ok: true, none: null },
  [1, 'two', null, false, { three: [3] }, []],
  {},
  [],
  'just a string',
  12.5,
  true,
  { emoji: '🚀', quote: 'a "quoted" \\ value', empty: '' },
];

async function roundTrip(ctx: ConformanceContext, row: Row): Promise<void> {
  const created = await ctx.adapter.create({ model: RECORD, data: row });
  expectSameRow(created, row);
  const found = await ctx.adapter.findOne({ model: RECORD, where: byId(String(row['id'])) });
  expectSameRow(found, row);
}

/** Every field type survives create → findOne → findMany unchanged, and rows are copies. */
export function crudCases(ctx: ConformanceContext): void {
  it('round-trips strings: Chinese text, emoji, quotes, backslashes, control characters, the empty string', async () => {
    for (const [i, text] of STRINGS.entries()) await roundTrip(ctx, record(`s${i}`, { title: text, note: text }));
  });

  it('round-trips numbers: zero, negatives, floats, the largest safe integers', async () => {
    for (const [i, value] of NUMBERS.entries()) await roundTrip(ctx, record(`n${i}`, { amount: value, score: value }));
  });

  it('round-trips booleans, in required and nullable fields', async () => {
    await roundTrip(ctx, record('b1', { active: true, flagged: true }));
    await roundTrip(ctx, record('b2', { active: false, flagged: false }));
    await roundTrip(ctx, record('b3', { active: true, flagged: null }));
  });

  it('round-trips dates with millisecond precision, before and after 1970, as Date objects', async () => {
    for (const [i, iso] of DATES.entries()) await roundTrip(ctx, record(`d${i}`, { at: at(iso), due: at(iso) }));
  });

  it('round-trips JSON: nested objects and arrays, nulls inside, empty containers, scalars', async () => {
    for (const [i, value] of JSON_VALUES.entries()) await roundTrip(ctx, record(`j${i}`, { payload: value, extra: value }));
  });

  it('round-trips null in every nullable field (as null, not undefined)', async () => {
    const row = record('nulls', { note: null, score: null, flagged: null, due: null, extra: null });
    await roundTrip(ctx, row);
    const [listed] = await ctx.adapter.findMany({ model: RECORD, where: byId('nulls') });
    for (const field of ['note', 'score', 'flagged', 'due', 'extra'])
      expect(listed?.[field], `${field} should be null`).toBeNull();
  });

  it('reads nullable fields left out of create as null', async () => {
    const { note: _note, score: _score, flagged: _flagged, due: _due, extra: _extra, ...required } = record('partial');
    const created = await ctx.adapter.create({ model: RECORD, data: required });
    expect(created['note']).toBeNull();
    const found = await ctx.adapter.findOne({ model: RECORD, where: byId('partial') });
    for (const field of ['note', 'score', 'flagged', 'due', 'extra'])
      expect(found?.[field], `${field} should read back as null`).toBeNull();
  });

  it('findOne returns null when nothing matches', async () => {
    await createRecords(ctx.adapter, [record('r1')]);
    expect(await ctx.adapter.findOne({ model: RECORD, where: byId('missing') })).toBeNull();
  });

  it('findMany returns every row of the model, with all fields', async () => {
    const rows = [record('m1', { title: '一' }), record('m2', { title: '二', note: 'x' }), record('m3', { payload: [1] })];
    await createRecords(ctx.adapter, rows);
    const found = await ctx.adapter.findMany({ model: RECORD });
    expect(found).toHaveLength(3);
    for (const row of rows) expectSameRow(found.find((f) => f['id'] === row['id']) ?? null, row);
  });

  it('update changes only the given fields and returns the whole row', async () => {
    const original = record('u1', { title: 'before', note: 'keep me', amount: 5, payload: { a: 1 } });
    await createRecords(ctx.adapter, [original]);
    const changes = { title: 'after', amount: -5.5, due: at('2025-01-01T12:00:00.500Z'), extra: { b: [2] } };
    const updated = await ctx.adapter.update({ model: RECORD, where: byId('u1'), data: changes });
    const expected = { ...original, ...changes };
    expectSameRow(updated, expected);
    expectSameRow(await ctx.adapter.findOne({ model: RECORD, where: byId('u1') }), expected);
  });

  it('update can set nullable fields to null and back', async () => {
    await createRecords(ctx.adapter, [
      record('u2', { note: 'x', score: 1, flagged: true, due: at('2024-01-01T00:00:00.000Z'), extra: [1] }),
    ]);
    const cleared = { note: null, score: null, flagged: null, due: null, extra: null };
    expectSameRow(await ctx.adapter.update({ model: RECORD, where: byId('u2'), data: cleared }), record('u2', cleared));
    const restored = { note: '回来了', score: 0, flagged: false, due: at('2030-01-01T00:00:00.001Z'), extra: { ok: true } };
    expectSameRow(await ctx.adapter.update({ model: RECORD, where: byId('u2'), data: restored }), record('u2', restored));
  });

  it('delete removes the row', async () => {
    await createRecords(ctx.adapter, [record('x1'), record('x2')]);
    expect(await ctx.adapter.delete({ model: RECORD, where: byId('x1') })).toBe(1);
    expect(await ctx.adapter.findOne({ model: RECORD, where: byId('x1') })).toBeNull();
    expect(await ctx.adapter.findOne({ model: RECORD, where: byId('x2') })).not.toBeNull();
  });

  it('keeps what it stored when the caller mutates the data it passed in', async () => {
    const data = record('c1', {
      title: 'original',
      at: at('2024-01-01T00:00:00.000Z'),
      payload: { list: [1, 2], inner: { v: 'x' } },
    });
    await ctx.adapter.create({ model: RECORD, data });
    data['title'] = 'mutated';
    (data['at'] as Date).setTime(0);
    const payload = data['payload'] as { list: number[]; inner: { v: string } };
    payload.list.push(3);
    payload.inner.v = 'mutated';
    const found = await ctx.adapter.findOne({ model: RECORD, where: byId('c1') });
    expect(found?.['title']).toBe('original');
    expect((found?.['at'] as Date).toISOString()).toBe('2024-01-01T00:00:00.000Z');
    expect(found?.['payload']).toStrictEqual({ list: [1, 2], inner: { v: 'x' } });
  });

  it('returns copies: mutating rows from create, findOne, findMany or update changes nothing stored', async () => {
    const stored = record('c2', { title: 'original', at: at('2024-01-01T00:00:00.000Z'), payload: { list: [1] } });
    const mutate = (row: Row | null | undefined): void => {
      if (!row) return;
      row['title'] = 'mutated';
      (row['at'] as Date).setTime(0);
      (row['payload'] as { list: number[] }).list.push(99);
    };
    mutate(await ctx.adapter.create({ model: RECORD, data: stored }));
    mutate(await ctx.adapter.findOne({ model: RECORD, where: byId('c2') }));
    mutate((await ctx.adapter.findMany({ model: RECORD }))[0]);
    mutate(await ctx.adapter.update({ model: RECORD, where: byId('c2'), data: { amount: 1 } }));
    expectSameRow(await ctx.adapter.findOne({ model: RECORD, where: byId('c2') }), { ...stored, amount: 1 });
  });
}
