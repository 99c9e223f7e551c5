import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildSchema, createCommunity, type StorageSchema } from '@kechuang/community';
import { expectFailedTimerWalk, walkFailedTimer } from '@kechuang/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteStorage } from './sqlite-storage.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The core schema as it was before timers kept `failedAt` (schema 10). */
function schemaBeforeFailedAt(): StorageSchema {
  const schema = buildSchema();
  const { failedAt: _dropped, ...fields } = schema.models['timer']!.fields;
  return { version: 10, models: { ...schema.models, timer: { ...schema.models['timer']!, fields } } };
}

describe('failed timers on sqliteStorage', () => {
  it('fails a plugin timer 3 times, lists it with its error and when, retries it, and fires it once', async () => {
    const storage = sqliteStorage({ filename: ':memory:' });
    try {
      expectFailedTimerWalk(await walkFailedTimer(storage));
    } finally {
      await storage.close?.();
    }
  });

  it('adds failedAt to the timers of a database made before it, keeping their rows', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kechuang-failed-timers-'));
    dirs.push(dir);
    const filename = path.join(dir, 'kechuang.sqlite');
    const old = sqliteStorage({ filename });
    await old.init(schemaBeforeFailedAt());
    const at = new Date('2026-03-02T01:00:00Z');
    await old.create({
      model: 'timer',
      data: { id: 't1', officeId: 'o1', requestId: null, kind: 'flaky.sync', key: 'k1', dueAt: at, payload: {}, status: 'failed', leaseOwner: null, leaseExpiresAt: null, firedAt: null, attempts: 10, lastError: 'HTTP 502', createdAt: at, version: 3 },
    });
    await old.close?.();

    const storage = sqliteStorage({ filename });
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
