import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StorageSchema } from '@kechuang/community';
import { walkClosedLoop } from '@kechuang/testing';
import { sqliteStorage } from './sqlite-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'kechuang-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema: StorageSchema = { version: 1, models: { note: { fields: { id: { type: 'string' }, text: { type: 'string' }, at: { type: 'date' } } } } };

describe('sqliteStorage on a file', () => {
  it('keeps data across close and reopen, and init is idempotent', async () => {
    const filename = join(dir, 'notes.db');
    const first = sqliteStorage({ filename });
    await first.init(schema);
    await first.transaction((tx) => tx.create({ model: 'note', data: { id: 'n1', text: '你好', at: new Date(5) } }));
    await first.close?.();
    const second = sqliteStorage({ filename });
    await second.init(schema);
    expect(await second.findOne({ model: 'note', where: [{ field: 'id', value: 'n1' }] })).toEqual({ id: 'n1', text: '你好', at: new Date(5) });
    await second.close?.();
  });
});

describe('the whole SDK on sqliteStorage', () => {
  it('submit → assign → accept → reply → followUp, then reads the timeline back', async () => {
    const storage = sqliteStorage({ filename: ':memory:' });
    const { done, request, timeline } = await walkClosedLoop(storage);
    await storage.close?.();
    expect(request.version).toBe(done.version);
    expect(timeline.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...timeline.map((e) => e.seq))).toBe(done.version);
    expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['submitted', 'accepted', 'replied', 'followed_up']));
  });
});
