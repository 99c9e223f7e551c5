import { describe, expect, it } from 'vitest';
import { createCommunity } from '../community.js';
import { manualClock } from '../ports/clock.js';
import { memoryStorage } from '../storage/memory-storage.js';
import { idempotencyKeys } from './idempotency-keys.js';

function setup() {
  const clock = manualClock(new Date('2026-03-02T01:00:00Z'));
  const community = createCommunity({ storage: memoryStorage(), clock });
  return { clock, keys: idempotencyKeys(community) };
}

const base = { officeId: 'o1', scope: 'member:m1', key: 'k-1', fingerprint: 'f1', leaseMs: 1000, ttlMs: 60_000 };

describe('idempotencyKeys', () => {
  it('claims once, then replays the stored response', async () => {
    const { keys } = setup();
    const first = await keys.claim(base);
    expect(first.status).toBe('claimed');
    expect((await keys.claim(base)).status).toBe('in_progress');
    if (first.status === 'claimed') await first.complete({ status: 201, body: 'x' });
    expect(await keys.claim(base)).toEqual({ status: 'replay', response: { status: 201, body: 'x' } });
    expect((await keys.claim({ ...base, fingerprint: 'f2' })).status).toBe('mismatch');
  });

  it('frees a released key and keeps scopes and offices apart', async () => {
    const { keys } = setup();
    const first = await keys.claim(base);
    if (first.status === 'claimed') await first.release();
    expect((await keys.claim(base)).status).toBe('claimed');
    expect((await keys.claim({ ...base, scope: 'member:m2' })).status).toBe('claimed');
    expect((await keys.claim({ ...base, officeId: 'o2' })).status).toBe('claimed');
  });

  it('lets one caller take over a key whose first attempt died, and only one', async () => {
    const { keys, clock } = setup();
    const dead = await keys.claim(base);
    clock.advance(1001);
    const takers = await Promise.all([keys.claim(base), keys.claim(base), keys.claim(base)]);
    expect(takers.filter((t) => t.status === 'claimed')).toHaveLength(1);
    // The dead attempt's late completion does not overwrite the new owner's.
    const owner = takers.find((t) => t.status === 'claimed');
    if (owner?.status === 'claimed') await owner.complete('second');
    if (dead.status === 'claimed') await dead.complete('first');
    expect(await keys.claim(base)).toEqual({ status: 'replay', response: 'second' });
  });

  it('forgets a key after its time to live, and purges expired keys', async () => {
    const { keys, clock } = setup();
    const first = await keys.claim(base);
    if (first.status === 'claimed') await first.complete('old');
    clock.advance(60_001);
    expect((await keys.claim(base)).status).toBe('claimed');
    await keys.claim({ ...base, key: 'k-2' });
    clock.advance(60_001);
    expect(await keys.purgeExpired()).toBe(2);
  });

  it('rejects a malformed key', async () => {
    const { keys } = setup();
    await expect(keys.claim({ ...base, key: 'has space' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(keys.claim({ ...base, key: 'x'.repeat(256) })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
