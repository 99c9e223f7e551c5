/**
 * A small seeded pseudo-random number generator for demo data.
 *
 * Demo data must come out byte-identical on every machine and every Node version, so this
 * module uses only 32-bit integer arithmetic (`Math.imul`, `>>>`) and one exact division by
 * 2^32 — never `Math.random`, and no floating-point maths whose rounding could differ.
 */

/** A seeded source of randomness with the helpers the generators need. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** `true` with probability `p` (0 ≤ p ≤ 1). */
  chance(p: number): boolean;
  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T;
  /** One value of a non-empty `[value, weight]` list, proportionally to the weights. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A shuffled copy of `items` (Fisher–Yates); the input is not touched. */
  shuffle<T>(items: readonly T[]): T[];
  /** `count` distinct items of `items` in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  /**
   * An independent stream derived from this one's seed and `label`. Each generation stage
   * uses its own fork, so that e.g. asking for fewer enterprises leaves the parks unchanged.
   */
  fork(label: string): Random;
}

/** FNV-1a over UTF-16 code units, then a murmur3 finaliser so similar keys spread apart. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: one 32-bit word of state, good enough statistically for demo data. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fromKey(key: string): Random {
  const next = mulberry32(hashKey(key));

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(${min}, ${max}) needs integers with min ≤ max`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(0, i);
      const tmp = copy[i] as T;
      copy[i] = copy[j] as T;
      copy[j] = tmp;
    }
    return copy;
  };

  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty list');
      return items[int(0, items.length - 1)] as T;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of entries) {
        if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(`weighted() got the weight ${weight}`);
        total += weight;
      }
      if (total <= 0) throw new RangeError('weighted() needs at least one positive weight');
      let r = next() * total;
      for (const [value, weight] of entries) {
        if (r < weight) return value;
        r -= weight;
      }
      // Rounding can leave r a hair above the last weight; the last positive entry wins then.
      for (let i = entries.length - 1; i >= 0; i--) {
        const entry = entries[i];
        if (entry && entry[1] > 0) return entry[0];
      }
      throw new RangeError('unreachable');
    },
    shuffle,
    sample<T>(items: readonly T[], count: number): T[] {
      if (!Number.isSafeInteger(count) || count < 0 || count > items.length) {
        throw new RangeError(`sample() cannot take ${count} of ${items.length} items`);
      }
      return shuffle(items).slice(0, count);
    },
    fork: (label) => fromKey(`${key}/${label}`),
  };
}

/**
 * Creates a seeded generator. The same seed gives the same sequence on every machine.
 *
 * @param seed any safe integer (negative and > 2^32 are fine: the seed is hashed, not truncated)
 * @example
 * ```ts
 * const random = createRandom(20250301);
 * random.int(1, 6);                       // a die roll
 * random.weighted([['micro', 7], ['small', 3]] as const);
 * const parks = random.fork('parks');     // an independent stream for one stage
 * ```
 */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`The seed must be a safe integer, not ${seed}`);
  return fromKey(`seed:${seed}`);
}
