/**
 * Makes record ids. Ids are opaque strings; the default makes UUIDv7, which sort by creation
 * time and so keep SQL indexes compact.
 */
export type IdGenerator = () => string;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * The default generator: RFC 9562 UUIDv7 from the platform's `crypto`.
 *
 * @example
 * ```ts
 * const id = uuidv7(); // '019a…-7…'
 * ```
 */
// Random bytes are drawn in blocks: one getRandomValues call per id dominated submit profiles.
const POOL_SIZE = 4096;
const pool = new Uint8Array(POOL_SIZE);
let poolOffset = POOL_SIZE;

export const uuidv7: IdGenerator = () => {
  if (poolOffset + 16 > POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  const ms = Date.now();
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
