import type { AggregateArgs, AggregateGroup, Where } from '@kechuang/community';
import type { SqlDialectDescription } from './dialect.js';
import { col, whereSql, type TableMap } from './query-sql.js';
import { ident, type SqlText } from './sql-text.js';
import { storageError } from './storage-error.js';

/**
 * The shape of one aggregate statement: which result column holds what. Names chosen by the
 * caller (count and percentile names) never reach the SQL text; every column is an indexed
 * `kc_` alias, so no name needs quoting and no field can clash with them.
 */
export interface AggregatePlan {
  groupBy: readonly string[];
  /** Count names, in the order of their `kc_c<i>` columns. */
  counts: readonly string[];
  /** Percentile names, in the order of their `kc_p<i>` columns. */
  percentiles: readonly string[];
}

/** Which result column of {@link aggregateSql} holds what, for {@link decodeGroups}. */
export function aggregatePlan(args: AggregateArgs): AggregatePlan {
  return { groupBy: args.groupBy, counts: Object.keys(args.counts ?? {}), percentiles: Object.keys(args.percentiles ?? {}) };
}

interface RankedField {
  field: string;
  /** The permille of each percentile over this field, by its `kc_p` index. */
  ranks: { index: number; permille: number }[];
}

// Percentiles of one field share one window sort, however many permilles are asked for.
function rankedFields(percentiles: Readonly<Record<string, { field: string; permille: number }>>): RankedField[] {
  const byField = new Map<string, RankedField>();
  Object.values(percentiles).forEach(({ field, permille }, index) => {
    let entry = byField.get(field);
    if (!entry) {
      entry = { field, ranks: [] };
      byField.set(field, entry);
    }
    entry.ranks.push({ index, permille });
  });
  return [...byField.values()];
}

function list(items: readonly string[]): string {
  return items.join(', ');
}

/**
 * The one statement of an aggregate, its bound parameters collected in `q`. Arguments must
 * have passed `checkAggregate`: permilles are inlined as integer literals.
 *
 * Without percentiles it is a plain grouped count, each conditional count a
 * `count(CASE WHEN … THEN 1 END)`. With percentiles, an inner select numbers each group's rows
 * by the field (`row_number()`, nulls last) and counts its non-null values (`count(field)`)
 * over one window per field, and the grouped outer select keeps, per percentile, the value
 * whose row number r is the nearest rank ⌈n × permille / 1000⌉, written as
 * `r × 1000 >= n × permille AND r × 1000 < n × permille + 1000`: only integer products and
 * comparisons, so it is exact on every database, whatever its `/` does with integers. (The
 * rows ranked past n are the nulls, and r ≥ n + 1 never passes the second test.)
 *
 * One statement rather than one per percentile: the table is read once, and counts and
 * percentiles come from the same snapshot even outside a transaction. On PostgreSQL the plan
 * is one sort feeding the window and then the grouping; `percentile_disc` is not used because
 * it multiplies n by a float fraction, which lands one rank off for some n and permilles
 * (n = 100 at 0.07 gives ⌈7.000000000000001⌉ = 8, not 7).
 *
 * @example
 * ```ts
 * const q = new SqlText(postgresDialect);
 * const text = aggregateSql(q, map, { model: 'request', groupBy: ['parkId'], counts: { late: [{ field: 'respondOnTime', value: false }] } });
 * // SELECT "park_id" AS kc_g0, count(*) AS kc_count, count(CASE WHEN (("respond_on_time" = $1)) THEN 1 END) AS kc_c0
 * //   FROM "request" WHERE 1 = 1 GROUP BY "park_id"
 * ```
 */
