import type { Clock, IdGenerator } from '@kechuang/community';
import type { Random } from '../random.js';

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

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
  const bytes = new Uint8Array(16);
  const word = (): number => Math.floor(random.next() * 4294967296);
  return () => {
    const ms = clock.now().getTime();
    for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
    for (let i = 6; i < 16; i += 4) {
      const w = word();
      bytes[i] = w >>> 24;
      bytes[i + 1] = (w >>> 16) & 0xff;
      if (i + 2 < 16) bytes[i + 2] = (w >>> 8) & 0xff;
      if (i + 3 < 16) bytes[i + 3] = w & 0xff;
    }
    bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    let id = '';
    for (let i = 0; i < 16; i++) {
      if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
      id += HEX[bytes[i] ?? 0];
    }
    return id;
  };
}
