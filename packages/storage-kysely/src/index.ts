export { kyselyStorage, type KyselyStorageOptions } from './kysely-storage.js';
export { postgresDialect, sqliteDialect, type FeedStrategy, type SqlDialectDescription } from './dialect.js';
export { MIGRATIONS_TABLE } from './migrate.js';
export { snakeCase } from './query-sql.js';
