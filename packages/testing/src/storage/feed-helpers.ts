import { assert, expect } from 'vitest';
import type { FeedEntry, ReadFeedArgs, Row, StorageAdapter, Where } from '@kechuang/community';
import { FEED } from './conformance-schema.js';

/** What the contract allows a position to look like: short printable ASCII, no whitespace (an SSE id). */
export const POSITION_SHAPE = /^[\x21-\x7e]{1,64}$/;

/**
 * How long a reader keeps polling for rows it knows have committed. A feed may hold rows back
 * while any transaction that could precede them is open — on PostgreSQL any transaction on
 * the server, such as another test file's — so a read coming back short is not a failure until
 * this runs out. A liveness bound, not a timing assertion.
 */
export const PATIENCE_MS = 20_000;

/** The adapter's readFeed, or a failure explaining that capabilities.feed promised it. */
export function readFeedOf(adapter: StorageAdapter): (args: ReadFeedArgs) => Promise<FeedEntry[]> {
  const readFeed = adapter.readFeed;
  if (typeof readFeed !== 'function') assert.fail('capabilities.feed is true, so readFeed() must be a function on the adapter');
  return readFeed.bind(adapter);
}

/** A complete `kit_feed` row. */
export function feedRow(id: string, scope = 's1', n = 0): Row {
  return { id, scope, n, at: new Date(Date.UTC(2025, 0, 1, 0, 0, n)) };
}

/** Resolves after `ms` milliseconds: lets other work (and other connections) run. */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The ids of feed entries, in order. */
export function entryIds(entries: readonly FeedEntry[]): string[] {
  return entries.map((entry) => String(entry.row['id']));
}

/** Checks the contract's shape of each entry's position. */
export function expectPositionShapes(entries: readonly FeedEntry[]): void {
  for (const { position, row } of entries) {
    expect(typeof position, `the position of ${String(row['id'])} must be a string`).toBe('string');
    expect(position, `the position of ${String(row['id'])} must be short printable ASCII without whitespace`).toMatch(POSITION_SHAPE);
  }
}

/** Where a reader has got to: everything it received, and the position to read on from. */
export interface FeedReading {
  entries: FeedEntry[];
  after: string | null;
}

/**
 * Reads on from `after` in pages of `limit`, polling while the feed holds rows back, until
 * `expected` entries have come (or {@link PATIENCE_MS} runs out: the caller's assertions then
 * say what is missing). Checks every page's size and positions on the way.
 */
export async function readUntil(
  adapter: StorageAdapter,
  options: { where?: Where; after?: string | null; limit: number; expected: number }
): Promise<FeedReading> {
  const readFeed = readFeedOf(adapter);
  const entries: FeedEntry[] = [];
  let after = options.after ?? null;
  const deadline = Date.now() + PATIENCE_MS;
  while (entries.length < options.expected && Date.now() < deadline) {
    const page = await readFeed({ model: FEED, where: options.where ?? [], after, limit: options.limit });
    expect(page.length, 'readFeed must return at most limit entries').toBeLessThanOrEqual(options.limit);
    expectPositionShapes(page);
    entries.push(...page);
    after = page.at(-1)?.position ?? after;
    if (page.length === 0) await pause(5);
  }
  return { entries, after };
}
