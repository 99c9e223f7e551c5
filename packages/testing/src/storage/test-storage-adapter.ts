import { afterEach, beforeEach, describe } from 'vitest';
import type { StorageAdapter, StorageCapabilities } from '@kechuang/community';
import { aggregateCases } from './cases/aggregate.js';
import { capabilityCases } from './cases/capabilities.js';
import { claimCases } from './cases/claim.js';
import { countDeleteCases } from './cases/count-delete.js';
import { createManyCases } from './cases/create-many.js';
import { crudCases } from './cases/crud.js';
import { feedCases } from './cases/feed.js';
import { feedPropertyCases } from './cases/feed-property.js';
import { guardedUpdateCases } from './cases/guarded-update.js';
import { invalidQueryCases } from './cases/invalid-queries.js';
import { orderingCases } from './cases/ordering.js';
import { pagingCases } from './cases/paging.js';
import { transactionCases } from './cases/transactions.js';
import { uniqueCases } from './cases/unique.js';
import { whereCases } from './cases/where.js';
import type { ConformanceContext } from './conformance-helpers.js';
import { conformanceSchema } from './conformance-schema.js';

/** The groups of the storage conformance suite, each its own `describe` block. */
export type StorageConformanceGroup =
  | 'capabilities'
  | 'crud'
  | 'createMany'
  | 'where'
  | 'ordering'
  | 'paging'
  | 'unique'
  | 'guardedUpdate'
  | 'transactions'
  | 'countDelete'
  | 'aggregate'
  | 'claim'
  | 'feed'
  | 'invalidQueries';

/**
 * Options of {@link testStorageAdapter}.
 *
 * @example
 * ```ts
 * testStorageAdapter(() => postgresStorage({ connectionString: process.env.TEST_DATABASE_URL }), {
 *   name: 'postgresStorage',
 *   timeout: 20_000,
 *   cleanup: async (adapter) => dropKitTables(adapter),
 * });
 * ```
 */
export interface TestStorageAdapterOptions {
  /**
   * Title of the outer `describe` block.
   * @default 'storage adapter conformance'
   */
  name?: string;
  /**
   * Groups to skip, each with the reason shown in the test report, e.g.
   * `{ invalidQueries: 'driver errors are wrapped in #123' }`. Use it sparingly: a skipped
   * group is a part of the contract the adapter does not prove. Groups gated by a capability
   * (`aggregate`, `claim`, `feed`) skip themselves when the adapter reports the capability as false.
   * @default {}
   */
  skip?: Partial<Record<StorageConformanceGroup, string>>;
  /**
   * Runs after every test on the adapter that test used (and once on the probe adapter the kit
   * creates while collecting tests), before the kit calls `adapter.close()`. Drop tables or
   * delete database files here if `close()` does not.
   * @default no cleanup beyond `close()`
   */
  cleanup?: (adapter: StorageAdapter) => Promise<void>;
  /**
   * Timeout of each test in milliseconds; raise it for adapters behind a network.
   * @default vitest's `testTimeout` (5 000 ms unless configured)
   */
  timeout?: number;
}

const GROUP_TITLES: Record<StorageConformanceGroup, string> = {
  capabilities: 'capabilities',
  crud: 'CRUD round-trips of every field type',
  createMany: 'createMany: several rows, all or none',
  where: 'where: operators, null semantics, OR groups',
  ordering: 'orderBy',
  paging: 'paging: limit, offset, keyset cursors',
  unique: 'unique constraints',
  guardedUpdate: 'guarded update',
  transactions: 'transactions',
  countDelete: 'count and delete',
  aggregate: 'aggregate',
  claim: 'claim: atomic claims no concurrent claimer shares',
  feed: 'readFeed: committed rows exactly once, in commit order',
  invalidQueries: 'invalid queries',
};

