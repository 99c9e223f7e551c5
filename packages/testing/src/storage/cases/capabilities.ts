import { expect, it } from 'vitest';
import type { ConformanceContext } from '../conformance-helpers.js';
import { createRecords, record } from '../conformance-helpers.js';
import { RECORD, conformanceSchema } from '../conformance-schema.js';

/** The adapter describes itself honestly and meets the core's minimum. */
export function capabilityCases(ctx: ConformanceContext): void {
  it('reports capabilities.transactions = true (the core refuses to run without transactions)', () => {
    const { adapter } = ctx;
    expect(
      adapter.capabilities.transactions,
      `Adapter "${adapter.id}" reports capabilities.transactions = ${String(adapter.capabilities.transactions)}. ` +
        'The core only runs on adapters with real atomic transactions (commit on resolve, full rollback on throw): ' +
        'implement transaction() that way and set the flag to true.'
    ).toBe(true);
  });

  it('has a non-empty id and boolean capability flags', () => {
    const { adapter } = ctx;
    expect(typeof adapter.id, 'adapter.id should be a short name such as "sqlite"').toBe('string');
    expect(adapter.id.length, 'adapter.id should not be empty').toBeGreaterThan(0);
    for (const flag of ['transactions', 'aggregate', 'skipLocked', 'returning'] as const) {
      expect(typeof adapter.capabilities[flag], `capabilities.${flag} should be a boolean`).toBe('boolean');
    }
  });

  it('reports the same capabilities for every instance the factory creates', () => {
    expect({ ...ctx.adapter.capabilities }).toStrictEqual({ ...ctx.capabilities });
  });

  it('implements aggregate() when capabilities.aggregate is true', () => {
    const { adapter } = ctx;
    if (!adapter.capabilities.aggregate) return;
    expect(typeof adapter.aggregate, 'capabilities.aggregate is true, so aggregate() must be a function').toBe('function');
  });

  it('implements readFeed() when capabilities.feed is true, and reports feed as a boolean if at all', () => {
    const { adapter } = ctx;
    const { feed } = adapter.capabilities;
    expect(feed === undefined || typeof feed === 'boolean', 'capabilities.feed, when present, should be a boolean').toBe(true);
    if (feed) expect(typeof adapter.readFeed, 'capabilities.feed is true, so readFeed() must be a function').toBe('function');
  });

  it('treats init() with the same schema again as a no-op that keeps the data', async () => {
    const { adapter } = ctx;
    await createRecords(adapter, [record('kept')]);
    await adapter.init(conformanceSchema);
    expect(await adapter.count({ model: RECORD }), 'rows written before the second init() must survive it').toBe(1);
  });
}
