import type { Clock } from './clock.js';

/**
 * Makes record ids. Ids are opaque strings; the default makes UUIDv7, which sort by creation
 * time and so keep SQL indexes compact.
 */
export type IdGenerator = () => string;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Options of {@link uuidv7Generator}. */
export interface UuidV7Options {
  /** Where the 48-bit millisecond timestamp comes from. @default the system clock */
  clock?: Clock;
  /** Fills a buffer with random bytes. @default the platform's `crypto.getRandomValues` */
  fillRandom?: (bytes: Uint8Array) => void;
}

// Random bytes are drawn in blocks: one getRandomValues call per id dominated submit profiles.
const POOL_SIZE = 4096;

/**
 * An RFC 9562 UUIDv7 generator. Give it a manual clock and a seeded source of random bytes,
 * and replaying the same commands gives the same ids, still sorted by creation time.
 *
 * @example
 * ```ts
 * const clock = manualClock(new Date('2025-03-01T00:00:00+08:00'));
 * const ids = uuidv7Generator({ clock, fillRandom: (bytes) => bytes.forEach((_, i) => (bytes[i] = next() & 0xff)) });
 * const community = createCommunity({ storage: memoryStorage(), clock, ids });
 * ```
 */
export function uuidv7Generator(options: UuidV7Options = {}): IdGenerator {
  const { clock } = options;
  const fill = options.fillRandom ?? ((bytes: Uint8Array) => globalThis.crypto.getRandomValues(bytes));
  const pool = new Uint8Array(POOL_SIZE);
  let poolOffset = POOL_SIZE;
  return () => {
    if (poolOffset + 16 > POOL_SIZE) {
      fill(pool);
      poolOffset = 0;
    }
    const bytes = pool.subarray(poolOffset, poolOffset + 16);
    poolOffset += 16;
    const ms = clock ? clock.now().getTime() : Date.now();
    // 48-bit big-endian millisecond timestamp.
    for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) & 0xff;
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

/**
 * The default generator: RFC 9562 UUIDv7 from the system clock and the platform's `crypto`.
 *
 * @example
 * ```ts
 * const id = uuidv7(); // '019a…-7…'
 * ```
 */
export const uuidv7: IdGenerator = uuidv7Generator();

/**
 * A deterministic generator for tests: `prefix-000001`, `prefix-000002`, …
 *
 * @example
 * ```ts
 * const community = createCommunity({ storage: memoryStorage(), ids: sequentialIds('r') });
 * ```
 */
export function sequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(6, '0')}`;
}
