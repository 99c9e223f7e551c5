import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connectionString, probeDatabase } from './pg-test-database.js';
import { postgresWakeSource, type PostgresWakeSource } from './postgres-wake-source.js';

const reachable = await probeDatabase('postgres-wake-source.test.ts');
const channel = `kechuang_wake_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const sources: PostgresWakeSource[] = [];
afterAll(async () => {
  await Promise.all(sources.map((s) => s.close()));
});

const open = (): PostgresWakeSource => {
  const source = postgresWakeSource({ connectionString, channel, reconnectDelayMs: 100, onError: () => undefined });
  sources.push(source);
  return source;
};

/** Resolves with how many calls `count()` reached once it reaches `n`, or what it had after `ms`. */
async function eventually(count: () => number, n: number, ms = 5000): Promise<number> {
  const until = Date.now() + ms;
  while (count() < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return count();
}

describe.skipIf(!reachable)('postgresWakeSource', () => {
  it("wakes another instance's listeners when one signals", async () => {
    const a = open();
    const b = open();
    let woken = 0;
    b.subscribe(() => woken++);
    // Both connected: each has called its listeners once on connecting.
    await eventually(() => woken, 1);
    const before = woken;
    a.signal();
    expect(await eventually(() => woken, before + 1)).toBeGreaterThan(before);
  });

  it('reconnects after its connection is killed, waking listeners once it is back', async () => {
    const a = open();
    const b = open();
    let woken = 0;
    b.subscribe(() => woken++);
    await eventually(() => woken, 1);
    const admin = new pg.Client({ connectionString });
    await admin.connect();
    try {
      const killed = await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query ILIKE $1 AND pid <> pg_backend_pid()`, [`LISTEN ${channel}%`]);
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // Reconnected (a wake on reconnect), then signals flow again.
    const afterKill = woken;
    expect(await eventually(() => woken, afterKill + 1)).toBeGreaterThan(afterKill);
    await new Promise((r) => setTimeout(r, 300));
    const settled = woken;
    a.signal();
    expect(await eventually(() => woken, settled + 1)).toBeGreaterThan(settled);
  });

  it('refuses a channel that is not a plain identifier', () => {
    expect(() => postgresWakeSource({ connectionString, channel: 'x; DROP TABLE y' })).toThrow(/identifier/);
  });
});
