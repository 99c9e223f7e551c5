import { memoryStorage } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { describe, expect, it } from 'vitest';
import { concurrentRepeats } from './__fixtures__/concurrent-repeats.js';

describe.each([
  ['memory', () => memoryStorage()],
  ['SQLite', () => sqliteStorage({ filename: ':memory:' })],
])('identical submissions at the same time (%s)', (_name, storage) => {
  it('six at once from scratch: three commit, three are refused', async () => {
    expect(await concurrentRepeats(storage(), { already: 0, together: 6 })).toEqual({ committed: 3, refused: 3, stored: 3, merged: 2, reported: [] });
  });

  it('four at once after two: one commits, three are refused', async () => {
    expect(await concurrentRepeats(storage(), { already: 2, together: 4 })).toEqual({ committed: 1, refused: 3, stored: 3, merged: 2, reported: [] });
  });
});
