import { describe, expect, it } from 'vitest';
import { isKechuangError } from '../errors/index.js';
import { memoryStorage } from './memory-storage.js';
import type { FeedEntry, ReadFeedArgs, StorageAdapter, StorageSchema } from './types.js';

// What the conformance kit cannot see from outside the in-memory adapter: positions across
// re-initialisation with another schema, a model that becomes a feed, and ids used again.

const fields = { id: { type: 'string' }, n: { type: 'number' } } as const;
const plain: StorageSchema = { version: 1, models: { event: { fields } } };
const feed: StorageSchema = { version: 2, models: { event: { fields, feed: true } } };

function read(storage: StorageAdapter, args: Omit<ReadFeedArgs, 'model' | 'limit'> = {}): Promise<FeedEntry[]> {
  if (!storage.readFeed) throw new Error('memoryStorage implements readFeed');
  return storage.readFeed({ model: 'event', limit: 100, ...args });
}
const ids = (entries: readonly FeedEntry[]): string[] => entries.map((entry) => String(entry.row['id']));

describe('memoryStorage readFeed', () => {
  it('refuses to read before init, with STORAGE_ERROR', async () => {
    const error = await read(memoryStorage()).catch((caught: unknown) => caught);
    expect(isKechuangError(error, 'STORAGE_ERROR')).toBe(true);
  });

  it('gives the rows of a model that becomes a feed positions in the order they were created', async () => {
    const storage = memoryStorage();
    await storage.init(plain);
    for (const id of ['b', 'a', 'c']) await storage.create({ model: 'event', data: { id, n: 0 } });
    await storage.init(feed);
    await storage.create({ model: 'event', data: { id: 'd', n: 0 } });
    const entries = await read(storage);
    expect(ids(entries)).toStrictEqual(['b', 'a', 'c', 'd']);
    expect(entries.map((entry) => entry.position)).toStrictEqual(['1', '2', '3', '4']);
  });

  it('keeps positions a reader holds across init with another schema, deletions included', async () => {
    const storage = memoryStorage();
    await storage.init(feed);
    for (const id of ['p1', 'p2', 'p3']) await storage.create({ model: 'event', data: { id, n: 0 } });
    const [, second] = await read(storage);
    await storage.delete({ model: 'event', where: [{ field: 'id', value: 'p1' }] });
    await storage.init({ version: 3, models: { event: { fields: { ...fields, note: { type: 'string', nullable: true } }, feed: true } } });
    await storage.create({ model: 'event', data: { id: 'p4', n: 0, note: null } });
    const rest = await read(storage, { after: second?.position ?? null });
    expect(ids(rest)).toStrictEqual(['p3', 'p4']);
    expect(rest.map((entry) => entry.position)).toStrictEqual(['3', '4']);
  });

  it('gives an id created again after its row was deleted a new position, and skips the old one', async () => {
    const storage = memoryStorage();
    await storage.init(feed);
    await storage.create({ model: 'event', data: { id: 'x', n: 1 } });
    await storage.create({ model: 'event', data: { id: 'y', n: 1 } });
    await storage.delete({ model: 'event', where: [{ field: 'id', value: 'x' }] });
    await storage.create({ model: 'event', data: { id: 'x', n: 2 } });
    const entries = await read(storage);
    expect(entries.map((entry) => [entry.position, entry.row['id'], entry.row['n']])).toStrictEqual([
      ['2', 'y', 1],
      ['3', 'x', 2],
    ]);
  });

  it('hands out copies: changing a returned row changes nothing stored', async () => {
    const storage = memoryStorage();
    await storage.init(feed);
    await storage.create({ model: 'event', data: { id: 'c1', n: 1 } });
    const [entry] = await read(storage);
    if (entry) entry.row['n'] = 99;
    expect((await read(storage))[0]?.row['n']).toBe(1);
  });
});
