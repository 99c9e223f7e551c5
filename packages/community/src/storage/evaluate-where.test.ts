import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/index.js';
import { compareFieldValues, compileWhere, matchesWhere } from './evaluate-where.js';
import type { Row } from './types.js';

function throwsStorageError(run: () => unknown, messagePart: RegExp): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(isKechuangError(caught, 'STORAGE_ERROR'), String(caught)).toBe(true);
  expect((caught as Error).message).toMatch(messagePart);
}

describe('compareFieldValues', () => {
  it('orders strings by code point, like UTF-8 bytes (not UTF-16 code units, not locale)', () => {
    const values = ['😀', '！', '科', '中', 'é', 'b', 'aa', 'a', 'Z', 'B', 'A', ''];
    expect([...values].sort(compareFieldValues)).toStrictEqual(['', 'A', 'B', 'Z', 'a', 'aa', 'b', 'é', '中', '科', '！', '😀']);
    // Code units alone would put U+FF01 after the surrogate pair of U+1F600.
    expect(compareFieldValues('！', '😀')).toBeLessThan(0);
    expect(compareFieldValues('😀', '😁')).toBeLessThan(0);
    expect(compareFieldValues('abc', 'abc')).toBe(0);
  });

  it('orders numbers numerically, dates by time and booleans false < true', () => {
    expect(compareFieldValues(9, 10)).toBeLessThan(0);
    expect(compareFieldValues(-0.5, -1)).toBeGreaterThan(0);
    expect(compareFieldValues(new Date(1), new Date(2))).toBeLessThan(0);
    expect(compareFieldValues(new Date(5), new Date(5))).toBe(0);
    expect(compareFieldValues(false, true)).toBeLessThan(0);
  });

  it('puts null first and refuses to compare different kinds or JSON containers', () => {
    expect(compareFieldValues(null, 'a')).toBeLessThan(0);
    expect(compareFieldValues(0, null)).toBeGreaterThan(0);
    expect(compareFieldValues(null, null)).toBe(0);
    throwsStorageError(() => compareFieldValues('1', 1), /Cannot compare a string with a number/);
    throwsStorageError(() => compareFieldValues(new Date(0), 0), /Cannot compare a date with a number/);
    throwsStorageError(() => compareFieldValues({ a: 1 }, { a: 1 }), /JSON objects and arrays cannot be compared/);
  });
});

describe('matchesWhere', () => {
  const row: Row = { id: 'r1', title: '100% done', note: null, n: 3, at: new Date(1000), ok: true };

  it('ANDs conditions; eq is the default operator', () => {
    expect(matchesWhere(row, [])).toBe(true);
    expect(
      matchesWhere(row, [
        { field: 'n', value: 3 },
        { field: 'ok', value: true },
      ])
    ).toBe(true);
    expect(
      matchesWhere(row, [
        { field: 'n', value: 3 },
        { field: 'ok', value: false },
      ])
    ).toBe(false);
    expect(matchesWhere(row, [{ field: 'at', op: 'eq', value: new Date(1000) }])).toBe(true);
  });

  it('treats comparisons with a null field as false, except is_null and an empty not_in', () => {
    const ops = ['ne', 'lt', 'lte', 'gt', 'gte'] as const;
    for (const op of ops) expect(matchesWhere(row, [{ field: 'note', op, value: 'x' }]), op).toBe(false);
    expect(matchesWhere(row, [{ field: 'note', op: 'in', value: ['x'] }])).toBe(false);
    expect(matchesWhere(row, [{ field: 'note', op: 'not_in', value: ['x'] }])).toBe(false);
    expect(matchesWhere(row, [{ field: 'note', op: 'not_in', value: [] }])).toBe(true);
    expect(matchesWhere(row, [{ field: 'note', op: 'contains', value: '' }])).toBe(false);
    expect(matchesWhere(row, [{ field: 'note', op: 'is_null' }])).toBe(true);
    expect(matchesWhere(row, [{ field: 'note', op: 'is_not_null' }])).toBe(false);
  });

  it('matches nothing with an empty in and nothing with an empty OR group', () => {
    expect(matchesWhere(row, [{ field: 'n', op: 'in', value: [] }])).toBe(false);
    expect(matchesWhere(row, [{ or: [] }])).toBe(false);
  });

  it('takes % and _ literally and is case-sensitive in contains / starts_with', () => {
    expect(matchesWhere(row, [{ field: 'title', op: 'contains', value: '0%' }])).toBe(true);
    expect(matchesWhere(row, [{ field: 'title', op: 'contains', value: '0_' }])).toBe(false);
    expect(matchesWhere(row, [{ field: 'title', op: 'starts_with', value: '100%' }])).toBe(true);
    expect(matchesWhere(row, [{ field: 'title', op: 'contains', value: 'DONE' }])).toBe(false);
  });

  it('evaluates OR groups against the other conditions', () => {
    const either = {
      or: [
        { field: 'n', op: 'gt' as const, value: 5 },
        { field: 'note', op: 'is_null' as const },
      ],
    };
    expect(matchesWhere(row, [either, { field: 'ok', value: true }])).toBe(true);
    expect(matchesWhere(row, [either, { or: [{ field: 'n', value: 4 }] }])).toBe(false);
  });

  it('rejects malformed conditions even when there is no row to test them on', () => {
    throwsStorageError(() => compileWhere([{ field: 'note', value: null }]), /use op "is_null"/);
    throwsStorageError(() => compileWhere([{ or: [{ field: 'note', op: 'ne', value: null }] }]), /use op "is_not_null"/);
    throwsStorageError(() => compileWhere([{ field: 'n', op: 'gt' }]), /comparing with null never matches/);
    throwsStorageError(() => compileWhere([{ field: 'n', op: 'eq', value: [1, 2] }]), /use "in"/);
    throwsStorageError(() => compileWhere([{ field: 'n', op: 'contains', value: 1 }]), /needs a string value/);
    throwsStorageError(() => compileWhere([{ field: 'n', op: 'is_null', value: 1 }]), /takes no value/);
  });
});