async function dispose(adapter: StorageAdapter, cleanup: TestStorageAdapterOptions['cleanup']): Promise<void> {
  try {
    await cleanup?.(adapter);
  } finally {
    await adapter.close?.();
  }
}

/**
 * Registers the storage adapter conformance suite with vitest: every rule of the storage
 * contract as its own test, grouped in `describe` blocks so a failure names the rule broken.
 *
 * `factory` is called once per test and must return a fresh, empty adapter; the kit calls
 * `init()` with its own schema (models named `kit_*`) and, after the test, `cleanup` and then
 * `close()`. It is also called once while vitest collects the tests, to read the adapter's
 * `capabilities` (that probe is never initialised). Groups that need a capability the adapter
 * does not report are skipped, with the reason in their name. An adapter reporting
 * `capabilities.transactions = false` fails: the core never runs on one.
 *
 * Call it at the top level of a test file (not inside a test).
 *
 * @example
 * ```ts
 * // sqlite-storage.test.ts
 * import { testStorageAdapter } from '@kechuang/testing';
 * import { sqliteStorage } from './sqlite-storage.js';
 *
 * testStorageAdapter(() => sqliteStorage({ filename: ':memory:' }), { name: 'sqliteStorage' });
 * ```
 */
export function testStorageAdapter(
  factory: () => StorageAdapter | Promise<StorageAdapter>,
  options: TestStorageAdapterOptions = {}
): void {
  const { name = 'storage adapter conformance', skip = {}, cleanup, timeout } = options;

  describe(name, timeout === undefined ? {} : { timeout }, async () => {
    const probe = await factory();
    const capabilities: StorageCapabilities = { ...probe.capabilities };
    const hasCreateMany = typeof probe.createMany === 'function';
    await dispose(probe, cleanup);

    let current: StorageAdapter | undefined;
    const context: ConformanceContext = {
      get adapter(): StorageAdapter {
        if (!current) throw new Error('The conformance adapter exists only while a test runs; use ctx.adapter inside it().');
        return current;
      },
      capabilities,
    };

    beforeEach(async () => {
      const adapter = await factory();
      // Set before init so a failing init still gets cleaned up.
      current = adapter;
      await adapter.init(conformanceSchema);
    });

    afterEach(async () => {
      const adapter = current;
      current = undefined;
      if (adapter) await dispose(adapter, cleanup);
    });

    const noTransactions = capabilities.transactions
      ? undefined
      : 'adapter reports capabilities.transactions = false; see the failing capabilities test';
    const gates: Partial<Record<StorageConformanceGroup, string>> = {
      transactions: noTransactions,
      aggregate: capabilities.aggregate ? undefined : 'adapter reports capabilities.aggregate = false',
      claim: capabilities.claim ? undefined : 'adapter does not report capabilities.claim = true',
      feed: capabilities.feed ? undefined : 'adapter does not report capabilities.feed = true',
      createMany: hasCreateMany ? undefined : 'adapter has no createMany (the core inserts row by row)',
    };

    const group = (key: StorageConformanceGroup, cases: (ctx: ConformanceContext) => void): void => {
      const reason = skip[key] ?? gates[key];
      const title = reason === undefined ? GROUP_TITLES[key] : `${GROUP_TITLES[key]} (skipped: ${reason})`;
      describe.skipIf(reason !== undefined)(title, () => cases(context));
    };

    group('capabilities', capabilityCases);
    group('crud', crudCases);
    group('createMany', createManyCases);
    group('where', whereCases);
    group('ordering', orderingCases);
    group('paging', pagingCases);
    group('unique', uniqueCases);
    group('guardedUpdate', guardedUpdateCases);
    group('transactions', transactionCases);
    group('countDelete', countDeleteCases);
    group('aggregate', aggregateCases);
    group('claim', claimCases);
    group('feed', (ctx) => {
      feedCases(ctx);
      feedPropertyCases(ctx);
    });
    group('invalidQueries', invalidQueryCases);
  });
}
