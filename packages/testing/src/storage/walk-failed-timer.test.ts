import { memoryStorage } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { walkFailedTimer } from '../index.js';

describe('walkFailedTimer on memoryStorage', () => {
  it('fails the timer 3 times, lists it with its error, retries it, and fires it once', async () => {
    const walk = await walkFailedTimer(memoryStorage());
    expect(walk.failures).toBe(3);
    expect(walk.listed).toHaveLength(1);
    expect(walk.listed[0]).toMatchObject({ kind: 'flaky.sync', status: 'failed', attempts: 3, lastError: 'the city portal answered HTTP 502', failedAt: expect.any(Date) });
    expect(walk.retried).toMatchObject({ status: 'pending', attempts: 0, failedAt: null });
    expect(walk.listedAfter).toEqual([]);
    expect(walk.successes).toBe(1);
    expect(walk.fired).toMatchObject({ status: 'fired', attempts: 1, lastError: null, failedAt: null });
  });
});
