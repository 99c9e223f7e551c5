import { AsyncLocalStorage } from 'node:async_hooks';
import type { Kysely, QueryExecutorProvider, Transaction } from 'kysely';
import type { StorageAdapter, StorageCapabilities, StorageOperations, StorageSchema } from '@kechuang/community';
import { storageError } from './storage-error.js';
import { resolveDialect, type SqlDialectDescription } from './dialect.js';
import { migrate } from './migrate.js';
import { createOperations, createRunner, type OperationContext } from './operations.js';
import { createFeedEnd, createReadFeed } from './feed-read.js';

/** Options of {@link kyselyStorage}. */
export interface KyselyStorageOptions<DB = unknown> {
  /** The Kysely instance to run on. The adapter never creates tables outside `init()`. */
  db: Kysely<DB>;
  /**
   * The database: `'sqlite'`, `'postgres'`, or a {@link SqlDialectDescription} for others.
   * @default 'sqlite'
   */
  dialect?: 'sqlite' | 'postgres' | SqlDialectDescription;
  /**
   * The adapter's `id`, used in messages.
   * @default the dialect's name
   */
  id?: string;
  /**
   * Destroys the Kysely instance (closing its connections) on `close()`.
   * @default true
   */
  destroyOnClose?: boolean;
}

function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * A storage adapter over a Kysely instance: SQLite and PostgreSQL built in, other databases
 * through a {@link SqlDialectDescription}. Models become snake_case tables, fields snake_case
 * columns; `init()` creates or migrates them and records the schema version in
 * `kechuang_migrations`.
 *
 * Models declared `feed: true` get hidden columns that keep their commit order, and
 * `readFeed()` tails them exactly once in that order (see {@link SqlDialectDescription.feed}).
 *
 * Transactions run every statement on the transaction handle. On SQLite (one connection)
 * transactions and root-handle operations run one at a time in call order; calling the
 * adapter itself (instead of `tx`) inside a transaction callback throws STORAGE_ERROR
 * rather than waiting forever.
 *
 * @example
 * ```ts
 * import { Kysely, PostgresDialect } from 'kysely';
 * import pg from 'pg';
 * import { kyselyStorage } from '@kechuang/storage-kysely';
 *
 * const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString }) }) });
 * const community = createCommunity({ storage: kyselyStorage({ db, dialect: 'postgres' }) });
 * ```
 */
export function kyselyStorage<DB>(options: KyselyStorageOptions<DB>): StorageAdapter {
  const dialect = resolveDialect(options.dialect ?? 'sqlite');
  const id = options.id ?? dialect.name;
  const { db } = options;
  let schema: StorageSchema | undefined;
  const queue = dialect.serialize ? serialQueue() : <T>(task: () => Promise<T>): Promise<T> => task();
  const inTransaction = new AsyncLocalStorage<boolean>();

  const capabilities: StorageCapabilities = Object.freeze({
    transactions: true,
    aggregate: true,
    skipLocked: dialect.skipLocked,
    returning: dialect.returning,
    claim: true,
    feed: dialect.feed !== undefined,
  });

  const currentSchema = (): StorageSchema => {
    if (schema) return schema;
    throw storageError(`The "${id}" storage adapter has no schema yet. Call init(schema) first (createCommunity does).`, { adapter: id });
  };

  const guardRoot = (): void => {
    if (dialect.serialize && inTransaction.getStore()) {
      throw storageError(
        `The "${id}" adapter itself was called inside a transaction callback; use the tx handle passed to fn ` +
          '(on SQLite the root handle would wait for the transaction forever).',
        { adapter: id }
      );
    }
  };

  const openTransaction = <T>(fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> =>
    db.transaction().execute((trx) => (dialect.serialize ? inTransaction.run(true, () => fn(trx)) : fn(trx)));

  function txOperations(trx: QueryExecutorProvider, isOpen: () => boolean): StorageOperations {
    const ctx: OperationContext = { schema: currentSchema, dialect, atomic: (fn) => fn(trx) };
    const ops = createOperations(ctx, trx);
    const wrapped: StorageOperations = {} as StorageOperations;
    for (const [name, op] of Object.entries(ops) as [keyof StorageOperations, (args: never) => Promise<unknown>][]) {
      const checked = (args: never): Promise<unknown> => {
        if (!isOpen()) return Promise.reject(storageError(`This "${id}" transaction has finished; its tx handle can no longer be used.`, { adapter: id }));
        return op(args);
      };
      Object.assign(wrapped, { [name]: checked });
    }
    return wrapped;
  }

  function transaction<T>(fn: (tx: StorageOperations) => Promise<T>): Promise<T> {
    guardRoot();
    return queue(() =>
      openTransaction(async (trx) => {
        let open = true;
        try {
          return await fn(txOperations(trx, () => open));
        } finally {
          open = false;
        }
      })
    );
  }

  const rootContext: OperationContext = {
    schema: currentSchema,
    dialect,
    // Root-level guarded updates run in their own transaction (the queue is already held).
    atomic: (fn) => openTransaction((trx) => fn(trx)),
  };
  const root = createOperations(rootContext, db);
  const viaQueue =
    <A, R>(op: (args: A) => Promise<R>) =>
    (args: A): Promise<R> => {
      guardRoot();
      return queue(() => op(args));
    };

  return {
    id,
    capabilities,
    create: viaQueue(root.create),
    createMany: viaQueue((args) => {
      if (!root.createMany) throw storageError('createMany is not available.');
      return root.createMany(args);
    }),
    findOne: viaQueue(root.findOne),
    findMany: viaQueue(root.findMany),
    count: viaQueue(root.count),
    update: viaQueue(root.update),
    delete: viaQueue(root.delete),
    aggregate: viaQueue((args) => {
      if (!root.aggregate) throw storageError('aggregate is not available.');
      return root.aggregate(args);
    }),
    claim: viaQueue((args) => {
      if (!root.claim) throw storageError('claim is not available.');
      return root.claim(args);
    }),
    ...(dialect.feed === undefined
      ? {}
      : {
          readFeed: viaQueue(createReadFeed(dialect, currentSchema, db, createRunner(dialect, db))),
          feedEnd: viaQueue(createFeedEnd(dialect, currentSchema, db, createRunner(dialect, db))),
        }),
    transaction,
    init: (next) =>
      queue(async () => {
        if (typeof next !== 'object' || next === null || typeof next.models !== 'object') {
          throw storageError('init() needs a schema of the form { version, models }.');
        }
        for (const [model, definition] of Object.entries(next.models)) {
          const idField = definition.fields['id'];
          if (!idField || idField.type !== 'string' || idField.nullable) throw storageError(`Model "${model}" needs a non-nullable string field "id".`, { model });
        }
        await openTransaction((trx) => migrate(trx, dialect, next));
        schema = structuredClone(next);
      }),
    close: async () => {
      if (options.destroyOnClose ?? true) await queue(() => db.destroy());
    },
  };
}
