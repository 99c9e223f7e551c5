import { buildSchema, createCommunity, type StorageSchema } from '@kechuang/community';
import { expectFailedTimerWalk, walkFailedTimer } from '@kechuang/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, dropSchema, freshSchemaName, probeDatabase } from './pg-test-database.js';
import { postgresStorage } from './postgres-storage.js';

const reachable = await probeDatabase('postgres-failed-timers.test.ts');
const schema = freshSchemaName();
afterAll(async () => {
  if (reachable) {
    await dropSchema(schema);
    await dropSchema(`${schema}_old`);
  }
});

/** The core schema as it was before timers kept `failedAt` (schema 10). */
function schemaBeforeFailedAt(): StorageSchema {
  const core = buildSchema();
  const { failedAt: _dropped, ...fields } = core.models['timer']!.fields;
  return { version: 10, models: { ...core.models, timer: { ...core.models['timer']!, fields } } };
}

describe.skipIf(!reachable)(reachable ? 'failed timers on postgresStorage' : `failed timers on postgresStorage — SKIPPED: PostgreSQL unreachable at ${connectionString}`, () => {
  it('fails a plugin timer 3 times, lists it with its error and when, retries it, and two workers fire it once', { timeout: 30_000 }, async () => {
    const storage = postgresStorage({ connectionString, schema });
    try {
      expectFailedTimerWalk(await walkFailedTimer(storage));
    } finally {
      await storage.close?.();
    }
  });

  it('adds failedAt to the timers of a database made before it, keeping their rows', { timeout: 30_000 }, async () => {
    const at = new Date('2026-03-02T01:00:00Z');
    const old = postgresStorage({ connectionString, schema: `${schema}_old` });
    try {
      await old.init(schemaBeforeFailedAt());
      await old.create({
        model: 'timer',
        data: { id: 't1', officeId: 'o1', requestId: null, kind: 'flaky.sync', key: 'k1', dueAt: at, payload: {}, status: 'failed', leaseOwner: null, leaseExpiresAt: null, firedAt: null, attempts: 10, lastError: 'HTTP 502', createdAt: at, version: 3 },
      });
    } finally {
      await old.close?.();
    }
    const storage = postgresStorage({ connectionString, schema: `${schema}_old` });
    try {
      await createCommunity({ storage }).ready();
      expect(await storage.findOne({ model: 'timer', where: [{ field: 'id', value: 't1' }] })).toMatchObject({ status: 'failed', lastError: 'HTTP 502', failedAt: null });
      await storage.update({ model: 'timer', where: [{ field: 'id', value: 't1' }], data: { failedAt: at } });
      expect(await storage.findOne({ model: 'timer', where: [{ field: 'id', value: 't1' }] })).toMatchObject({ failedAt: at });
    } finally {
      await storage.close?.();
    }
  });
});
