/**
 * The demo year on SQLite (`@kechuang/storage-sqlite`, an in-memory database): the same seed
 * replays to the same year as on memory storage.
 */
import type { ServiceRequest } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoYear, type DemoYear } from './run-demo-year.js';

// A smaller directory keeps the file quick; the year still collects about 460 requests.
const options = { seed: 42, enterprises: 600 };
const storage = sqliteStorage({ filename: ':memory:' });
let onSqlite: DemoYear;
let onMemory: DemoYear;

async function requestsOf(year: DemoYear): Promise<ServiceRequest[]> {
  const page = await year.community.as({ kind: 'system', officeId: year.officeId }).requests.list({ order: 'oldest', limit: 500 });
  expect(page.nextCursor).toBeNull();
  return page.items;
}

beforeAll(async () => {
  onSqlite = await runDemoYear({ ...options, storage });
  onMemory = await runDemoYear(options);
}, 180_000);
afterAll(async () => {
  await storage.close?.();
});

describe('runDemoYear on SQLite', () => {
  it('replays the same year as on memory storage: the same summary and the same request rows', async () => {
    expect(onSqlite.storage).toBe(storage);
    expect(onSqlite.summary).toEqual(onMemory.summary);
    expect(onSqlite.summary.collected).toBeGreaterThanOrEqual(437);
    expect(onSqlite.summary.resolved).toBeGreaterThanOrEqual(304);
    expect(await requestsOf(onSqlite)).toEqual(await requestsOf(onMemory));
  });
});
