export type {
  AggregateArgs,
  AggregateGroup,
  AggregatePercentile,
  FeedEntry,
  FieldDefinition,
  FieldType,
  FieldValue,
  FindManyArgs,
  JsonValue,
  KeysetCursor,
  ModelDefinition,
  OrderBy,
  ReadFeedArgs,
  Row,
  StorageAdapter,
  StorageCapabilities,
  StorageOperations,
  StorageSchema,
  Where,
  WhereCondition,
  WhereOperator,
  WhereOrGroup,
} from './types.js';
export { isOrGroup } from './types.js';
export { memoryStorage, type MemoryStorageOptions } from './memory-storage.js';
export { matchesWhere, compareFieldValues } from './evaluate-where.js';
// For adapter authors: the same checks of rows and queries against the schema that the
// in-memory adapter applies, so every adapter refuses the same mistakes with the same messages.
export {
  checkSchema,
  modelOf,
  prepareCreateRow,
  prepareUpdatePatch,
  checkWhere,
  checkOrdering,
  checkCount,
  checkGroupBy,
} from './schema-checks.js';
export { checkAggregate } from './aggregate-checks.js';
export { aggregateRows, nearestRank } from './aggregate-rows.js';
export { prepareClaim, type CheckedClaim } from './claim-checks.js';
export { cloneFieldValue, cloneRow } from './clone-row.js';
