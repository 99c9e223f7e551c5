import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import {
  checkSchema,
  type Row,
  type StorageAdapter,
  type StorageCapabilities,
  type StorageSchema,
} from '@kechuang/community';
import { acquireFileLock, type FileLock } from './file-lock.js';
import { decodeTables, encodeRow, fingerprintOf, readStoreFile, writeStoreFile, type StoreFile, type Tables } from './json-file-format.js';
import { tableOperations, type TableAccess, type TableOperations } from './json-file-operations.js';
import { storageError } from './storage-error.js';

/** Options of {@link jsonFileStorage}. */
export interface JsonFileStorageOptions {
  /** The JSON file that holds the data; created (with its directory) by `init()`. A `<path>.lock` file sits beside it while the adapter is open. */
  path: string;
  /**
   * The adapter's `id`, used in messages.
   * @default 'json-file'
   */
  id?: string;
}

// Only what this adapter really does. Without `aggregate` the core computes its metrics from
// findMany rows; without `claim` workers lease timers and notifications with guarded updates;
// without `feed` the change feed (readChanges, the server's event stream) is unavailable.
const CAPABILITIES: StorageCapabilities = Object.freeze({
  transactions: true,
  aggregate: false,
  skipLocked: false,
  returning: false,
  claim: false,
  feed: false,
});

const NO_ROWS: ReadonlyMap<string, Row> = new Map();

/** A promise-chain mutex: each task starts once every task queued before it has settled. */
function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined); // the next task waits for this one, but not for its failure
    return run;
  };
}

/**
 * A storage adapter that keeps the data in one JSON file: small, dependency-free, and enough for
 * a demo, a test fixture or one small community on one machine.
 *
 * What it guarantees: transactions are atomic and run one at a time; a commit replaces the file
 * in one step (temporary file, flush, rename), so a crash loses at most the transaction in flight
 * and never leaves half of one. Reads on the adapter itself never wait: they see the last
 * commit. What it does not: it serves one process (a lock file refuses a second one), every
 * commit rewrites the whole file and every query scans its model, so it suits thousands of
 * rows, not millions. Dates are stored as ISO strings and read back as `Date`.
 *
 * @example
 * ```ts
 * import { createCommunity } from '@kechuang/community';
 * import { jsonFileStorage } from '@kechuang/example-custom-storage-adapter';
 *
 * const storage = jsonFileStorage({ path: '.data/community.json' });
 * const community = createCommunity({ storage });
 * // …
 * await storage.close?.();
 * ```
 */
export function jsonFileStorage(options: JsonFileStorageOptions): StorageAdapter {
  const id = options.id ?? 'json-file';
  const path = resolve(options.path);
  const exclusive = serialQueue();
  const inTransaction = new AsyncLocalStorage<boolean>();
  let schema: StorageSchema | undefined;
  let fingerprint = '';
  let committed: Tables = new Map();
  let retired: StoreFile['tables'] = {};
  let lock: FileLock | undefined;
  let closed = false;

  const assertUsable = (): void => {
    if (closed) throw storageError(`The "${id}" storage adapter is closed. Create a new one to use ${path} again.`, { adapter: id });
  };
  const currentSchema = (): StorageSchema => {
    assertUsable();
    if (schema) return schema;
    throw storageError(`The "${id}" storage adapter has no schema yet. Call init(schema) first (createCommunity does this for you).`, { adapter: id });
  };
  // Waiting in the queue behind the transaction the caller is inside would wait forever.
  const refuseInsideTransaction = (what: string): void => {
    if (!inTransaction.getStore()) return;
    throw storageError(`${what} on the "${id}" adapter itself was called inside a transaction callback. Use the tx handle passed to the callback.`, { adapter: id });
  };

  const save = (tables: Tables): Promise<void> => {
    const file: StoreFile = { format: 'kechuang-json-file-storage/1', schema: { version: currentSchema().version, fingerprint }, tables: { ...retired } };
    for (const [model, table] of tables) file.tables[model] = [...table.values()].map(encodeRow);
    return writeStoreFile(path, file);
  };

  // Callers pass a callback typed for StorageOperations; it gets every operation, none optional.
  function transaction<T>(fn: (tx: TableOperations) => Promise<T>): Promise<T> {
    refuseInsideTransaction('transaction()');
    return exclusive(() =>
      inTransaction.run(true, async () => {
        const txSchema = currentSchema();
        // Copy-on-write: a model's table is copied the first time the transaction changes it.
        const changed: Tables = new Map();
        let open = true;
        const access: TableAccess = {
          schema: () => txSchema,
          read: (model) => changed.get(model) ?? committed.get(model) ?? NO_ROWS,
          write: (model) => {
            let table = changed.get(model);
            if (!table) changed.set(model, (table = new Map(committed.get(model))));
            return table;
          },
          assertOpen: () => {
            assertUsable();
            if (!open) throw storageError(`This "${id}" transaction has finished, so its tx handle is closed: await every operation on tx inside the callback.`, { adapter: id });
          },
        };
        try {
          const result = await fn(tableOperations(access));
          if (changed.size > 0) {
            const next: Tables = new Map([...committed, ...changed]);
            await save(next); // if the write fails, nothing is committed and the error propagates
            committed = next;
          }
          return result;
        } finally {
          open = false;
        }
      }),
    );
  }

  const reads = tableOperations({
    schema: currentSchema,
    read: (model) => committed.get(model) ?? NO_ROWS,
    write: () => {
      throw storageError('Writes on the adapter itself run in a transaction of their own.');
    },
    assertOpen: assertUsable,
  });

  return {
    id,
    capabilities: CAPABILITIES,
    findOne: reads.findOne,
    findMany: reads.findMany,
    count: reads.count,
    // Each write on the adapter itself is a transaction of one operation.
    create: (args) => transaction((tx) => tx.create(args)),
    createMany: (args) => transaction((tx) => tx.createMany(args)),
    update: (args) => transaction((tx) => tx.update(args)),
    delete: (args) => transaction((tx) => tx.delete(args)),
    transaction,

    init(next) {
      refuseInsideTransaction('init()');
      return exclusive(async () => {
        assertUsable();
        checkSchema(next);
        const print = fingerprintOf(next);
        if (schema && print === fingerprint) return; // the same schema again: a no-op
        await mkdir(dirname(path), { recursive: true });
        lock ??= await acquireFileLock(path);
        const file = await readStoreFile(path);
        if (file && file.schema.version > next.version) {
          throw storageError(
            `${path} was written with schema version ${file.schema.version}, newer than this code's ${next.version}. Upgrade the SDK and its plugins.`,
            { found: file.schema.version, expected: next.version },
          );
        }
        const loaded = decodeTables(path, next, file?.tables ?? {});
        const previous = { schema, fingerprint, retired };
        ({ retired } = loaded);
        schema = structuredClone(next);
        fingerprint = print;
        try {
          // A new or changed schema is written at once, so the file always says what its rows fit.
          if (file?.schema.fingerprint !== print) await save(loaded.tables);
        } catch (error) {
          ({ schema, fingerprint, retired } = previous);
          throw error;
        }
        committed = loaded.tables;
      });
    },

    close() {
      return exclusive(async () => {
        if (closed) return;
        closed = true;
        await lock?.release();
      });
    },
  };
}
