import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isKechuangError, type StorageAdapter, type StorageSchema } from '@kechuang/community';
import { testStorageAdapter, walkClosedLoop } from '@kechuang/testing';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { jsonFileStorage } from './json-file-storage.js';

const dir = mkdtempSync(join(tmpdir(), 'json-file-storage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = (): string => join(dir, `store-${++files}.json`);

// The whole storage contract. The groups it skips say why: this adapter reports aggregate,
// claim and feed as false, and the core then does without them.
testStorageAdapter(() => jsonFileStorage({ path: freshPath() }), { name: 'jsonFileStorage' });

it('runs the whole SDK: a request around the closed loop, read back as committed', async () => {
  const storage = jsonFileStorage({ path: freshPath() });
  try {
    const { done, request, timeline } = await walkClosedLoop(storage);
    expect(request).toMatchObject({ status: 'closed', version: done.version, satisfaction: 'satisfied' });
    expect(Math.max(...timeline.map((entry) => entry.seq))).toBe(done.version);
  } finally {
    await storage.close?.();
  }
});

const notes: StorageSchema = {
  version: 1,
  models: {
    note: {
      fields: { id: { type: 'string' }, code: { type: 'string' }, at: { type: 'date' }, body: { type: 'json' } },
      unique: [{ name: 'note_code', fields: ['code'] }],
    },
  },
};
const note = (id: string, code = id) => ({ id, code, at: new Date('2026-03-02T01:00:00.000Z'), body: { text: '尾款未结', n: [1, 2] } });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  if (!isKechuangError(error, 'STORAGE_ERROR')) throw new Error(`expected STORAGE_ERROR, got ${String(error)}`);
  return error.message;
}

describe('jsonFileStorage beyond the contract', () => {
  const open: StorageAdapter[] = [];
  const adapter = (path: string): StorageAdapter => {
    const storage = jsonFileStorage({ path });
    open.push(storage);
    return storage;
  };
  afterEach(async () => {
    for (const storage of open.splice(0)) await storage.close?.();
  });

  it('keeps committed rows across a close and a reopen, dates as Dates and JSON as JSON', async () => {
    const path = freshPath();
    const first = adapter(path);
    await first.init(notes);
    await first.transaction(async (tx) => {
      await tx.create({ model: 'note', data: note('n1') });
      await tx.create({ model: 'note', data: note('n2') });
    });
    await first.close?.();
    const second = adapter(path);
    await second.init(notes);
    expect(await second.findOne({ model: 'note', where: [{ field: 'id', value: 'n1' }] })).toStrictEqual(note('n1'));
    expect(await second.count({ model: 'note' })).toBe(2);
  });

  it('leaves the file as it was when a transaction rolls back or its write fails', async () => {
    const path = freshPath();
    const storage = adapter(path);
    await storage.init(notes);
    await storage.create({ model: 'note', data: note('n1') });
    const before = readFileSync(path, 'utf8');
    await expect(
      storage.transaction(async (tx) => {
        await tx.create({ model: 'note', data: note('n2') });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A directory where the temporary file goes makes the commit's write fail.
    mkdirSync(`${path}.${process.pid}.tmp`);
    expect(await refusal(storage.create({ model: 'note', data: note('n3') }))).toMatch(/Nothing was committed/);
    rmSync(`${path}.${process.pid}.tmp`, { recursive: true });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(await storage.count({ model: 'note' })).toBe(1);
  });

  it('migrates stored rows to a schema with a new nullable field, and refuses a new required one', async () => {
    const path = freshPath();
    const first = adapter(path);
    await first.init(notes);
    await first.create({ model: 'note', data: note('n1') });
    await first.close?.();
    const withField = (nullable: boolean): StorageSchema => ({
      version: 2,
      models: { note: { ...notes.models['note']!, fields: { ...notes.models['note']!.fields, owner: { type: 'string', nullable } } } },
    });
    const required = adapter(path);
    expect(await refusal(required.init(withField(false)))).toMatch(/Cannot add the required field "note.owner"/);
    await required.close?.();
    const migrated = adapter(path);
    await migrated.init(withField(true));
    expect(await migrated.findOne({ model: 'note', where: [{ field: 'id', value: 'n1' }] })).toStrictEqual({ ...note('n1'), owner: null });
    await migrated.close?.();
    const older = adapter(path);
    expect(await refusal(older.init(notes))).toMatch(/schema version 2, newer than this code's 1/);
  });

  it('refuses a unique constraint that the stored rows already break', async () => {
    const path = freshPath();
    const loose: StorageSchema = { version: 1, models: { note: { fields: notes.models['note']!.fields } } };
    const first = adapter(path);
    await first.init(loose);
    await first.createMany?.({ model: 'note', data: [note('n1', 'same'), note('n2', 'same')] });
    await first.close?.();
    const strict = adapter(path);
    await expect(strict.init({ ...notes, version: 2 })).rejects.toSatisfy((error) => isKechuangError(error, 'UNIQUE_VIOLATION'));
  });

  it('serves one adapter at a time: a second one on the same file is refused until the first closes', async () => {
    const path = freshPath();
    const first = adapter(path);
    await first.init(notes);
    expect(await refusal(adapter(path).init(notes))).toMatch(/Another jsonFileStorage adapter in this process has/);
    await first.close?.();
    await adapter(path).init(notes);
  });

  it('takes over a lock left by a process that has ended', async () => {
    const path = freshPath();
    // No process runs with a pid this high (Linux caps pids at 2^22, macOS lower still).
    writeFileSync(`${path}.lock`, '99999999 left-behind');
    await adapter(path).init(notes);
  });

  it('refuses a file it did not write', async () => {
    const path = freshPath();
    writeFileSync(path, '{"users": []}');
    expect(await refusal(adapter(path).init(notes))).toMatch(/not a jsonFileStorage file/);
    const garbled = freshPath();
    writeFileSync(garbled, '{"format": "kechuang-json');
    expect(await refusal(adapter(garbled).init(notes))).toMatch(/not valid JSON/);
  });

  it('refuses calls on the adapter itself inside a transaction, instead of waiting for ever', async () => {
    const storage = adapter(freshPath());
    await storage.init(notes);
    const message = await refusal(storage.transaction(() => storage.create({ model: 'note', data: note('n1') })));
    expect(message).toMatch(/Use the tx handle/);
    expect(await storage.count({ model: 'note' })).toBe(0);
  });

  it('refuses use before init() and after close()', async () => {
    const storage = adapter(freshPath());
    expect(await refusal(storage.findMany({ model: 'note' }))).toMatch(/Call init\(schema\) first/);
    await storage.init(notes);
    await storage.close?.();
    expect(await refusal(storage.count({ model: 'note' }))).toMatch(/is closed/);
  });
});
