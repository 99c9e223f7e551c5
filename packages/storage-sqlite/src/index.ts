export { sqliteStorage, type SqliteStorageOptions } from './sqlite-storage.js';
export type { SqliteBackgroundCheckpoint, SqliteCheckpointOption } from './checkpoint-options.js';
