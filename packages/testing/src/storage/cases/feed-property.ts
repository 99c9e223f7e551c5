import { expect, it } from 'vitest';
import fc from 'fast-check';
import type { FeedEntry, Row } from '@kechuang/community';
import type { ConformanceContext } from '../conformance-helpers.js';
import { FEED } from '../conformance-schema.js';
import { entryIds, expectPositionShapes, feedRow, pause, PATIENCE_MS, readFeedOf, readUntil } from '../feed-helpers.js';

/** Runs of the property; each runs several writers and readers at once. */
export const FEED_PROPERTY_RUNS = 25;

interface Writer {
  rows: number;
  rollback: boolean;
  /** Milliseconds to wait before each write (0–2), so that transactions interleave where they can. */
  pauses: number[];
}

const writer: fc.Arbitrary<Writer> = fc.record({
  rows: fc.integer({ min: 1, max: 3 }),
  rollback: fc.boolean(),
  pauses: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
});

class Rollback extends Error {}

/**
 * Concurrent writers (some rolling back) and concurrent readers polling the feed: what each
 * reader receives is exactly the committed rows, each once, in one order shared by all
 * readers and by a fresh read afterwards, with each transaction's rows in the order written.
 */
export function feedPropertyCases(ctx: ConformanceContext): void {
  it(
    `delivers exactly the committed rows, once each and in one order, to every concurrent reader (${FEED_PROPERTY_RUNS} runs)`,
    { timeout: 180_000 },
    async () => {
      const adapter = ctx.adapter;
      const readFeed = readFeedOf(adapter);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(writer, { minLength: 1, maxLength: 6 }),
          fc.integer({ min: 1, max: 3 }),
          fc.integer({ min: 1, max: 4 }),
          async (writers, readers, limit) => {
            // Each run has its own scope: rows of earlier runs stay, and `where` keeps them out.
            const scope = `run${run++}`;
            const where = [{ field: 'scope', value: scope }];
            const planned: Row[][] = writers.map((w, i) => Array.from({ length: w.rows }, (_, j) => feedRow(`${scope}-w${i}-${j}`, scope, j)));
            let settled = false;
            const writes = Promise.allSettled(
              writers.map((w, i) =>
                adapter.transaction(async (tx) => {
                  for (const [j, data] of (planned[i] ?? []).entries()) {
                    await pause(w.pauses[j] ?? 0);
                    await tx.create({ model: FEED, data });
                  }
                  if (w.rollback) throw new Rollback('rolled back on purpose');
                })
              )
            ).then((results) => {
              settled = true;
              return results;
            });
            const read = async (): Promise<FeedEntry[]> => {
              const received: FeedEntry[] = [];
              let after: string | null = null;
              // Poll while writers run; the rest is read on below, once the committed count is known.
              while (!settled) {
                const page = await readFeed({ model: FEED, where, after, limit });
                received.push(...page);
                after = page.at(-1)?.position ?? after;
                await pause(page.length === 0 ? 1 : 0);
              }
              return received;
            };
            const [results, ...polled] = await Promise.all([writes, ...Array.from({ length: readers }, read)]);
            const committed = results.flatMap((result, i) => (result.status === 'fulfilled' ? (planned[i] ?? []) : []));
            for (const [i, result] of results.entries()) {
              if (result.status === 'rejected') expect(result.reason, `writer ${i} may only fail by its own rollback`).toBeInstanceOf(Rollback);
            }
            const expectedIds = committed.map((row) => String(row['id'])).sort();
            const readings: FeedEntry[][] = [];
            for (const received of polled) {
              const rest = await readUntil(adapter, { where, after: received.at(-1)?.position ?? null, limit, expected: committed.length - received.length });
              readings.push([...received, ...rest.entries]);
            }
            const fresh = (await readUntil(adapter, { where, limit: 1000, expected: committed.length })).entries;
            expectPositionShapes(fresh);
            expect([...entryIds(fresh)].sort(), `a fresh read must return exactly the committed rows (waited up to ${PATIENCE_MS} ms)`).toStrictEqual(expectedIds);
            for (const [r, reading] of readings.entries()) {
              expect(reading, `reader ${r} must receive every committed row once, in the order of every other read`).toStrictEqual(fresh);
            }
            const ids = entryIds(fresh);
            for (const rows of planned) {
              const at = rows.map((row) => ids.indexOf(String(row['id']))).filter((index) => index >= 0);
              expect(at, "a transaction's rows come in the order it wrote them").toStrictEqual([...at].sort((a, b) => a - b));
            }
          }
        ),
        // A failing run waits out the readers' patience, so report the first counterexample unshrunk.
        { numRuns: FEED_PROPERTY_RUNS, seed: 20250611, endOnFailure: true }
      );
    }
  );
}
