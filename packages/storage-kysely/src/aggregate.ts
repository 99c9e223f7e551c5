import { checkAggregate } from '@kechuang/community';
import type { AggregateArgs, AggregateGroup } from '@kechuang/community';
import { aggregatePlan, aggregateSql, decodeGroups } from './aggregate-sql.js';
import type { RunStatement } from './claim.js';
import type { SqlDialectDescription } from './dialect.js';
import type { TableMap } from './query-sql.js';

/**
 * `aggregate()` over one executor: counts, conditional counts and nearest-rank percentiles,
 * grouped, in one statement (see {@link aggregateSql}; the database needs window functions:
 * SQLite ≥ 3.25, PostgreSQL, MySQL 8, MariaDB 10.2). Arguments are checked with the core's
 * `checkAggregate` before any SQL runs, so a bad one is STORAGE_ERROR and no statement.
 *
 * @example
 * ```ts
 * const aggregate = createAggregate(dialect, mapOf, run);
 * await aggregate({ model: 'request', groupBy: ['parkId'], percentiles: { p90: { field: 'respondWorkMs', permille: 900 } } });
 * ```
 */
export function createAggregate(
  dialect: SqlDialectDescription,
  mapOf: (model: string) => TableMap,
  run: RunStatement
): (args: AggregateArgs) => Promise<AggregateGroup[]> {
  return async (args) => {
    const map = mapOf(args.model);
    checkAggregate(map.model, map.definition, args);
    const result = await run<Record<string, unknown>>(map, (q) => aggregateSql(q, map, args));
    return decodeGroups(dialect, map, aggregatePlan(args), result.rows);
  };
}
