import { storageError } from './storage-error.js';
import { createReadOperations, createWriteOperations, type ReadAccess, type WriteAccess } from './memory-operations.js';
import { findConflict, MemoryTable, TransactionTable, type TableView } from './memory-table.js';
import { checkSchema, modelOf, prepareCreateRow } from './schema-checks.js';
import { prepareClaim } from './claim-checks.js';
import { createSerialQueue } from './serial-queue.js';
import { lazy } from '../internal/lazy.js';
import type { ClaimArgs, Row, StorageAdapter, StorageCapabilities, StorageOperations, StorageSchema } from './types.js';

/** Options of {@link memoryStorage}. */
export interface MemoryStorageOptions {
  /**
   * The adapter's `id`, used in error messages; handy when a test keeps several stores apart.
   * @default 'memory'
   */
  id?: string;
}

type Tables = ReadonlyMap<string, MemoryTable>;

/** What a memory transaction hands `fn`: every operation, none optional. */
type MemoryTx = StorageOperations & ReturnType<typeof createWriteOperations>;

const CAPABILITIES: StorageCapabilities = Object.freeze({
  transactions: true,
  aggregate: true,
  skipLocked: false,
  returning: true,
  claim: true,
  feed: true,
});

// Reading a feed is for hosts that stream events: kept out of the core's entry chunk.
const feedReader = lazy(() => import('./memory-feed.js'));

// Runs inside a transaction, which memory transactions serialise: no other claim can interleave.
async function claimWithin(tx: StorageOperations, schema: StorageSchema, args: ClaimArgs): Promise<Row[]> {
  const { patch } = prepareClaim(args.model, modelOf(schema, args.model), args);
  const rows = await tx.findMany({ model: args.model, where: args.where, orderBy: args.orderBy, limit: args.limit });
  const claimed: Row[] = [];
  for (const row of rows) {
    const data: Row = { ...patch };
    for (const field of args.increment ?? []) data[field] = Number(row[field]) + 1;
    const updated = await tx.update({ model: args.model, where: [{ field: 'id', value: String(row['id']) }], data });
    if (updated) claimed.push(updated);
  }
  return claimed;
}

// Re-running init with another schema behaves like a migration: rows keep the fields that
// still exist, new nullable fields become null, and anything a database would refuse
// (a new required field, a new unique constraint the rows break) throws.
function migrate(tables: Tables, schema: StorageSchema): Tables {
  const next = new Map<string, MemoryTable>();
  for (const [model, definition] of Object.entries(schema.models)) {
    const table = new MemoryTable(definition);
    const old = tables.get(model);
    for (const row of old?.values() ?? []) {
      const kept = Object.fromEntries(Object.entries(row).filter(([field]) => Object.hasOwn(definition.fields, field)));
      const migrated = prepareCreateRow(model, definition, kept);
      const conflict = findConflict(model, definition, table, migrated);
      if (conflict) throw conflict;
      table.put(migrated);
    }
    // Feed positions a reader may hold survive; rows of a model that just became a feed got theirs from put().
    if (old?.log.length) ({ log: table.log, at: table.at } = old);
    next.set(model, table);
  }
  return next;
}

/**
 * An in-memory storage adapter: the default for tests, demos and trying the SDK out. It keeps
 * the contract as strictly as the SQL adapters do (unique constraints, SQL null semantics,
 * binary string order, guarded updates) and checks every query against the schema, so code
 * that works on it works on a database. Data lives only as long as the adapter.
 *
 * Transactions are real and run one at a time: each writes to an overlay of the tables it
 * changes (nothing is copied), which is applied to the committed tables in one synchronous
 * step when `fn` resolves and dropped when it throws. Writes on the adapter itself (`create`, `update`, `delete`) are
 * one-operation transactions, so they wait for an open transaction to finish — calling them
 * inside `fn` instead of using `tx` therefore waits forever. Reads on the adapter itself never
 * wait: they see the last committed state, never a transaction's uncommitted writes.
 *
 * `readFeed` (loaded on first use) tails `feed: true` models: a row's position is the count of
 * its model's rows committed before it, plus one, assigned in the commit's synchronous step.
 *
 * @example
 * ```ts
 * import { createCommunity, memoryStorage } from '@kechuang/community';
 *
 * const community = createCommunity({ storage: memoryStorage(), config });
 * ```
 *
 * @example Using the adapter directly
 * ```ts
 * const storage = memoryStorage();
 * await storage.init({ version: 1, models: { note: { fields: { id: { type: 'string' }, text: { type: 'string' } } } } });
 * await storage.transaction(async (tx) => {
 *   await tx.create({ model: 'note', data: { id: 'n1', text: '你好' } });
 * });
 * await storage.findOne({ model: 'note', where: [{ field: 'id', value: 'n1' }] }); // { id: 'n1', text: '你好' }
 * ```
 */
