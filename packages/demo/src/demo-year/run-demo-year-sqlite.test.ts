/**
 * The demo year on SQLite (`@kechuang/storage-sqlite`, an in-memory database): the same seed
 * replays to the same year as on memory storage, notifications included.
 */
import type { NotificationMessage, Notifier, ServiceRequest } from '@kechuang/community';
import { sqliteStorage } from '@kechuang/storage-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_MOBILE_PREFIX } from '../fake-contacts.js';
import { runDemoYear, type DemoYear } from './run-demo-year.js';

/** An e-mail notifier that keeps what it is given. */
function mailbox(): Notifier & { sent: NotificationMessage[] } {
  const sent: NotificationMessage[] = [];
  return {
    id: 'mail',
    channel: 'email',
    sent,
    async send(message) {
      sent.push(message);
      return { externalId: `mail-${sent.length}` };
    },
  };
}

// A smaller directory keeps the file quick; the year still collects about 460 requests.
const options = { seed: 42, enterprises: 600 };
const storage = sqliteStorage({ filename: ':memory:' });
const sqliteMail = mailbox();
const memoryMail = mailbox();
let onSqlite: DemoYear;
let onMemory: DemoYear;

async function requestsOf(year: DemoYear): Promise<ServiceRequest[]> {
  const page = await year.community.as({ kind: 'system', officeId: year.officeId }).requests.list({ order: 'oldest', limit: 500 });
  expect(page.nextCursor).toBeNull();
  return page.items;
}

beforeAll(async () => {
  onSqlite = await runDemoYear({ ...options, storage, notifiers: [sqliteMail] });
  onMemory = await runDemoYear({ ...options, notifiers: [memoryMail] });
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

  it("delivers the year's notifications through the notifiers given, masked, as they happen", () => {
    const { sent } = sqliteMail;
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.map((m) => m.idempotencyKey)).toEqual(memoryMail.sent.map((m) => m.idempotencyKey));
    expect(new Set(sent.map((m) => m.idempotencyKey)).size).toBe(sent.length);
    const events = new Set(sent.map((m) => m.event));
    for (const event of ['request.assign', 'request.reply', 'sla.reminder']) expect(events).toContain(event);
    expect(sent.every((m) => m.to.address?.endsWith('@mengchuang.example'))).toBe(true);
    expect(sent.some((m) => `${m.title}${m.text}`.includes(DEMO_MOBILE_PREFIX))).toBe(false);
  });
});
