import { uuidv7Generator, type Clock, type IdGenerator } from '@kechuang/community';
import type { Random } from '../random.js';

/**
 * A deterministic id generator shaped like the SDK's default: RFC 9562 UUIDv7, whose first 48
 * bits are the clock's milliseconds (so ids sort by creation time and SQL indexes stay
 * compact), with the remaining bits drawn from `random` instead of the platform's `crypto`.
 * Replaying the same commands on the same clock with the same seed gives the same ids.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date('2025-03-01T00:00:00+08:00'));
 * const ids = seededUuidv7(clock, createRandom(20250301).fork('ids'));
 * const community = createCommunity({ storage: memoryStorage(), clock, ids });
 * ```
 */
export function seededUuidv7(clock: Clock, random: Random): IdGenerator {
  return uuidv7Generator({
    clock,
    fillRandom: (bytes) => {
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random.next() * 256);
    },
  });
}
