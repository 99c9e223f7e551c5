export { postgresStorage, type PostgresStorageOptions } from './postgres-storage.js';
export { parseSafeNumber, safeNumberTypes } from './safe-numbers.js';
export { postgresWakeSource, type PostgresWakeSource, type PostgresWakeSourceOptions } from './postgres-wake-source.js';
