import { CompiledQuery, type QueryExecutorProvider, type QueryResult } from 'kysely';
import type { SqlDialectDescription } from './dialect.js';

/**
 * The bound parameters of one statement, handing out their placeholders. The adapter writes
 * its SQL as plain text instead of Kysely `sql` templates: building and compiling those node
 * trees on every statement cost about a tenth of a whole `submit`'s CPU time on SQLite.
 *
 * Placeholders are positional (`?`) or numbered (`$n`) in the order {@link bind} is called, so
 * fragments must be produced in the order they appear in the text. A template literal
 * evaluates its substitutions left to right: write a statement as one template whose
 * substitutions call the fragment functions, and never build a fragment ahead of an earlier one.
 */
export class SqlText {
  readonly params: unknown[] = [];

  constructor(readonly dialect: SqlDialectDescription) {}

  /** Binds `value` (already encoded for the driver) and returns its placeholder. */
  bind(value: unknown): string {
    this.params.push(value);
    return this.dialect.placeholder ? this.dialect.placeholder(this.params.length) : '?';
  }

  /**
   * Binds a checked non-negative integer (LIMIT, OFFSET) as a bigint: drivers send a JS number
   * as a double (SQLite would see `LIMIT 1.0`), a bigint as an integer, and the SQL text stays
   * the same for every value, so prepared statements are reused.
   */
  bindInteger(value: number): string {
    return this.bind(BigInt(value));
  }
}

/** An identifier, double-quoted (standard SQL; SQLite and PostgreSQL both accept it). */
export function ident(name: string): string {
  return name.includes('"') ? `"${name.replace(/"/g, '""')}"` : `"${name}"`;
}

/**
 * Runs the statement `build` writes, on the root Kysely instance or a transaction. The text goes
 * to the driver as is (`CompiledQuery.raw`), so Kysely's query compiler never runs; plugins
 * still see the results.
 */
export function execute<R>(on: QueryExecutorProvider, dialect: SqlDialectDescription, build: (q: SqlText) => string): Promise<QueryResult<R>> {
  const q = new SqlText(dialect);
  const text = build(q);
  return on.getExecutor().executeQuery<R>(CompiledQuery.raw(text, q.params));
}
