import { assert, expect } from 'vitest';
import {
  isKechuangError,
  type FieldValue,
  type OrderBy,
  type Row,
  type StorageAdapter,
  type StorageCapabilities,
  type StorageOperations,
  type Where,
} from '@kechuang/community';
import { ACCOUNT, RECORD } from './conformance-schema.js';

/** What every case file gets: the running test's adapter and the suite's capabilities. */
export interface ConformanceContext {
  /** A fresh adapter, already initialised with the conformance schema (only inside a test). */
  readonly adapter: StorageAdapter;
  /** The capabilities the adapter reported when the suite was collected. */
  readonly capabilities: StorageCapabilities;
}

type ErrorCode = NonNullable<Parameters<typeof isKechuangError>[1]>;

/** A UTC date from an ISO string, to keep fixtures short. */
export function at(iso: string): Date {
  return new Date(iso);
}

/** A complete `kit_record` row: sensible defaults, nullable fields null, overridden by `fields`. */
export function record(id: string, fields: Row = {}): Row {
  return {
    id,
    title: `title ${id}`,
    note: null,
    amount: 0,
    score: null,
    active: false,
    flagged: null,
    at: at('2024-01-01T00:00:00.000Z'),
    due: null,
    payload: {},
    extra: null,
    bucket: 'a',
    rank: 0,
    ...fields,
  };
}

/** A complete `kit_account` row at version 1. */
export function account(id: string, fields: Row = {}): Row {
  return { id, scope: 'scope-1', code: null, version: 1, balance: 0, ...fields };
}

/** Creates rows one after another (deterministic, and no reliance on transactions). */
export async function createAll(ops: StorageOperations, model: string, rows: readonly Row[]): Promise<void> {
  for (const data of rows) await ops.create({ model, data });
}

/** Creates `kit_record` rows. */
export function createRecords(ops: StorageOperations, rows: readonly Row[]): Promise<void> {
  return createAll(ops, RECORD, rows);
}

/** Creates `kit_account` rows. */
export function createAccounts(ops: StorageOperations, rows: readonly Row[]): Promise<void> {
  return createAll(ops, ACCOUNT, rows);
}

/** `where` selecting one row by id. */
export function byId(id: string): Where {
  return [{ field: 'id', value: id }];
}

/** The ids of `rows`, in their order. */
export function ids(rows: readonly Row[]): string[] {
  return rows.map((row) => String(row['id']));
}

/** The ids of `rows`, sorted, for comparing sets. */
export function sortedIds(rows: readonly Row[]): string[] {
  return ids(rows).sort();
}

function describeError(error: unknown): string {
  if (error === undefined) return 'no error at all (the call resolved)';
  if (isKechuangError(error)) return `KechuangError ${error.code}: ${error.message}`;
  if (error instanceof Error) return `${error.name}: ${error.message} (not a KechuangError)`;
  return `a thrown ${typeof error}: ${String(error)}`;
}

/**
 * Awaits `promise` and asserts it rejects with a KechuangError of `code`; `what` says which
 * contract rule the adapter broke, so a failure explains itself.
 */
export async function expectKechuangError(promise: Promise<unknown>, code: ErrorCode, what: string): Promise<void> {
  let failure: unknown;
  try {
    await promise;
  } catch (error) {
    failure = error;
  }
  if (!isKechuangError(failure, code)) {
    assert.fail(
      `${what}: expected a KechuangError with code ${code} (check with isKechuangError), but got ${describeError(failure)}.`
    );
  }
}

/** Asserts a row read back equals what was written, with a message naming the field. */
export function expectSameRow(actual: Row | null, expected: Row): void {
  expect(actual, `row ${String(expected['id'])} should exist`).not.toBeNull();
  for (const [field, value] of Object.entries(expected)) {
    const got = actual?.[field];
    if (value instanceof Date) {
      expect(got, `${String(expected['id'])}.${field} should come back as a Date`).toBeInstanceOf(Date);
      expect((got as Date).toISOString(), `${String(expected['id'])}.${field}`).toBe(value.toISOString());
    } else {
      expect(got, `${String(expected['id'])}.${field}`).toStrictEqual(value);
    }
  }
}

const encoder = new TextEncoder();

// An implementation independent of the in-memory adapter's: strings by their UTF-8 bytes,
// which is what SQLite BINARY and PostgreSQL COLLATE "C" compare.
function compareBytes(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return Math.sign(x.length - y.length);
}

/** The contract's order of two non-null values of one field type. */
export function referenceCompare(a: FieldValue, b: FieldValue): number {
  if (typeof a === 'string' && typeof b === 'string') return compareBytes(a, b);
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime());
  throw new Error(`The conformance kit cannot order ${String(a)} against ${String(b)}.`);
}

/** The values of `row`'s ordering fields: a keyset cursor pointing at `row`. */
export function cursorOf(row: Row, orderBy: readonly OrderBy[]): FieldValue[] {
  return orderBy.map(({ field }) => row[field] ?? null);
}

/** Compares two cursors (or rows' ordering values) in `orderBy` order. */
export function compareCursors(a: readonly FieldValue[], b: readonly FieldValue[], orderBy: readonly OrderBy[]): number {
  for (let i = 0; i < orderBy.length; i++) {
    const result = referenceCompare(a[i] ?? null, b[i] ?? null);
    if (result !== 0) return orderBy[i]?.direction === 'desc' ? -result : result;
  }
  return 0;
}

/** `rows` sorted as the contract orders them (a copy). */
export function referenceSort(rows: readonly Row[], orderBy: readonly OrderBy[]): Row[] {
  return [...rows].sort((a, b) => compareCursors(cursorOf(a, orderBy), cursorOf(b, orderBy), orderBy));
}

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `items` shuffled deterministically, so insertion order never happens to be the sorted order. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i] as T;
    copy[i] = copy[j] as T;
    copy[j] = a;
  }
  return copy;
}