export function memoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  const id = options.id ?? 'memory';
  let schema: StorageSchema | undefined;
  let committed: Tables = new Map();
  const exclusive = createSerialQueue();

  const currentSchema = (): StorageSchema => {
    if (schema) return schema;
    throw storageError(
      `The "${id}" storage adapter has no schema yet. Call init(schema) before using it (createCommunity does this for you).`,
      { adapter: id }
    );
  };

  // Stands in for the table of a model the schema lacks, which every operation refuses first anyway.
  const EMPTY: TableView = new MemoryTable({ fields: {} });
  // A commit applies a transaction's changes in one synchronous step, so a reader never sees half of one.
  const committedAccess: ReadAccess = {
    schema: currentSchema,
    read: (model) => committed.get(model) ?? EMPTY,
    assertUsable: () => undefined,
  };
  const reads = createReadOperations(committedAccess);

  function transaction<T>(fn: (tx: MemoryTx) => Promise<T>): Promise<T> {
    return exclusive(async () => {
      const txSchema = currentSchema();
      const overlays = new Map<string, TransactionTable>();
      let open = true;
      const overlay = (model: string): TransactionTable => {
        let table = overlays.get(model);
        if (!table) {
          // Every write has passed modelOf() already, and init() gives every model a table.
          table = new TransactionTable(modelOf(txSchema, model), committed.get(model) ?? EMPTY);
          overlays.set(model, table);
        }
        return table;
      };
      const access: WriteAccess = {
        schema: () => txSchema,
        read: (model) => overlays.get(model) ?? committed.get(model) ?? EMPTY,
        write: overlay,
        assertUsable: () => {
          if (open) return;
          throw storageError(
            `This "${id}" transaction has already finished, so its tx handle is closed: await every operation on tx inside the transaction callback.`,
            { adapter: id }
          );
        },
      };
      const tx: MemoryTx = { ...createReadOperations(access), ...createWriteOperations(access) };
      tx.claim = (args) => claimWithin(tx, txSchema, args);
      try {
        const result = await fn(tx);
        for (const [model, table] of overlays) {
          const target = committed.get(model);
          if (target) table.commitTo(target);
        }
        return result;
      } finally {
        open = false;
      }
    });
  }

  return {
    id,
    capabilities: CAPABILITIES,
    ...reads,
    create: (args) => transaction((tx) => tx.create(args)),
    createMany: (args) => transaction((tx) => tx.createMany(args)),
    update: (args) => transaction((tx) => tx.update(args)),
    delete: (args) => transaction((tx) => tx.delete(args)),
    claim: (args) => transaction((tx) => claimWithin(tx, currentSchema(), args)),
    readFeed: async (args) => (await feedReader()).readFeed(reads, committed, args),
    feedEnd: async (args) => (await feedReader()).feedEnd(reads, committed, args),
    transaction,
    init: (next) =>
      exclusive(async () => {
        checkSchema(next);
        // Same schema again: a no-op, as the contract asks.
        if (schema && JSON.stringify(schema) === JSON.stringify(next)) return;
        const copy = structuredClone(next);
        committed = migrate(committed, copy);
        schema = copy;
      }),
  };
}
