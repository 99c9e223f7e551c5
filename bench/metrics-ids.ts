/**
 * Ids for the metrics data set that come out the same on every run: UUIDv7-shaped (the
 * timestamp of the record first, so that they sort by time like the SDK's own ids), with the
 * random part drawn from a seeded generator instead of the system's.
 */
import type { Random } from '@kechuang/demo';

const hex = (value: number, digits: number): string => value.toString(16).padStart(digits, '0');

/** 32 random bits from `random` (its `next()` is a multiple of 2^-32 in [0, 1)). */
const word = (random: Random): number => Math.floor(random.next() * 0x1_0000_0000);

/**
 * A UUIDv7 for a record created at `ms`, its 74 random bits from `random`.
 *
 * @example
 * ```ts
 * seededUuidv7(Date.parse('2026-01-05T01:00:00Z'), createRandom(1)); // '019b8c7e-...-7...-...'
 * ```
 */
export function seededUuidv7(ms: number, random: Random): string {
  const time = hex(ms, 12);
  const [a, b, c] = [word(random), word(random), word(random)];
  const version = `7${hex(a >>> 20, 3)}`;
  const variant = `${hex(0x8 | ((a >>> 18) & 0x3), 1)}${hex((a >>> 6) & 0xfff, 3)}`;
  return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${hex(b, 8)}${hex(c >>> 16, 4)}`;
}

/**
 * An id generator for `createCommunity({ ids })` whose ids depend only on the seed and the
 * order of the calls, all stamped with the time `ms`.
 *
 * @example
 * ```ts
 * const community = createCommunity({ storage, ids: seededIdGenerator(Date.parse('2025-02-20T00:00:00Z'), random.fork('ids')) });
 * ```
 */
export function seededIdGenerator(ms: number, random: Random): () => string {
  return () => seededUuidv7(ms, random);
}
