import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * Wraps a better-sqlite3 database so that Kysely reuses prepared statements. Kysely's SQLite
 * driver prepares every query it runs, and preparing costs more than running the small
 * statements the adapter sends; the adapter's SQL text is stable per query shape (values are
 * bound parameters), so a small LRU of statements keyed by SQL text serves nearly every query.
 */
export function withStatementCache(database: Database.Database, capacity = 256): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => {
      cache.clear();
      database.close();
    },
    prepare(sql: string) {
      const cached = cache.get(sql);
      // A statement still iterating (a streamed query) cannot run again until it finishes.
      if (cached && !cached.busy) {
        // Re-insert to mark it most recently used.
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      if (!cached) {
        cache.set(sql, statement);
        if (cache.size > capacity) cache.delete(cache.keys().next().value as string);
      }
      return statement;
    },
  };
}
