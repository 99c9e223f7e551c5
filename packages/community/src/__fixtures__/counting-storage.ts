import type { StorageAdapter, StorageOperations } from '../storage/types.js';

/** Wraps an adapter and counts every write (create, update, delete), inside transactions too. */
export function countingStorage(inner: StorageAdapter): StorageAdapter & { writes(): number } {
  let writes = 0;
  const wrap = (ops: StorageOperations): StorageOperations => ({
    ...ops,
    findOne: (a) => ops.findOne(a),
    findMany: (a) => ops.findMany(a),
    count: (a) => ops.count(a),
    create: (a) => ((writes += 1), ops.create(a)),
    update: (a) => ((writes += 1), ops.update(a)),
    delete: (a) => ((writes += 1), ops.delete(a)),
  });
  return {
    ...wrap(inner),
    id: inner.id,
    capabilities: inner.capabilities,
    init: (schema) => inner.init(schema),
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    writes: () => writes,
  };
}
