export { postgresStorage, type PostgresStorageOptions } from './postgres-storage.js';
export { parseSafeNumber, safeNumberTypes } from './safe-numbers.js';