export function aggregateSql(q: SqlText, map: TableMap, args: AggregateArgs): string {
  const { groupBy } = args;
  const counts = Object.entries(args.counts ?? {});
  const percentiles = args.percentiles ?? {};
  const table = ident(map.table);
  const keyColumns = groupBy.map((field) => col(map, field));
  const groupKey = q.dialect.groupKey ?? ((column: string) => column);
  const keyTerms = keyColumns.map(groupKey);
  const keyAliases = groupBy.map((_, i) => `kc_g${i}`);
  const when = (where: Where): string => `CASE WHEN (${whereSql(q, map, where)}) THEN 1 END`;

  const fields = rankedFields(percentiles);
  if (fields.length === 0) {
    // Fragments are written in text order, so that placeholders number in the order they appear.
    const selected = [
      ...keyColumns.map((column, i) => `${column} AS ${keyAliases[i]}`),
      'count(*) AS kc_count',
      ...counts.map(([, where], i) => `count(${when(where)}) AS kc_c${i}`),
    ];
    const grouping = groupBy.length > 0 ? ` GROUP BY ${list(keyTerms)}` : '';
    return `SELECT ${list(selected)} FROM ${table} WHERE ${whereSql(q, map, args.where)}${grouping}`;
  }

  const partition = groupBy.length > 0 ? `PARTITION BY ${list(keyTerms)} ` : '';
  const inner = [
    ...keyColumns.map((column, i) => `${column} AS ${keyAliases[i]}`),
    ...counts.map(([, where], i) => `${when(where)} AS kc_m${i}`),
    ...fields.flatMap(({ field }, j) => {
      const value = col(map, field);
      // Databases disagree on where nulls sort; ordering by "is null" first puts them last everywhere.
      const order = `CASE WHEN ${value} IS NULL THEN 1 ELSE 0 END, ${value}`;
      // One window definition for both (row_number ignores the frame), so one sort serves both.
      const window = `(${partition}ORDER BY ${order} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
      return [`${value} AS kc_v${j}`, `row_number() OVER ${window} AS kc_r${j}`, `count(${value}) OVER ${window} AS kc_n${j}`];
    }),
  ];
  const innerText = `SELECT ${list(inner)} FROM ${table} WHERE ${whereSql(q, map, args.where)}`;
  const picks: string[] = [];
  fields.forEach(({ ranks }, j) => {
    for (const { index, permille } of ranks) {
      const target = `kc_n${j} * ${permille}`;
      picks[index] = `max(CASE WHEN kc_r${j} * 1000 >= ${target} AND kc_r${j} * 1000 < ${target} + 1000 THEN kc_v${j} END) AS kc_p${index}`;
    }
  });
  const outer = [...keyAliases, 'count(*) AS kc_count', ...counts.map((_, i) => `count(kc_m${i}) AS kc_c${i}`), ...picks];
  const grouping = groupBy.length > 0 ? ` GROUP BY ${list(keyAliases)}` : '';
  return `SELECT ${list(outer)} FROM (${innerText}) kc_rows${grouping}`;
}

// Counts come back as numbers, bigints or (PostgreSQL without checked parsers) digit strings.
function toCount(raw: unknown): number {
  const value = Number(raw ?? 0);
  if (!Number.isSafeInteger(value) || value < 0) throw storageError(`The database returned ${String(raw)} as a row count.`);
  return value;
}

function percentileOf(dialect: SqlDialectDescription, map: TableMap, name: string, raw: unknown): number | null {
  if (raw === null || raw === undefined) return null;
  const value = dialect.decode('number', raw);
  if (typeof value !== 'number') throw storageError(`Percentile "${name}" on "${map.model}" did not come back as a number.`, { model: map.model });
  return value;
}

/** The result rows of {@link aggregateSql} as groups, decoded exactly like stored rows. */
export function decodeGroups(dialect: SqlDialectDescription, map: TableMap, plan: AggregatePlan, rows: readonly Record<string, unknown>[]): AggregateGroup[] {
  const types = plan.groupBy.map((field) => map.definition.fields[field]?.type ?? 'string');
  // Object.fromEntries, not assignment, so that any name (even "__proto__") becomes an own key.
  return rows.map((raw) => ({
    group: Object.fromEntries(
      plan.groupBy.map((field, i) => {
        const value = raw[`kc_g${i}`];
        return [field, value === null || value === undefined ? null : dialect.decode(types[i] ?? 'string', value)];
      })
    ),
    count: toCount(raw['kc_count']),
    counts: Object.fromEntries(plan.counts.map((name, i) => [name, toCount(raw[`kc_c${i}`])])),
    percentiles: Object.fromEntries(plan.percentiles.map((name, i) => [name, percentileOf(dialect, map, name, raw[`kc_p${i}`])])),
  }));
}
