import { manualClock } from '@kechuang/community';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random.js';
import { seededUuidv7 } from './seeded-ids.js';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seededUuidv7', () => {
  it('makes UUIDv7 ids that start with the clock time', () => {
    const clock = manualClock(new Date('2025-03-01T00:00:00+08:00'));
    const id = seededUuidv7(clock, createRandom(1))();
    expect(id).toMatch(UUID_V7);
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(clock.now().getTime());
  });

  it('repeats the same ids for the same seed and clock, and others for another seed', () => {
    const run = (seed: number): string[] => {
      const clock = manualClock(new Date('2025-03-01T00:00:00+08:00'));
      const next = seededUuidv7(clock, createRandom(seed));
      return Array.from({ length: 50 }, (_, i) => {
        clock.advance(i % 3);
        return next();
      });
    };
    expect(run(7)).toEqual(run(7));
    expect(new Set(run(7)).size).toBe(50);
    expect(run(8)).not.toEqual(run(7));
  });

  it('sorts by creation time across milliseconds', () => {
    const clock = manualClock(new Date('2025-03-01T00:00:00+08:00'));
    const next = seededUuidv7(clock, createRandom(3));
    const ids = Array.from({ length: 20 }, () => {
      clock.advance(1);
      return next();
    });
    expect([...ids].sort()).toEqual(ids);
  });
});
