import { KechuangError } from '../errors/index.js';
import type { FieldValue, ModelDefinition, Row } from './types.js';

// Stored rows are never mutated in place (writes replace them), so a transaction's overlay
// can share them with the committed table.

/** The id of a stored row. */
export function idOf(row: Row): string {
  return String(row['id']);
}

/** One string per distinct list of values; dates are tagged so a Date never equals its number. */
export function valuesKey(values: readonly FieldValue[]): string {
  return JSON.stringify(values.map((value) => (value instanceof Date ? ['date', value.getTime()] : value)));
}

// A null in any field exempts the row from the constraint, as in SQL.
function uniqueKey(row: Row, fields: readonly string[]): string | null {
  const values = fields.map((field) => row[field] ?? null);
  return values.includes(null) ? null : valuesKey(values);
}

/** The error for a violated unique constraint (the primary key counts as one). */
export function uniqueViolation(model: string, fields: readonly string[], constraint: string): KechuangError {
  return new KechuangError(
    'UNIQUE_VIOLATION',
    `Cannot write to model "${model}": another row already has the same ${fields.join(' + ')} ` +
      `(unique constraint "${constraint}"). Use different values, or update the existing row instead.`,
    { model, fields: [...fields], constraint }
  );
}

/** Reading one model's rows, committed or as a transaction sees them. */
export interface TableView {
  get(id: string): Row | undefined;
  has(id: string): boolean;
  values(): Iterable<Row>;
  /** The id of the row holding `key` of unique constraint `constraint`, if any. */
  holder(constraint: string, key: string): string | undefined;
}

/** A table that can be written; callers check for conflicts first. */
export interface WritableTable extends TableView {
  put(row: Row): void;
  remove(id: string): void;
}

/**
 * The committed rows of one model, with an index per unique constraint so that unique
 * checks cost O(1) instead of a scan.
 */
export class MemoryTable implements WritableTable {
  private readonly rows = new Map<string, Row>();
  /** Constraint name → unique key → id of the row that holds it. */
  private readonly keys = new Map<string, Map<string, string>>();
  /**
   * Feed models only: the ids of rows in the order they were first committed (position =
   * index + 1), and each stored row's position. Commits are synchronous steps, so the order in
   * which `put` first sees an id is the commit order. A deleted row keeps its log entry, which
   * readers skip because `at` no longer points to it.
   */
  log: string[] = [];
  at = new Map<string, number>();

  constructor(readonly definition: ModelDefinition) {
    for (const { name } of definition.unique ?? []) this.keys.set(name, new Map());
  }

  get(id: string): Row | undefined {
    return this.rows.get(id);
  }
  has(id: string): boolean {
    return this.rows.has(id);
  }
  values(): Iterable<Row> {
    return this.rows.values();
  }
  holder(constraint: string, key: string): string | undefined {
    return this.keys.get(constraint)?.get(key);
  }
  put(row: Row): void {
    const id = idOf(row);
    const previous = this.rows.get(id);
    if (previous) this.unindex(previous);
    else if (this.definition.feed) this.at.set(id, this.log.push(id));
    for (const constraint of this.definition.unique ?? []) {
      const key = uniqueKey(row, constraint.fields);
      if (key !== null) this.keys.get(constraint.name)?.set(key, id);
    }
    this.rows.set(id, row);
  }
  remove(id: string): void {
    const stored = this.rows.get(id);
    if (!stored) return;
    this.unindex(stored);
    this.rows.delete(id);
    this.at.delete(id);
  }
  private unindex(row: Row): void {
    for (const constraint of this.definition.unique ?? []) {
      const key = uniqueKey(row, constraint.fields);
      if (key !== null) this.keys.get(constraint.name)?.delete(key);
    }
  }
}

/**
 * What a transaction sees of one model: the committed table overlaid with the transaction's
 * own changes. Writing costs O(changed rows) — nothing is copied — and `commit` applies the
 * changes to the committed table in one synchronous step, so a reader never sees half of it.
 */
export class TransactionTable implements WritableTable {
  /** id → the row as the transaction wrote it, or null when it deleted it. */
  private readonly changes = new Map<string, Row | null>();
  /** constraint → key → holder id in this transaction, or null when the key was released. */
  private readonly keys = new Map<string, Map<string, string | null>>();

  constructor(
    private readonly definition: ModelDefinition,
    private readonly base: TableView,
  ) {}

  get(id: string): Row | undefined {
    const changed = this.changes.get(id);
    return changed === undefined ? this.base.get(id) : (changed ?? undefined);
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
  *values(): Iterable<Row> {
    for (const row of this.base.values()) {
      const changed = this.changes.get(idOf(row));
      if (changed === undefined) yield row;
      else if (changed !== null) yield changed;
    }
    for (const [id, row] of this.changes) if (row !== null && !this.base.has(id)) yield row;
  }
  holder(constraint: string, key: string): string | undefined {
    const own = this.keys.get(constraint)?.get(key);
    if (own !== undefined) return own ?? undefined;
    return this.base.holder(constraint, key);
  }
  put(row: Row): void {
    const id = idOf(row);
    const previous = this.get(id);
    if (previous) this.release(previous);
    for (const constraint of this.definition.unique ?? []) {
      const key = uniqueKey(row, constraint.fields);
      if (key !== null) this.index(constraint.name).set(key, id);
    }
    this.changes.set(id, row);
  }
  remove(id: string): void {
    const previous = this.get(id);
    if (!previous) return;
    this.release(previous);
    this.changes.set(id, null);
  }
  /** Applies the changes to `target` (the committed table this overlays). */
  commitTo(target: WritableTable): void {
    for (const [id, row] of this.changes) {
      if (row === null) target.remove(id);
      else target.put(row);
    }
  }
  private index(constraint: string): Map<string, string | null> {
    let index = this.keys.get(constraint);
    if (!index) {
      index = new Map();
      this.keys.set(constraint, index);
    }
    return index;
  }
  private release(row: Row): void {
    for (const constraint of this.definition.unique ?? []) {
      const key = uniqueKey(row, constraint.fields);
      if (key !== null) this.index(constraint.name).set(key, null);
    }
  }
}

/** The violation `candidate` would cause if stored (replacing the row with its id), or null. */
export function findConflict(model: string, definition: ModelDefinition, table: TableView, candidate: Row): KechuangError | null {
  const id = idOf(candidate);
  for (const constraint of definition.unique ?? []) {
    const key = uniqueKey(candidate, constraint.fields);
    if (key === null) continue;
    const holder = table.holder(constraint.name, key);
    if (holder !== undefined && holder !== id) return uniqueViolation(model, constraint.fields, constraint.name);
  }
  return null;
}
