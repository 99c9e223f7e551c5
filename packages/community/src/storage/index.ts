export type {
  AggregateArgs,
  FieldDefinition,
  FieldType,
  FieldValue,
  FindManyArgs,
  JsonValue,
  KeysetCursor,
  ModelDefinition,
  OrderBy,
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
