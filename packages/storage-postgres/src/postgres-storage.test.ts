import { afterAll, describe, expect, it } from 'vitest';
import type { StorageAdapter } from '@kechuang/community';
import { testStorageAdapter } from '@kechuang/testing';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from './pg-test-database.js';
import { postgresStorage } from './postgres-storage.js';

const reachable = await probeDatabase('postgres-storage.test.ts');

// One fresh schema per adapter (the kit makes one adapter per test); cleanup drops it.
const schemas = new WeakMap<StorageAdapter, string>();
const created = new Set<string>();
function freshAdapter(): StorageAdapter {
  const schema = freshSchemaName();
  const adapter = postgresStorage({ connectionString, schema, max: 10 });
  schemas.set(adapter, schema);
  created.add(schema);
  return adapter;
}
async function cleanup(adapter: StorageAdapter): Promise<void> {
  const schema = schemas.get(adapter);
  if (schema === undefined) return;
  created.delete(schema);
  await dropSchema(schema);
}
afterAll(async () => {
  for (const schema of created) await dropSchema(schema);
});

describe.skipIf(!reachable)(reachable ? 'postgresStorage' : `postgresStorage — SKIPPED: PostgreSQL unreachable at ${connectionString}`, () => {
  if (reachable) testStorageAdapter(freshAdapter, { name: 'postgresStorage conformance', cleanup, timeout: 30_000 });

  it('creates the tables in its own schema and refuses an empty schema name', async () => {
    const adapter = freshAdapter();
    try {
      await adapter.init({ version: 1, models: { note: { fields: { id: { type: 'string' } } } } });
      await adapter.create({ model: 'note', data: { id: 'n1' } });
      expect(await adapter.count({ model: 'note' })).toBe(1);
    } finally {
      await cleanup(adapter);
      await adapter.close?.();
    }
    expect(() => postgresStorage({ connectionString, schema: '' })).toThrow(/schema/);
  });
});
